using System.Text.RegularExpressions;

namespace Mapflow.Emulator.Faults;

/// <summary>The body of <c>POST /_emulator/faults</c>.</summary>
internal sealed record FaultSpec(
    string? Method,
    string? Path,
    int? Count,
    string? Kind,
    int? Status,
    string? RetryAfter,
    int? DelayMs,
    int? BytesPerSecond);

/// <summary>The misbehaviours a test can inject into matching API requests.</summary>
internal static class FaultKind
{
    public const string Status = "status";     // answer with an error status (and Retry-After) instead of processing
    public const string Drop = "drop";         // (wait delayMs, default 0, whether or not the client stays) process, then abort without answering
    public const string Reset = "reset";       // abort before processing
    public const string Truncate = "truncate"; // process, send the real Content-Length but half the body, abort
    public const string Html = "html";         // answer 200 with an HTML page instead of processing
    public const string Latency = "latency";   // wait, then process
    public const string Slow = "slow";         // process, then trickle the body out
    public const string UnreadableItem = "unreadableItem"; // process, then give the first item of a JSON list (or page) an id that is no UUID (a search page's first image, no id)
    public const string Echo = "echo";         // answer with an error status and a JSON body that echoes the request's credentials, as a careless gateway does

    public static readonly IReadOnlyList<string> All = [Status, Drop, Reset, Truncate, Html, Latency, Slow, UnreadableItem, Echo];
}

/// <summary>A registered fault; <see cref="Remaining"/> counts down under the registry's lock.</summary>
internal sealed class Fault
{
    private readonly Regex _pattern;

    public Fault(int id, FaultSpec spec)
    {
        Kind = spec.Kind is { } kind && FaultKind.All.Contains(kind)
            ? kind
            : throw ApiException.BadRequest($"kind must be one of {string.Join(", ", FaultKind.All)}");
        if (spec.Count is < 1)
            throw ApiException.BadRequest("count must be at least 1");
        if (spec.Status is < 100 or > 599)
            throw ApiException.BadRequest("status must be an HTTP status code");
        if (spec.DelayMs is < 0 || spec.BytesPerSecond is < 1)
            throw ApiException.BadRequest("delayMs must not be negative and bytesPerSecond must be positive");

        Id = id;
        Method = spec.Method?.ToUpperInvariant();
        Path = spec.Path ?? "*";
        Remaining = spec.Count ?? 1;
        Status = spec.Status ?? 503;
        RetryAfter = spec.RetryAfter;
        // A drop waits only when asked: it models a server that finishes the work after the client gave up.
        DelayMs = spec.DelayMs ?? (Kind == FaultKind.Drop ? 0 : 1000);
        BytesPerSecond = spec.BytesPerSecond ?? 20_000;
        // '*' matches any run of characters, '/' included; everything else is literal.
        _pattern = new Regex("^" + Regex.Escape(Path).Replace(@"\*", ".*") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public int Id { get; }
    public string? Method { get; }
    public string Path { get; }
    public string Kind { get; }
    public int Status { get; }
    public string? RetryAfter { get; }
    public int DelayMs { get; }
    public int BytesPerSecond { get; }
    public int Remaining { get; set; }

    /// <summary>Matches the API path (without a /rest prefix) or the path exactly as sent.</summary>
    public bool Matches(string method, string apiPath, string sentPath) =>
        (Method is null || Method == method) && (_pattern.IsMatch(apiPath) || _pattern.IsMatch(sentPath));
}
