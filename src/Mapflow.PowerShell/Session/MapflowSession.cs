using System;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;

namespace Mapflow;

/// <summary>A connection to one Mapflow API as one account. Never shows its token.</summary>
public sealed class MapflowSession : IDisposable
{
    // Models and providers change rarely; limits and balance are re-read where a decision depends on them.
    private static readonly TimeSpan AccountCacheLifetime = TimeSpan.FromMinutes(5);
    private Account? _account;
    private DateTimeOffset _accountReadAt;

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

    internal async Task<Account> GetAccountAsync(bool refresh, CancellationToken cancellationToken)
    {
        var cached = _account;
        if (!refresh && cached != null && DateTimeOffset.UtcNow - _accountReadAt < AccountCacheLifetime) return cached;
        var account = await Client.GetAccountAsync(cancellationToken).ConfigureAwait(false);
        _account = account;
        _accountReadAt = DateTimeOffset.UtcNow;
        return account;
    }

    public override string ToString() => $"Mapflow session for {Email ?? "(unknown account)"} at {ApiUrl}";

    public void Dispose() => Client.Dispose();
}
