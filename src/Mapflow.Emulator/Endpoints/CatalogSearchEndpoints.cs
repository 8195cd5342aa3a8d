using System.Text.Json;
using Mapflow.Emulator.Catalog;
using Mapflow.Emulator.Geo;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Endpoints;

/// <summary>
/// The imagery search, <c>POST /catalog/meta</c> (§4.9): the body QGIS sends (schema/catalog.py
/// ImageCatalogRequestSchema), the answer exactly <c>{images, total, limit, offset}</c>. A filter lets an image through
/// when its value is missing (QGIS-spec 002_D). The page is capped without saying so, and an AOI larger than the
/// account's searchAreaLimit is refused.
/// </summary>
internal static class CatalogSearchEndpoints
{
    /// <summary>m², as /user/status states it.</summary>
    public const long SearchAreaLimit = 1_000_000_000;

    /// <summary>The most one page returns, whatever limit was asked for (QGIS asks 100).</summary>
    public const int MaxPageSize = 50;

    private const int DefaultLimit = 100;

    internal sealed record SearchBody(
        JsonElement? Aoi,
        DateTimeOffset? AcquisitionDateFrom,
        DateTimeOffset? AcquisitionDateTo,
        double? MinResolution,
        double? MaxResolution,
        double? MaxCloudCover,
        double? MinOffNadirAngle,
        double? MaxOffNadirAngle,
        double? MinAoiIntersectionPercent,
        int? Limit,
        int? Offset,
        bool? HideUnavailable,
        IReadOnlyList<string>? ProductTypes,
        IReadOnlyList<string>? DataProviders,
        string? SortBy,
        string? SortOrder);

    private sealed record ImageDto(
        string Id,
        Geometry Footprint,
        double? PixelResolution,
        string? AcquisitionDate,
        string ProductType,
        string? Sensor,
        string? SatId,
        string? ColorBandOrder,
        double? CloudCover,
        double? OffNadirAngle,
        string? PreviewType,
        string? PreviewUrl,
        IReadOnlyList<object> Previews,
        string ProviderName,
        string? Zoom,
        double MinAreaSqkm,
        bool? IsNew,
        double AoiIntersectionPercent);

    private sealed record SearchPageDto(IReadOnlyList<ImageDto> Images, int Total, int Limit, int Offset);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/catalog/meta", async (HttpContext context) =>
        {
            Auth.User(context);
            var body = await Json.ReadBodyAsync<SearchBody>(context.Request);
            return Json.Ok(Search(body));
        });
    }

    private static SearchPageDto Search(SearchBody body)
    {
        if (body.Aoi is not { ValueKind: not JsonValueKind.Null })
            throw ApiException.BadRequest("aoi is required");
        var polygons = GeometryParser.ParseAois(body.Aoi);
        var area = polygons.Sum(GeodesicArea.Of);
        if (area > SearchAreaLimit)
            throw new ApiException(StatusCodes.Status400BadRequest, "SEARCH_AREA_LIMIT_EXCEEDED",
                $"The search area {ApiException.Str((long)Math.Round(area))} sq.m. is larger than the limit of {ApiException.Str(SearchAreaLimit)} sq.m.",
                new Dictionary<string, string> { ["area"] = ApiException.Str((long)Math.Round(area)), ["searchAreaLimit"] = ApiException.Str(SearchAreaLimit) });
        if (body.MaxCloudCover is < 0 or > 100)
            throw ApiException.BadRequest("maxCloudCover is a percentage, 0 to 100");
        if (body.Limit < 0 || body.Offset < 0)
            throw ApiException.BadRequest("limit and offset must not be negative");
        foreach (var provider in body.DataProviders ?? [])
        {
            if (!ImageCatalog.IsProvider(provider))
                throw ApiException.BadRequest($"Unknown data provider '{provider}'");
        }

        var matching = ImageCatalog.All.Where(i => Matches(i, body)).ToList();
        var ordered = Order(matching, body.SortBy, body.SortOrder);
        var limit = body.Limit ?? DefaultLimit;
        var offset = body.Offset ?? 0;
        var footprint = polygons.Count == 1 ? (Geometry)polygons[0] : polygons[0].Factory.CreateMultiPolygon(polygons.ToArray());
        var page = ordered.Skip(offset).Take(Math.Min(limit, MaxPageSize)).Select(i => ToDto(i, footprint)).ToList();
        return new SearchPageDto(page, matching.Count, limit, offset);
    }

    // A missing value matches every filter.
    private static bool Matches(CatalogImage image, SearchBody body) =>
        AtLeast(image.AcquisitionDate, body.AcquisitionDateFrom) && AtMost(image.AcquisitionDate, body.AcquisitionDateTo)
        && AtLeast(image.PixelResolution, body.MinResolution) && AtMost(image.PixelResolution, body.MaxResolution)
        && AtMost(image.CloudCover, body.MaxCloudCover)
        && AtLeast(image.OffNadirAngle, body.MinOffNadirAngle) && AtMost(image.OffNadirAngle, body.MaxOffNadirAngle)
        && (body.DataProviders is not { Count: > 0 } providers || providers.Contains(image.ProviderName, StringComparer.OrdinalIgnoreCase))
        && (body.ProductTypes is not { Count: > 0 } types || types.Contains(image.ProductType, StringComparer.OrdinalIgnoreCase));

    private static bool AtLeast<T>(T? value, T? bound) where T : struct, IComparable<T> =>
        value is not { } v || bound is not { } b || v.CompareTo(b) >= 0;

    private static bool AtMost<T>(T? value, T? bound) where T : struct, IComparable<T> =>
        value is not { } v || bound is not { } b || v.CompareTo(b) <= 0;

    /// <summary>The sort tokens QGIS sends (§4.9); newest first by default, missing values last.</summary>
    private static IEnumerable<CatalogImage> Order(IEnumerable<CatalogImage> images, string? sortBy, string? sortOrder)
    {
        Func<CatalogImage, IComparable?> key = sortBy switch
        {
            null or "ACQUISITION_DATE" => i => i.AcquisitionDate,
            "PROVIDER_NAME" => i => i.ProviderName,
            "SAT_ID" => i => i.SatId,
            "CLOUD_COVER" => i => i.CloudCover,
            "OFF_NADIR_ANGLE" => i => i.OffNadirAngle,
            "ZOOM" => i => i.Zoom,
            "PIXEL_RESOLUTION" => i => i.PixelResolution,
            _ => throw ApiException.BadRequest($"Unknown sortBy '{sortBy}'"),
        };
        var descending = sortOrder switch
        {
            null => sortBy is null,
            "DESC" => true,
            "ASC" => false,
            _ => throw ApiException.BadRequest($"sortOrder must be ASC or DESC, not '{sortOrder}'"),
        };
        var present = images.Where(i => key(i) is not null);
        var sorted = descending ? present.OrderByDescending(key) : present.OrderBy(key);
        return sorted.ThenBy(i => i.ProviderName, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Concat(images.Where(i => key(i) is null).OrderBy(i => i.ProviderName, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal));
    }

    private static ImageDto ToDto(CatalogImage image, Geometry aoi) => new(
        image.Id,
        // Drawn around the searched AOI, so every image covers it whole.
        aoi.Envelope.Buffer(0.01, 1).Envelope,
        image.PixelResolution,
        image.AcquisitionDate is { } date ? Json.Timestamp(date) : null,
        image.ProductType,
        image.Sensor,
        image.SatId,
        image.ProductType == "Image" ? "RGB" : null,
        image.CloudCover,
        image.OffNadirAngle,
        null,
        null,
        [],
        image.ProviderName,
        // QGIS types zoom as text (ImageSchema.zoom: Optional[str]).
        image.Zoom?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        image.MinAreaSqKm,
        null,
        100);
}
