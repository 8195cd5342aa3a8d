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
/// (an index read once, then the newest ones read again just before paying, at most once per
/// <see cref="RecheckEvery"/> for all the starts of a run). A create is sent again only when the
/// answer proves nothing was made (429, 408, a connection refused before the request left); after any other failure
/// (no answer, a timeout, a 5xx, a body that cannot be read) the server may still be making it, so it is only looked
/// up, for <see cref="MapflowTimeouts.CreateConfirm"/>, and then reported as unconfirmed. Lists may omit meta, so
/// candidates are narrowed by name and confirmed with one GET each.
/// </summary>
public sealed class ProcessingStarter
{
    // Listings may show a processing with the server's clock, which may be behind ours; scans after a create reach
    // this far before it was sent, and never more than ScanLimit processings.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxLookUpInterval = TimeSpan.FromSeconds(15);
    private const int ScanLimit = 1000;
    private const int PageSize = 100;

    /// <summary>How old the starts' shared view of the newest processings may be before a start reads it again.</summary>
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(1);

    private readonly MapflowClient _client;
    private readonly Guid _projectId;
    private readonly SemaphoreSlim _indexLock = new(1, 1);
    private Dictionary<string, List<Processing>>? _byName;
    // Under _sync: the processings known to be in the project (the index, every listing read, this run's creates);
    // those a listing showed, which bound the next read; those the rechecks found that the index did not have, by
    // name; and the recheck under way or last made.
    private readonly object _sync = new();
    private readonly HashSet<Guid> _present = new();
    private readonly HashSet<Guid> _listed = new();
    private readonly Dictionary<string, List<Processing>> _newByName = new(StringComparer.Ordinal);
    private Task? _recheck;
    private DateTimeOffset _checkedAt;

    public ProcessingStarter(MapflowClient client, Guid projectId)
    {
        _client = client;
        _projectId = projectId;
    }

    /// <summary>Reads the project's processings that <see cref="FindAsync"/> looks keys up in, if they are not read yet.</summary>
    public Task ReadIndexAsync(CancellationToken cancel) => IndexAsync(cancel);

    /// <summary>The processing this request already made in the project, found by the key in its meta; null if none.</summary>
    public Task<Processing?> FindAsync(ProcessingRequest request, CancellationToken cancel) =>
        FindInIndexAsync(request.Name, KeyOf(request), cancel);

    /// <summary>
    /// Asks the server again, just before paying, for a processing with this key made since the index was read (by a
    /// run on another machine: runs on this one take turns). The newest processings are read again at most once per
    /// <see cref="RecheckEvery"/> for all the starts of the run (see <see cref="ReadNewestAsync"/>), so N starts cost a
    /// few listing pages, not N look-ups; only new ones of this name are read for their key.
    /// </summary>
    public async Task<Processing?> RecheckAsync(ProcessingRequest request, CancellationToken cancel)
    {
        await SharedRecheckAsync(force: false, cancel).ConfigureAwait(false);
        return await ConfirmAsync(NewNamed(request.Name), KeyOf(request), cancel).ConfigureAwait(false);
    }

    /// <summary>A processing this run made: known from now on, so no recheck takes it for someone else's.</summary>
    public void Remember(Processing created)
    {
        lock (_sync) _present.Add(created.Id);
    }

    private Task SharedRecheckAsync(bool force, CancellationToken cancel)
    {
        lock (_sync)
        {
            var now = _client.Options.TimeProvider.GetUtcNow();
            if (_recheck is null || _recheck.IsFaulted || _recheck.IsCompleted && (force || now - _checkedAt >= RecheckEvery))
            {
                _checkedAt = now;
                _recheck = ReadNewestAsync(cancel);
            }
            return _recheck;
        }
    }

    /// <summary>
    /// The newest processings, until nothing in the project is left unseen: the page's total is no more than the
    /// processings known, or the read came down to one an earlier read showed (whatever was made since lies above it).
    /// Usually one page; later pages a few at a time.
    /// </summary>
    private async Task ReadNewestAsync(CancellationToken cancel)
    {
        var shown = new List<Guid>();
        await _client.ReadPagesAsync(_projectId, PageSize, newestFirst: true, (page, total) =>
        {
            lock (_sync)
            {
                var reachedEarlierRead = false;
                foreach (var p in page)
                {
                    reachedEarlierRead |= _listed.Contains(p.Id);
                    shown.Add(p.Id);
                    if (!_present.Add(p.Id)) continue;
                    if (!_newByName.TryGetValue(p.Name, out var list)) _newByName[p.Name] = list = new List<Processing>();
                    list.Add(p);
                }
                return reachedEarlierRead || total <= _present.Count || shown.Count >= ScanLimit;
            }
        }, cancel).ConfigureAwait(false);
        lock (_sync) _listed.UnionWith(shown);
    }

    private List<Processing> NewNamed(string name)
    {
        lock (_sync) return _newByName.TryGetValue(name, out var list) ? list.ToList() : new List<Processing>();
    }

    /// <summary>
    /// Creates the processing; one call never sends a create twice unless the server proved the first was not made.
    /// </summary>
    /// <exception cref="StartUnconfirmedException">The outcome stayed unclear: no processing with the key appeared in time.</exception>
    public async Task<StartResult> CreateAsync(ProcessingRequest request, CancellationToken cancel)
    {
        var key = KeyOf(request);
        var sent = _client.Options.TimeProvider.GetUtcNow();
        var retry = new OperationRetry(_client.Options, ProvesNothingWasMade, e => (e as MapflowApiException)?.RetryAfter,
            (e, n, delay) => MapflowLog.Verbose(
                $"The create of '{request.Name}' was turned away before anything was made ({e.Message}); sending it again in {delay.TotalSeconds:0.0} s (retry {n} of {_client.Options.Retry.MaxRetries})."));
        try
        {
            return new StartResult(await retry.ExecuteAsync(attempt => _client.CreateProcessingAsync(request, attempt.Cancel), cancel).ConfigureAwait(false),
                StartOutcome.Created);
        }
        catch (Exception e) when (IsUnclear(e) && !cancel.IsCancellationRequested)
        {
            return new StartResult(await ConfirmAsync(request, key, sent, e, cancel).ConfigureAwait(false), StartOutcome.Recovered);
        }
    }

    /// <summary>
    /// Looks for what an unclear create may have made, again and again, for CreateConfirm. A timed-out create may
    /// still be under way on the server, so the first look waits as long again as the create did (qgis#283).
    /// </summary>
    private async Task<Processing> ConfirmAsync(ProcessingRequest request, string key, DateTimeOffset sent, Exception outcome, CancellationToken cancel)
    {
        var clock = _client.Options.TimeProvider;
        var window = _client.Options.Timeouts.CreateConfirm;
        var deadline = clock.GetUtcNow() + window;
        var wait = outcome is TimeoutException ? _client.Options.Timeouts.Create : (outcome as MapflowApiException)?.RetryAfter ?? _client.Options.Retry.BaseDelay;
        MapflowLog.Verbose($"The create of '{request.Name}' had an unclear outcome ({outcome.Message}); it is not sent again, but looked up by its key for up to {window.TotalSeconds:0.#} s.");
        while (true)
        {
            var left = deadline - clock.GetUtcNow();
            if (left > TimeSpan.Zero) await clock.Delay(wait < left ? wait : left, cancel).ConfigureAwait(false);
            try
            {
                if (await LookUpAsync(request.Name, key, sent, cancel).ConfigureAwait(false) is { } made)
                {
                    MapflowLog.Verbose($"'{request.Name}': the create's answer was lost, but processing {made.Id} was found by its key; not created again.");
                    return made;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not MapflowAuthenticationException && !cancel.IsCancellationRequested)
            {
                // Whatever the look-up met, the create's outcome stays unclear: never report it as refused.
                MapflowLog.Verbose($"Looking '{request.Name}' up failed ({e.Message}); trying again.");
            }
            if (clock.GetUtcNow() >= deadline) throw new StartUnconfirmedException(request.Name, window, outcome);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxLookUpInterval.Ticks));
        }
    }

    /// <summary>
    /// Other processings with the key of one this run created, made at about the same time by another run that this
    /// machine's lock does not cover (another machine, another user profile). After the run's creates: the newest
    /// processings read once more, and those the index did not have and this run did not make, of the same names,
    /// confirmed by their key.
    /// </summary>
    public async Task<IReadOnlyList<(Processing Ours, Processing Twin)>> FindTwinsAsync(IReadOnlyCollection<Processing> created, CancellationToken cancel)
    {
        var ours = created.Where(p => p.ClientKey != null).GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var twins = new List<(Processing, Processing)>();
        if (ours.Count == 0) return twins;
        foreach (var p in created) Remember(p);
        await SharedRecheckAsync(force: true, cancel).ConfigureAwait(false);
        var mine = new HashSet<Guid>(created.Select(p => p.Id));
        foreach (var candidate in ours.Keys.SelectMany(NewNamed).Where(p => !mine.Contains(p.Id)).ToList())
        {
            if (await ReadWithMetaAsync(candidate, cancel).ConfigureAwait(false) is { } full
                && ours[candidate.Name].FirstOrDefault(o => o.ClientKey == full.ClientKey) is { } twinOf)
                twins.Add((twinOf, full));
        }
        return twins;
    }

    private static string KeyOf(ProcessingRequest request) =>
        request.Meta != null && request.Meta.TryGetValue(ProcessingStatus.ClientKeyMeta, out var key) && key != null
            ? key
            : throw new ArgumentException("The request carries no start key in meta.", nameof(request));

    /// <summary>Answers that prove the create was not made, and that a later try may get past: worth sending again.</summary>
    private static bool ProvesNothingWasMade(Exception e) =>
        e is MapflowApiException { StatusCode: (System.Net.HttpStatusCode)429 or System.Net.HttpStatusCode.RequestTimeout }
        || e is MapflowConnectionException && NeverLeft(e);

    /// <summary>The request never reached a server: the connection was refused, or the name did not resolve.</summary>
    private static bool NeverLeft(Exception e)
    {
        for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
            if (inner is System.Net.Sockets.SocketException socket)
                return socket.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound
                    or System.Net.Sockets.SocketError.NoData or System.Net.Sockets.SocketError.HostUnreachable or System.Net.Sockets.SocketError.NetworkUnreachable;
        return false;
    }

    /// <summary>Failures after which the server may or may not have created the processing.</summary>
    private static bool IsUnclear(Exception e) =>
        e is TimeoutException or MapflowResponseException or IOException or HttpRequestException
        || e is MapflowConnectionException && !NeverLeft(e)
        || e is MapflowApiException api && RetryPolicy.IsTransient(api.StatusCode) && !ProvesNothingWasMade(api);

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
        return await ConfirmAsync(await ScanNewestAsync(since, p => p.Name == name && named.All(n => n.Id != p.Id), cancel).ConfigureAwait(false),
            key, cancel).ConfigureAwait(false);
    }

    /// <summary>The project's processings made since <paramref name="since"/> (allowing for clock skew) that <paramref name="wanted"/> picks, newest first.</summary>
    private async Task<List<Processing>> ScanNewestAsync(DateTimeOffset since, Func<Processing, bool> wanted, CancellationToken cancel)
    {
        var scanned = 0;
        var found = new List<Processing>();
        await foreach (var p in _client.GetProcessingsAsync(_projectId, null, PageSize, newestFirst: true, cancel).ConfigureAwait(false))
        {
            if (p.Created < since - ClockSkew || ++scanned > ScanLimit) break;
            if (wanted(p)) found.Add(p);
        }
        return found;
    }

    /// <summary>The candidate that carries the key.</summary>
    private async Task<Processing?> ConfirmAsync(IEnumerable<Processing> candidates, string key, CancellationToken cancel)
    {
        foreach (var candidate in candidates)
            if (await ReadWithMetaAsync(candidate, cancel).ConfigureAwait(false) is { ClientKey: var k } full && k == key)
                return full;
        return null;
    }

    /// <summary>
    /// The candidate with its meta: listings may omit it, so it is read on its own. One that cannot be read (deleted
    /// meanwhile, another member's, an odd body) is no candidate: it is left out, never failing the look-up.
    /// </summary>
    private async Task<Processing?> ReadWithMetaAsync(Processing candidate, CancellationToken cancel)
    {
        if (candidate.Meta != null) return candidate;
        try
        {
            return await _client.GetProcessingAsync(candidate.Id, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MapflowApiException { StatusCode: System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden } and not MapflowAuthenticationException
                                  || e is MapflowResponseException)
        {
            MapflowLog.Verbose($"Processing {candidate.Id} ('{candidate.Name}') could not be read to compare its key ({e.Message}); it is left out.");
            return null;
        }
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
            var readAt = _client.Options.TimeProvider.GetUtcNow();
            await _client.ReadPagesAsync(_projectId, PageSize, newestFirst: false, (page, _) =>
            {
                lock (_sync)
                {
                    foreach (var p in page)
                    {
                        if (!_present.Add(p.Id)) continue;
                        _listed.Add(p.Id);
                        if (!index.TryGetValue(p.Name, out var list)) index[p.Name] = list = new List<Processing>();
                        list.Add(p);
                    }
                }
                return false;
            }, cancel).ConfigureAwait(false);
            lock (_sync)
            {
                // Fresh as of the read: the first recheck comes RecheckEvery later.
                _recheck = Task.CompletedTask;
                _checkedAt = readAt;
            }
            return _byName = index;
        }
        finally
        {
            _indexLock.Release();
        }
    }
}
