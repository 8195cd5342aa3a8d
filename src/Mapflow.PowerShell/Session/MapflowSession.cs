using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;

namespace Mapflow;

/// <summary>A connection to one Mapflow API as one account. Never shows its token.</summary>
public sealed class MapflowSession : IDisposable
{
    // Models and providers change rarely; limits and balance are re-read where a decision depends on them.
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);
    private readonly Cached<Account> _account = new();
    private readonly Cached<IReadOnlyList<Project>> _projects = new();

    internal MapflowSession(MapflowClientOptions options, string source)
    {
        Client = new MapflowClient(options);
        Source = source;
    }

    internal MapflowClient Client { get; }

    public Uri ApiUrl => Client.Options.ApiUrl;
    public string? Email => Client.Options.Token.Email;
    public Uri? Proxy => Client.Options.Proxy;

    /// <summary>Where the token came from: Connect-Mapflow or the MAPFLOW_TOKEN environment variable.</summary>
    public string Source { get; }

    /// <summary>Per-kind timeouts; change them on the session object to affect later calls.</summary>
    public MapflowTimeouts Timeouts => Client.Options.Timeouts;

    public RetryOptions Retry => Client.Options.Retry;

    /// <summary>The account read in the last five minutes, if any; never a request (for tab completion).</summary>
    internal Account? CachedAccount => _account.Fresh;

    /// <summary>The project list read in the last five minutes, if any; never a request (for tab completion).</summary>
    internal IReadOnlyList<Project>? CachedProjects => _projects.Fresh;

    /// <summary>Until when tab completion makes no request, after one that failed or was too slow.</summary>
    internal DateTimeOffset CompletionQuietUntil { get; set; }

    internal Task<Account> GetAccountAsync(bool refresh, CancellationToken cancellationToken) =>
        _account.GetAsync(refresh, () => Client.GetAccountAsync(cancellationToken));

    internal Task<IReadOnlyList<Project>> GetProjectsAsync(bool refresh, CancellationToken cancellationToken) =>
        _projects.GetAsync(refresh, async () => (IReadOnlyList<Project>)await Client.GetProjectsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>After a change to the projects, so completion does not offer a stale list.</summary>
    internal void ForgetProjects() => _projects.Clear();

    public override string ToString() => $"Mapflow session for {Email ?? "(unknown account)"} at {ApiUrl}";

    public void Dispose() => Client.Dispose();

    /// <summary>A value read from the API with the time it was read; replaced whole, so readers on other threads see one or the other.</summary>
    private sealed class Cached<T> where T : class
    {
        private volatile Entry? _entry;

        public T? Fresh => _entry is { } entry && DateTimeOffset.UtcNow - entry.ReadAt < CacheLifetime ? entry.Value : null;

        public async Task<T> GetAsync(bool refresh, Func<Task<T>> read)
        {
            if (!refresh && Fresh is { } cached) return cached;
            var value = await read().ConfigureAwait(false);
            _entry = new Entry(value, DateTimeOffset.UtcNow);
            return value;
        }

        public void Clear() => _entry = null;

        private sealed class Entry
        {
            public Entry(T value, DateTimeOffset readAt) => (Value, ReadAt) = (value, readAt);
            public T Value { get; }
            public DateTimeOffset ReadAt { get; }
        }
    }
}
