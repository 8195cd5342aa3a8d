namespace Mapflow.Emulator.Catalog;

internal sealed record ProviderPrice(int Zoom, double PriceSqKm);

/// <summary>An imagery provider usable as <c>sourceParams.dataProvider</c> (§5.4).</summary>
internal sealed record DataProvider(
    Guid Id,
    string Name,
    string DisplayName,
    string? PreviewUrl,
    int PreviewUrlMaxZoom,
    IReadOnlyList<ProviderPrice> Price,
    double MinAreaSqKm)
{
    /// <summary>Price of the listed zoom nearest to the requested one; no zoom means the provider default (its highest listed zoom).</summary>
    public double PriceFor(int? zoom)
    {
        if (Price.Count == 0)
            return 0;
        var target = zoom ?? Price.Max(p => p.Zoom);
        return Price.OrderBy(p => Math.Abs(p.Zoom - target)).ThenBy(p => p.Zoom).First().PriceSqKm;
    }
}

internal static class DataProviders
{
    public const string DefaultName = "Mapbox";

    public static readonly IReadOnlyList<DataProvider> All =
    [
        new(Guid.Parse("2b1f4a4e-6f4d-4f43-9c1e-7d0a3c2b1a01"), "Mapbox", "Mapbox Satellite", null, 19, [new(18, 0)], 0),
        new(Guid.Parse("5d3c2b1a-0f9e-4d8c-b7a6-958473625102"), "arcgis_world_imagery", "ESRI World Imagery", null, 19, [new(18, 0)], 0),
        new(Guid.Parse("8e7d6c5b-4a39-4281-90f1-e2d3c4b5a603"), "Maxar", "Maxar SecureWatch", null, 19, [new(18, 2)], 0),
    ];

    /// <summary>Case-insensitive, since clients disagree on the case of provider names (§10.18).</summary>
    public static DataProvider? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public static ApiException AccessDenied(string name) =>
        new(StatusCodes.Status403Forbidden, "FORBIDDEN", $"Access to data provider '{name}' is denied",
            new Dictionary<string, string> { ["providerName"] = name });
}
