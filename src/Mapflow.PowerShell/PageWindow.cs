using System.Management.Automation;
using System.Threading;

namespace Mapflow.PowerShell;

/// <summary>
/// -Skip, -First and -IncludeTotalCount (SupportsPaging) over everything a command would write, across pipeline input.
/// Thread-safe, since listings run on the thread pool.
/// </summary>
internal sealed class PageWindow
{
    private readonly ulong _skip;
    private readonly ulong _end;
    private readonly bool _count;
    private long _seen;

    public PageWindow(PagingParameters paging)
    {
        _skip = paging.Skip;
        _end = paging.First > ulong.MaxValue - paging.Skip ? ulong.MaxValue : paging.Skip + paging.First;
        _count = paging.IncludeTotalCount;
    }

    /// <summary>Counts one more object; true when it falls inside the window and should be written.</summary>
    public bool Take()
    {
        var position = (ulong)Interlocked.Increment(ref _seen);
        return position > _skip && position <= _end;
    }

    /// <summary>Nothing more would be written or counted: listings stop reading pages.</summary>
    public bool IsFull => !_count && (ulong)Interlocked.Read(ref _seen) >= _end;

    /// <summary>How many objects a listing needs at most (for its page size), or null when it needs them all.</summary>
    public ulong? Needed => _count || _end == ulong.MaxValue ? null : _end - (ulong)Interlocked.Read(ref _seen);

    /// <summary>With -IncludeTotalCount, the count object to write after the objects: every match, ignoring -Skip and -First.</summary>
    public void WriteTotal(PSCmdlet cmdlet)
    {
        if (_count) cmdlet.WriteObject(cmdlet.PagingParameters.NewTotalCount((ulong)Interlocked.Read(ref _seen), 1.0));
    }
}
