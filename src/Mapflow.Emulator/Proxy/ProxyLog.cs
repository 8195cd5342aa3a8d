using System.Globalization;

namespace Mapflow.Emulator.Proxy;

/// <summary>One request the proxy saw, as <c>GET /_proxy/requests</c> shows it. Never holds a credential.</summary>
internal sealed record ProxyLogEntry(
    int Seq,
    string Time,
    string Method,
    string Target,
    int Status,
    string ProxyAuthorization,
    bool Authorization);

/// <summary>Every proxied request in arrival order; completed with the status the client got (0 when cut off).</summary>
internal sealed class ProxyLog
{
    private readonly object _gate = new();
    private readonly List<ProxyLogEntry> _entries = [];

    public int Begin(string method, string target, string proxyAuthorization, bool authorization)
    {
        lock (_gate)
        {
            var time = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            _entries.Add(new ProxyLogEntry(_entries.Count + 1, time, method, target, 0, proxyAuthorization, authorization));
            return _entries.Count - 1;
        }
    }

    public void Complete(int index, int status)
    {
        lock (_gate)
        {
            if (index < _entries.Count) _entries[index] = _entries[index] with { Status = status };
        }
    }

    public IReadOnlyList<ProxyLogEntry> Entries()
    {
        lock (_gate) return _entries.ToList();
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }
}
