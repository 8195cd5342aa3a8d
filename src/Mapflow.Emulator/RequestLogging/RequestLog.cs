using System.Globalization;

namespace Mapflow.Emulator.RequestLogging;

/// <summary>One logged API request, as <c>GET /_emulator/requests</c> shows it. Never holds the token itself.</summary>
internal sealed record RequestLogEntry(
    int Seq,
    string Time,
    string Method,
    string Path,
    string Query,
    int Status,
    string? Fault,
    string? Body,
    string Authorization,
    string? Accept,
    string? Finished = null);

/// <summary>Every API request in arrival order; an entry is added on arrival and completed when the response ends.</summary>
internal sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<Slot> _slots = [];

    /// <summary>Records an arriving request with status 0, which it keeps if the connection is aborted.</summary>
    public Slot Begin(DateTimeOffset arrival, string method, string path, string query, string? body, string authorization, string? accept)
    {
        lock (_gate)
        {
            var time = Stamp(arrival);
            var slot = new Slot(new RequestLogEntry(_slots.Count + 1, time, method, path, query, 0, null, body, authorization, accept));
            _slots.Add(slot);
            return slot;
        }
    }

    /// <summary>Safe after a clear: the slot is simply no longer listed.</summary>
    public void Complete(Slot slot, int status, string? fault)
    {
        var finished = Stamp(DateTimeOffset.UtcNow);
        lock (_gate) slot.Entry = slot.Entry with { Status = status, Fault = fault, Finished = finished };
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public IReadOnlyList<RequestLogEntry> Entries()
    {
        lock (_gate) return _slots.Select(s => s.Entry).ToList();
    }

    /// <summary>Forgets everything; numbering starts again at 1.</summary>
    public void Clear()
    {
        lock (_gate) _slots.Clear();
    }

    /// <summary>A request's place in the log, written only under the log's lock.</summary>
    internal sealed class Slot(RequestLogEntry entry)
    {
        public RequestLogEntry Entry { get; set; } = entry;
    }
}
