using System;

namespace Mapflow;

/// <summary>What Test-MapflowConnection -Detailed found: whether the API answered and took the token, and how fast.</summary>
public sealed class ConnectionTest
{
    public bool Success { get; internal set; }
    public Uri? ApiUrl { get; internal set; }
    /// <summary>What GET /version answered.</summary>
    public string? Version { get; internal set; }
    /// <summary>The round trip of GET /version, connection set-up included.</summary>
    public double? LatencyMs { get; internal set; }
    /// <summary>The account the token belongs to, as /user/status confirmed it.</summary>
    public string? Email { get; internal set; }
    public double? RemainingCredits { get; internal set; }
    /// <summary>Why it failed: the error id and message the other cmdlets would have given.</summary>
    public string? Error { get; internal set; }

    public override string ToString() => Success ? $"Connected to {ApiUrl} as {Email}" : $"Not connected: {Error}";
}
