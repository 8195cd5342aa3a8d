using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;
using NetTopologySuite.Geometries;

namespace Mapflow.Client;

/// <summary>The filters of an imagery search, as QGIS sends them (schema/catalog.py ImageCatalogRequestSchema); null is left out.</summary>
public sealed class ImagerySearch
{
    public Geometry Aoi { get; set; } = null!;
    public DateTimeOffset? AcquisitionDateFrom { get; set; }
    public DateTimeOffset? AcquisitionDateTo { get; set; }
    public double? MinResolution { get; set; }
    public double? MaxResolution { get; set; }

    /// <summary>Percent, 0–100, as QGIS sends it.</summary>
    public double? MaxCloudCover { get; set; }
    public double? MinOffNadirAngle { get; set; }
    public double? MaxOffNadirAngle { get; set; }
    public List<string>? DataProviders { get; set; }
    public List<string>? ProductTypes { get; set; }
    public string? SortBy { get; set; }
    public string? SortOrder { get; set; }
    public bool? HideUnavailable { get; set; }
}

public sealed partial class MapflowClient
{
    /// <summary>The page size QGIS asks for (Config.SEARCH_RESULTS_PAGE_LIMIT).</summary>
    public const int SearchPageSize = 100;

    /// <summary>POST /catalog/meta: one page of images over the AOI. A read, so it is retried like a GET.</summary>
    public Task<CatalogPage> SearchImageryPageAsync(ImagerySearch search, int offset, int limit, CancellationToken cancellationToken) =>
        SendJsonAsync<CatalogPage>(HttpMethod.Post, "catalog/meta", new
        {
            aoi = search.Aoi,
            search.AcquisitionDateFrom,
            search.AcquisitionDateTo,
            search.MinResolution,
            search.MaxResolution,
            search.MaxCloudCover,
            search.MinOffNadirAngle,
            search.MaxOffNadirAngle,
            limit,
            offset,
            search.HideUnavailable,
            search.ProductTypes,
            search.DataProviders,
            search.SortBy,
            search.SortOrder,
        }, RequestKind.Api, true, cancellationToken);

    /// <summary>Every image the search finds, a page at a time (see <see cref="OffsetPages"/>); stop enumerating to stop paging.</summary>
    public async IAsyncEnumerable<CatalogImage> SearchImageryAsync(ImagerySearch search, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var image in OffsetPages.ReadAsync(async offset =>
                           {
                               var page = await SearchImageryPageAsync(search, offset, SearchPageSize, cancellationToken).ConfigureAwait(false);
                               return new OffsetPage<CatalogImage>(page.Images, page.Returned, page.Total);
                           }, i => (i.ProviderName, i.Id), cancellationToken).ConfigureAwait(false))
            yield return image;
    }
}
