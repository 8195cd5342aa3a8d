using System;
using System.Collections.Generic;

namespace Mapflow.Client.Workflow;

/// <summary>
/// When the pending processings look likely to finish, from how fast each one's percentCompleted rose between two
/// reads (the first read is measured against 0 % when it was made). Only progress that moved counts: a processing
/// held at 99 % gives no estimate and is read by its age alone, so a stalled one never makes the reads more frequent.
/// </summary>
public sealed class FinishEstimates
{
    private readonly Dictionary<Guid, (double Percent, DateTimeOffset At)> _last = new();

    /// <summary>The soonest finish estimated from the reads since the last <see cref="TakeSoonest"/>, as time left after its read.</summary>
    private TimeSpan? _soonest;

    /// <summary>Records that <paramref name="id"/> showed <paramref name="percent"/> at <paramref name="now"/>.</summary>
    /// <param name="created">When the server says it was made: with 0 %, the first measure to compare with.</param>
    public void Observe(Guid id, double percent, DateTimeOffset? created, DateTimeOffset now)
    {
        if (!_last.TryGetValue(id, out var before))
            // A server clock ahead of ours must not put the start after the read.
            before = (0, created is { } c && c < now ? c : now);
        var gained = percent - before.Percent;
        var seconds = (now - before.At).TotalSeconds;
        if (gained > 0 && percent < 100 && seconds > 0)
        {
            var left = TimeSpan.FromSeconds((100 - percent) * seconds / gained);
            if (_soonest is not { } soonest || left < soonest) _soonest = left;
        }
        _last[id] = (percent, now);
    }

    /// <summary>Forgets a processing that is final or gone.</summary>
    public void Forget(Guid id) => _last.Remove(id);

    /// <summary>The soonest estimated finish of the reads since the last call, or null when none was moving.</summary>
    public TimeSpan? TakeSoonest()
    {
        var soonest = _soonest;
        _soonest = null;
        return soonest;
    }
}
