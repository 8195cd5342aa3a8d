using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;

namespace Mapflow.Client.Workflow;

public enum StartOutcome
{
    /// <summary>A new processing was created (and paid for).</summary>
    Created,
    /// <summary>The create's answer was lost, and the processing it made was found by its key.</summary>
    Recovered,
}

public sealed class StartResult
{
    public StartResult(Processing processing, StartOutcome outcome)
    {
        Processing = processing;
        Outcome = outcome;
    }

    public Processing Processing { get; }
    public StartOutcome Outcome { get; }
}

/// <summary>
/// Starts processings at most once per key. Before creating, it looks for the key among the project's processings
/// (an index read once, then the server asked again just before paying); after a create with an unclear outcome
/// (lost answer, timeout, 5xx) it waits, looks again and creates only if the key is still absent; a look-up that
/// fails is itself an unclear outcome. Lists may omit meta, so candidates are narrowed by name and confirmed with
/// one GET each.
/// </summary>
public sealed class ProcessingStarter
{
    private readonly MapflowClient _client;
    private readonly Guid _projectId;
    private readonly SemaphoreSlim _indexLock = new(1, 1);
    private Dictionary<string, List<Processing>>? _byName;

    public ProcessingStarter(MapflowClient client, Guid projectId)
    {
        _client = client;
        _projectId = projectId;
    }

    // Listings may show a processing with the server's clock, which may be behind ours; the scan after an unclear
    // create reaches this far before the create was sent, and never more than ScanLimit processings.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(15);
    private const int ScanLimit = 1000;
    private const int PageSize = 100;

    /// <summary>The processing this request already made in the project, found by the key in its meta; null if none.</summary>
    public Task<Processing?> FindAsync(ProcessingRequest request, CancellationToken cancel) =>
        FindInIndexAsync(request.Name, KeyOf(request), cancel);

    /// <summary>
    /// Asks the server again, just before paying: the project's processings of this name (the listing's terms
    /// filter), so a processing made since the index was read, or missed by a page shifting under it, is found.
    /// </summary>
    public Task<Processing?> LookUpAsync(ProcessingRequest request, CancellationToken cancel) =>
        LookUpAsync(request.Name, KeyOf(request), createdSince: null, cancel);

    /// <summary>
    /// Creates the processing. After an unclear outcome it looks the key up and creates again only when the
    /// server has no processing with it, so one call never yields two processings.
    /// </summary>
    public async Task<StartResult> CreateAsync(ProcessingRequest request, CancellationToken cancel)
    {
        var key = KeyOf(request);
        var sent = DateTimeOffset.UtcNow;
        var retry = new OperationRetry(_client.Options, IsUnclear, GraceBeforeLookUp,
            (e, n, delay) => MapflowLog.Verbose(
                $"Create of '{request.Name}' had an unclear outcome ({e.Message}); looking it up by its key in {delay.TotalSeconds:0.0} s before sending it again (retry {n} of {_client.Options.Retry.MaxRetries})."));
        return await retry.ExecuteAsync(async attempt =>
        {
            // After an unclear outcome the server may have made it: look first, and send again only if it is absent.
            if (attempt.Number > 0 && await LookUpAsync(request.Name, key, sent, attempt.Cancel).ConfigureAwait(false) is { } made)
                return new StartResult(made, StartOutcome.Recovered);
            return new StartResult(await _client.CreateProcessingAsync(request, attempt.Cancel).ConfigureAwait(false), StartOutcome.Created);
        }, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// The least wait before looking a failed create up. A timed-out create may still be under way on the server, so it
    /// gets as long again as we waited for it; a look-up any sooner could miss it and pay twice (qgis#283).
    /// </summary>
    private TimeSpan? GraceBeforeLookUp(Exception e) =>
        e is TimeoutException ? _client.Options.Timeouts.Create : (e as MapflowApiException)?.RetryAfter;

    private static string KeyOf(ProcessingRequest request) =>
        request.Meta != null && request.Meta.TryGetValue(ProcessingStatus.ClientKeyMeta, out var key) && key != null
            ? key
            : throw new ArgumentException("The request carries no start key in meta.", nameof(request));

    /// <summary>Failures after which the server may or may not have created the processing.</summary>
    private static bool IsUnclear(Exception e) =>
        e is MapflowConnectionException or TimeoutException or MapflowResponseException or IOException or HttpRequestException
        || e is MapflowApiException api && RetryPolicy.IsTransient(api.StatusCode);

    private async Task<Processing?> FindInIndexAsync(string name, string key, CancellationToken cancel)
    {
        var index = await IndexAsync(cancel).ConfigureAwait(false);
        return await ConfirmAsync(index.TryGetValue(name, out var list) ? list : Enumerable.Empty<Processing>(), key, cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// The processing with this key, asked of the server now: by the listing's terms filter, whose matching rules are
    /// undocumented; then, after a create (<paramref name="createdSince"/>), by scanning the newest processings back
    /// to that time, in case the filter missed it.
    /// </summary>
    private async Task<Processing?> LookUpAsync(string name, string key, DateTimeOffset? createdSince, CancellationToken cancel)
    {
        var named = new List<Processing>();
        await foreach (var p in _client.GetProcessingsAsync(_projectId, name, PageSize, newestFirst: false, cancel).ConfigureAwait(false))
            if (p.Name == name) named.Add(p);
        if (await ConfirmAsync(named, key, cancel).ConfigureAwait(false) is { } found) return found;
        if (createdSince is not { } since) return null;

        var scanned = 0;
        var candidates = new List<Processing>();
        await foreach (var p in _client.GetProcessingsAsync(_projectId, null, PageSize, newestFirst: true, cancel).ConfigureAwait(false))
        {
            if (p.Created < since - ClockSkew || ++scanned > ScanLimit) break;
            if (p.Name == name && named.All(n => n.Id != p.Id)) candidates.Add(p);
        }
        return await ConfirmAsync(candidates, key, cancel).ConfigureAwait(false);
    }

    /// <summary>The candidate that carries the key; listings may omit meta, so those are read one by one.</summary>
    private async Task<Processing?> ConfirmAsync(IEnumerable<Processing> candidates, string key, CancellationToken cancel)
    {
        foreach (var candidate in candidates)
        {
            var full = candidate.Meta != null ? candidate : await _client.GetProcessingAsync(candidate.Id, cancel).ConfigureAwait(false);
            if (full.ClientKey == key) return full;
        }
        return null;
    }

    /// <summary>The project's processings by name, read once (all pages) and shared by concurrent starts.</summary>
    private async Task<Dictionary<string, List<Processing>>> IndexAsync(CancellationToken cancel)
    {
        if (_byName != null) return _byName;
        await _indexLock.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            if (_byName != null) return _byName;
            var index = new Dictionary<string, List<Processing>>(StringComparer.Ordinal);
            await foreach (var p in _client.GetProcessingsAsync(_projectId, null, PageSize, newestFirst: false, cancel).ConfigureAwait(false))
            {
                if (!index.TryGetValue(p.Name, out var list)) index[p.Name] = list = new List<Processing>();
                list.Add(p);
            }
            return _byName = index;
        }
        finally
        {
            _indexLock.Release();
        }
    }
}
