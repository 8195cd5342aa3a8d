using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;

namespace Mapflow.Client;

/// <summary>The paged project listing (mapflow-api.md §4.3).</summary>
public sealed partial class MapflowClient
{
    /// <summary>
    /// POST /projects/page: <c>{limit, offset, filter, sortBy, sortOrder}</c>, filter (a name substring) left out when
    /// empty, as QGIS sends it. A read, so it is retried like a GET.
    /// </summary>
    public Task<Page<Project>> GetProjectPageAsync(int offset, int limit, string? filter, string sortBy, string sortOrder, CancellationToken cancellationToken) =>
        SendJsonAsync<Page<Project>>(HttpMethod.Post, "projects/page",
            new { limit, offset, filter = string.IsNullOrEmpty(filter) ? null : filter, sortBy, sortOrder },
            RequestKind.Api, true, cancellationToken);

    /// <summary>
    /// The account's projects whose name contains <paramref name="filter"/> (all without one), oldest first, a page at
    /// a time; stop enumerating to stop paging. As for processings, paging follows what came back and the total,
    /// never the size asked for, and each project comes once.
    /// </summary>
    public IAsyncEnumerable<Project> FindProjectsAsync(string? filter, int pageSize, CancellationToken cancellationToken) =>
        AllPagesAsync((offset, cancel) => GetProjectPageAsync(offset, pageSize, filter, "CREATED", "ASC", cancel), p => p.Id, cancellationToken);
}
