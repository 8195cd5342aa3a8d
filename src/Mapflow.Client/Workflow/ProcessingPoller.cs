using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;

namespace Mapflow.Client.Workflow;

/// <summary>
/// Reads the state of many processings with few requests: each project's page listing, newest first, until
/// every processing asked about was seen; a single GET only for one the listing did not show, or for all of them
/// when the listing itself fails (a 500, an HTML page), so a broken listing never stops a wait.
/// </summary>
public sealed class ProcessingPoller
{
    private const int ConcurrentReads = MapflowClient.ConcurrentPageReads;
    private readonly MapflowClient _client;
    private readonly int _pageSize;

    public ProcessingPoller(MapflowClient client, int pageSize = 100)
    {
        _client = client;
        _pageSize = pageSize;
    }

    /// <summary>
    /// The project's listing, newest first (the processings waited for are usually on the first pages), until every
    /// wanted one was seen.
    /// </summary>
    private Task ReadListingAsync(Guid projectId, Dictionary<Guid, Processing> wanted, ConcurrentBag<Processing> found, CancellationToken cancel) =>
        _client.ReadPagesAsync(projectId, _pageSize, newestFirst: true, (page, _) =>
        {
            foreach (var fresh in page)
            {
                if (!wanted.TryGetValue(fresh.Id, out var known)) continue;
                // Listings may omit meta; keep what the create or a GET returned.
                fresh.Meta ??= known.Meta;
                found.Add(fresh);
                wanted.Remove(fresh.Id);
            }
            return wanted.Count == 0;
        }, cancel);

    /// <param name="lost">Receives each processing that could not be read on its own (deleted, or refused), with the reason; called one at a time.</param>
    public async Task<IReadOnlyList<Processing>> RefreshAsync(IReadOnlyCollection<Processing> processings, Action<Processing, MapflowApiException> lost,
        CancellationToken cancel)
    {
        var found = new ConcurrentBag<Processing>();
        var gone = new ConcurrentBag<(Processing, MapflowApiException)>();
        var unread = new ConcurrentBag<Exception>();
        foreach (var project in processings.GroupBy(p => p.ProjectId))
        {
            var wanted = project.ToDictionary(p => p.Id);
            if (project.Key != Guid.Empty)
            {
                try
                {
                    await ReadListingAsync(project.Key, wanted, found, cancel).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException and not MapflowAuthenticationException)
                {
                    MapflowLog.Warning($"The listing of project {project.Key} failed ({e.Message}); reading its {wanted.Count} pending processing(s) one by one instead.");
                }
            }
            using var gate = new SemaphoreSlim(ConcurrentReads);
            await Task.WhenAll(wanted.Values.Select(async missing =>
            {
                await gate.WaitAsync(cancel).ConfigureAwait(false);
                try
                {
                    found.Add(await _client.GetProcessingAsync(missing.Id, cancel).ConfigureAwait(false));
                }
                catch (MapflowApiException e) when (e is not MapflowAuthenticationException && !RetryPolicy.IsTransient(e.StatusCode))
                {
                    gone.Add((missing, e));
                }
                catch (Exception e) when (e is not OperationCanceledException and not MapflowAuthenticationException)
                {
                    // Still pending: the others read this round are kept, and it is asked again next round.
                    unread.Add(e);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
        }
        foreach (var (processing, reason) in gone) lost(processing, reason);
        if (!unread.IsEmpty)
            MapflowLog.Warning($"{unread.Count} pending processing(s) could not be read this round ({unread.First().Message}); they are read again next round.");
        return found.ToList();
    }
}
