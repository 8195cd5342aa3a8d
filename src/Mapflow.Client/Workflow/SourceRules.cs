using System;
using System.Collections.Generic;
using System.Linq;

namespace Mapflow.Client.Workflow;

/// <summary>A tile service's kind, as -SourceType names it; <see cref="SourceRules.WireName"/> gives the API's spelling.</summary>
public enum TileSourceType
{
    Xyz,
    Tms,
    Quadkey,
    SentinelL2A,
}

/// <summary>
/// The checks the API's source validator makes on an imagery source (§4.4, §7.2), made before anything is sent, and
/// the sourceParams built from what the user chose.
/// </summary>
public static class SourceRules
{
    public static string WireName(TileSourceType type) => type switch
    {
        TileSourceType.Xyz => "XYZ",
        TileSourceType.Tms => "TMS",
        TileSourceType.Quadkey => "QUADKEY",
        TileSourceType.SentinelL2A => "SENTINEL_L2A",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>What is wrong with a tile URL for its kind, or null: the server would fail the processing with *LinkFormatError.</summary>
    public static string? UrlProblem(TileSourceType type, string url)
    {
        // A Sentinel-2 L2A source is a scene name, not a link (source-validator.SentinelInputString*).
        if (type == TileSourceType.SentinelL2A)
            return string.IsNullOrWhiteSpace(url) ? "The Sentinel-2 L2A source is empty." : null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"'{Shown(url)}' is not an http:// or https:// URL.";
        var placeholders = type == TileSourceType.Quadkey ? new[] { "{q}" } : new[] { "{x}", "{y}", "{z}" };
        var missing = placeholders.Where(p => !url.Contains(p)).ToList();
        return missing.Count == 0
            ? null
            : $"A {WireName(type)} URL must contain {string.Join(", ", placeholders)}; '{Shown(url)}' lacks {string.Join(", ", missing)}.";
    }

    /// <summary>
    /// Whether the provider serves this zoom: the zoom levels its price list names (price[].zoom of /user/status) span
    /// the levels it serves. A provider that names none is not checked here; the server then decides.
    /// </summary>
    public static string? ZoomProblem(DataProvider provider, int zoom)
    {
        var zooms = provider.Price.Where(p => p.Zoom is not null).Select(p => p.Zoom!.Value).ToList();
        if (zooms.Count == 0) return null;
        var (min, max) = (zooms.Min(), zooms.Max());
        if (zoom >= min && zoom <= max) return null;
        return $"{provider.Name} serves zoom {(min == max ? $"{min}" : $"{min} to {max}")} (its price list in /user/status); -Zoom {zoom} is outside it.";
    }

    /// <summary>
    /// The imagerySearch source of found images: the backend takes several images only of one provider, named in
    /// lower case as QGIS sends it. Without a zoom, the images' own zoom when they share one (QGIS derives it so).
    /// </summary>
    public static ImagerySearchSource FromImages(IReadOnlyCollection<CatalogImage> images, int? zoom)
    {
        var providers = images.Select(i => i.ProviderName?.ToLowerInvariant()).Distinct().ToList();
        if (providers.Count != 1 || providers[0] is not { Length: > 0 } provider)
            throw new ArgumentException("The images must all come from one provider.");
        var zooms = images.Select(i => i.Zoom).Distinct().ToList();
        return new ImagerySearchSource
        {
            DataProvider = provider,
            // Sorted, so the start key does not depend on the order the images came in.
            ImageIds = images.Select(i => i.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList(),
            Zoom = zoom ?? (zooms.Count == 1 ? zooms[0] : null),
        };
    }

    /// <summary>The providers of the images, for the message that says they are mixed.</summary>
    public static IReadOnlyList<string> ProvidersOf(IEnumerable<CatalogImage> images) =>
        images.Select(i => i.ProviderName ?? "(none)").Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    // Tile URLs often carry access tokens in the query or a login in the authority: messages show neither.
    private static string Shown(string url)
    {
        var query = url.IndexOf('?');
        var shown = query < 0 ? url : url.Substring(0, query) + "?…";
        return System.Text.RegularExpressions.Regex.Replace(shown, "//[^/@]*@", "//…@");
    }
}
