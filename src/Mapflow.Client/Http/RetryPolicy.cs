using System;
using System.Net;
using System.Net.Http;

namespace Mapflow.Client.Http;

/// <summary>
/// The retry decisions, kept free of I/O and clocks so tests can check them without waiting:
/// which outcomes are transient, how long to wait, and when the budget says stop.
/// </summary>
internal sealed class RetryPolicy
{
    private readonly RetryOptions _options;
    private readonly Func<double> _random;

    // One policy serves concurrent requests, and System.Random is not thread-safe.
    private static readonly Random Jitter = new();

    private static double SharedRandom()
    {
        lock (Jitter) return Jitter.NextDouble();
    }

    public RetryPolicy(RetryOptions options, Func<double>? random = null)
    {
        _options = options;
        _random = random ?? SharedRandom;
    }

    public static bool IsTransient(HttpStatusCode status) => (int)status is 408 or 429 or 500 or 502 or 503 or 504;

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1-based), or null to give up: the retries are used up,
    /// or the wait would end past the call's budget.
    /// </summary>
    public TimeSpan? NextDelay(int retry, TimeSpan? retryAfter, TimeSpan elapsed)
    {
        if (retry > _options.MaxRetries) return null;
        // Full jitter (AWS): uniform in [0, min(cap, base * 2^(n-1))], so clients that failed together spread out.
        var ceiling = Math.Min(_options.MaxDelay.TotalMilliseconds, _options.BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        var delay = TimeSpan.FromMilliseconds(ceiling * _random());
        if (retryAfter is { } minimum && minimum > delay) delay = minimum;
        return elapsed + delay > _options.Budget ? null : delay;
    }

    /// <summary>Retry-After as a delay from <paramref name="now"/>: delta-seconds or an HTTP-date; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date)
        {
            var wait = date - now;
            // HTTP-dates have whole seconds; round up so the wait is never shorter than the server asked.
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds));
        }
        return null;
    }
}
