using System.Globalization;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Catalog;

/// <summary>One image or mosaic of the searchable catalog, with its metadata; a null value is metadata the provider lacks.</summary>
internal sealed record CatalogImage(
    string Id,
    string ProviderName,
    string ProductType,
    DateTimeOffset? AcquisitionDate,
    double? CloudCover,
    double? OffNadirAngle,
    double? PixelResolution,
    string? Sensor,
    string? SatId,
    int? Zoom,
    double MinAreaSqKm);

/// <summary>
/// The imagery search's catalog (§4.9): a fixed, deterministic set of images per search provider that "covers" any
/// AOI (each footprint is drawn around the searched AOI), so tests can search anywhere and start processings with
/// the ids found. Ids do not depend on the AOI: a start names them for its provider, and the catalog checks them.
/// </summary>
internal static class ImageCatalog
{
    /// <summary>Image scenes and a mosaic; the mosaic has no acquisition date, cloud cover or off-nadir angle (null).</summary>
    public static readonly IReadOnlyList<DataProvider> Providers =
    [
        new(Guid.Parse("6a1d0c6e-2f1a-4c55-9e0a-1b2c3d4e5f01"), "orbview", "OrbView", null, 18, [new(18, 2)], 1),
        new(Guid.Parse("6a1d0c6e-2f1a-4c55-9e0a-1b2c3d4e5f02"), "pleiades_neo", "Pléiades Neo", null, 19, [new(19, 3)], 1),
        new(Guid.Parse("6a1d0c6e-2f1a-4c55-9e0a-1b2c3d4e5f03"), "vivid_mosaic", "Vivid Mosaic", null, 18, [new(18, 1)], 0),
    ];

    public static readonly IReadOnlyList<CatalogImage> All = Build();

    public static CatalogImage? Find(string providerName, string id) =>
        All.FirstOrDefault(i => string.Equals(i.ProviderName, providerName, StringComparison.OrdinalIgnoreCase) && i.Id == id);

    public static bool IsProvider(string providerName) =>
        Providers.Any(p => string.Equals(p.Name, providerName, StringComparison.OrdinalIgnoreCase));

    private static List<CatalogImage> Build()
    {
        var first = new DateTimeOffset(2024, 1, 3, 8, 15, 0, TimeSpan.Zero);
        var images = new List<CatalogImage>();
        for (var i = 0; i < 30; i++)
        {
            // Every seventh scene lacks a cloud cover, every eleventh an off-nadir angle: null matches any filter.
            images.Add(new CatalogImage($"OV{(0x5A000 + i * 7).ToString("X6", CultureInfo.InvariantCulture)}", "orbview", "Image",
                first.AddDays(i * 23), i % 7 == 3 ? null : i * 37 % 101, i % 11 == 5 ? null : i * 13 % 41,
                0.5 + i % 3 * 0.25, "OrbView-3", "OV-3", 18, 1));
            images.Add(new CatalogImage($"PNEO{(0x10300 + i * 11).ToString("X6", CultureInfo.InvariantCulture)}", "pleiades_neo", "Image",
                first.AddDays(i * 19 + 5), i % 5 == 2 ? null : i * 29 % 97, i * 7 % 31,
                0.3 + i % 2 * 0.2, "Pleiades Neo", i % 2 == 0 ? "PNEO3" : "PNEO4", 19, 1));
        }
        for (var i = 0; i < 4; i++)
        {
            images.Add(new CatalogImage($"VIVID-{2022 + i}", "vivid_mosaic", "Mosaic", null, null, null,
                i == 3 ? null : 0.5, null, null, 18, 0));
        }
        return images;
    }
}
