using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;

namespace Mapflow.Client.Workflow;

/// <summary>
/// Reads the state of many processings with few requests: each project's page listing, newest first, until
/// every processing asked about was seen; a single GET only for one the listing did not show.
/// </summary>
public sealed class ProcessingPoller
{
    private readonly MapflowClient _client;
    private readonly int _pageSize;

    public ProcessingPoller(MapflowClient client, int pageSize = 100)
    {
        _client = client;
        _pageSize = pageSize;
    }

    /// <param name="lost">Receives each processing that could not be read on its own (deleted, or refused), with the reason.</param>
    public async Task<IReadOnlyList<Processing>> RefreshAsync(IReadOnlyCollection<Processing> processings, Action<Processing, MapflowApiException> lost,
        CancellationToken cancel)
    {
        var found = new List<Processing>();
        foreach (var project in processings.GroupBy(p => p.ProjectId))
        {
            var wanted = project.ToDictionary(p => p.Id);
            if (project.Key != Guid.Empty)
            {
                // Newest first: the processings being waited for are usually on the first page.
                await foreach (var fresh in _client.GetProcessingsAsync(project.Key, null, _pageSize, newestFirst: true, cancel).ConfigureAwait(false))
                {
                    if (!wanted.TryGetValue(fresh.Id, out var known)) continue;
                    // Listings may omit meta; keep what the create or a GET returned.
                    fresh.Meta ??= known.Meta;
                    found.Add(fresh);
                    wanted.Remove(fresh.Id);
                    if (wanted.Count == 0) break;
                }
            }
            foreach (var missing in wanted.Values)
            {
                try
                {
                    found.Add(await _client.GetProcessingAsync(missing.Id, cancel).ConfigureAwait(false));
                }
                catch (MapflowApiException e) when (e is not MapflowAuthenticationException && !RetryPolicy.IsTransient(e.StatusCode))
                {
                    lost(missing, e);
                }
            }
        }
        return found;
    }
}
