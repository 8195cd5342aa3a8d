using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Mapflow.Client.Aois;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Workflow;

/// <summary>
/// What a grouped start records in meta of each polygon it sends: the source AOI (index, name) and the polygon's
/// centroid and area. Nothing documents the order in which GET /processings/{id}/aois lists a processing's AOIs
/// (mapflow-api.md §11.9), so the AOIs are matched back to their sources by geometry, never by position.
/// </summary>
public sealed class AoiFingerprint
{
    // The server may store the polygon slightly changed (reprojected, densified): centroids within 5 % of the
    // polygon's size (at least 50 m) and areas within 10 % count as the same polygon.
    private const double CentroidTolerance = 0.05;
    private const double MinimumCentroidToleranceKm = 0.05;
    private const double AreaTolerance = 0.10;

    private AoiFingerprint(int index, string name, double? lon, double? lat, double? areaKm2)
    {
        Index = index;
        Name = name;
        Lon = lon;
        Lat = lat;
        AreaKm2 = areaKm2;
    }

    /// <summary>The source AOI's index in its file.</summary>
    public int Index { get; }
    public string Name { get; }
    public double? Lon { get; }
    public double? Lat { get; }
    public double? AreaKm2 { get; }

    internal bool HasGeometry => Lon is not null && Lat is not null && AreaKm2 is not null;

    /// <summary>The meta entry for one polygon of <paramref name="aoi"/>: [index, name, lon, lat, km²].</summary>
    internal static object[] Of(Aoi aoi, Polygon polygon)
    {
        var centroid = polygon.Centroid;
        return new object[] { aoi.Index, aoi.Name, Math.Round(centroid.X, 7), Math.Round(centroid.Y, 7), Math.Round(GeodesicArea.SquareMetres(polygon) / 1e6, 7) };
    }

    /// <summary>The entries of a start's meta; null when it holds none (a processing this module did not group).</summary>
    public static IReadOnlyList<AoiFingerprint>? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json!);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return null;
            return document.RootElement.EnumerateArray().Select((entry, i) =>
            {
                // Version 0.1 wrote [index, name] only.
                if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() < 2) return new AoiFingerprint(i, entry.ToString(), null, null, null);
                double? Number(int at) => entry.GetArrayLength() > at && entry[at].ValueKind == JsonValueKind.Number ? entry[at].GetDouble() : null;
                var index = entry[0].ValueKind == JsonValueKind.Number && entry[0].TryGetInt32(out var n) ? n : i;
                return new AoiFingerprint(index, entry[1].ToString(), Number(2), Number(3), Number(4));
            }).ToList();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// For each AOI, the source it was made from: the closest fingerprint within the tolerances, each used once;
    /// null where none fits. Fingerprints without geometry (written by version 0.1) match by position.
    /// </summary>
    public static IReadOnlyList<AoiFingerprint?> Match(IReadOnlyList<ProcessingAoi> aois, IReadOnlyList<AoiFingerprint> sources)
    {
        var matched = new AoiFingerprint?[aois.Count];
        if (!sources.Any(s => s.HasGeometry))
        {
            if (sources.Count == aois.Count)
                for (var i = 0; i < aois.Count; i++) matched[i] = sources[i];
            return matched;
        }

        var candidates = new List<(int Aoi, int Source, double Distance)>();
        for (var a = 0; a < aois.Count; a++)
        {
            if (Measure(aois[a]) is not { } shape) continue;
            for (var s = 0; s < sources.Count; s++)
            {
                var source = sources[s];
                if (!source.HasGeometry || !Near(source.AreaKm2!.Value, shape.AreaKm2, AreaTolerance)) continue;
                var distance = DistanceKm(source.Lon!.Value, source.Lat!.Value, shape.Lon, shape.Lat);
                var size = Math.Sqrt(Math.Max(source.AreaKm2.Value, shape.AreaKm2));
                if (distance <= Math.Max(MinimumCentroidToleranceKm, CentroidTolerance * size)) candidates.Add((a, s, distance));
            }
        }
        var used = new bool[sources.Count];
        foreach (var (aoi, source, _) in candidates.OrderBy(c => c.Distance))
        {
            if (matched[aoi] != null || used[source]) continue;
            matched[aoi] = sources[source];
            used[source] = true;
        }
        return matched;
    }

    private static (double Lon, double Lat, double AreaKm2)? Measure(ProcessingAoi aoi)
    {
        if (string.IsNullOrEmpty(aoi.Geometry)) return null;
        try
        {
            var geometry = JsonSerializer.Deserialize<Geometry>(aoi.Geometry!, MapflowJson.Options);
            if (geometry is null || geometry.IsEmpty) return null;
            var centroid = geometry.Centroid;
            return (centroid.X, centroid.Y, GeodesicArea.SquareMetres(geometry) / 1e6);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool Near(double a, double b, double tolerance) => Math.Abs(a - b) <= tolerance * Math.Max(a, b);

    /// <summary>Equirectangular distance: plenty for centroids that are metres apart.</summary>
    private static double DistanceKm(double lon1, double lat1, double lon2, double lat2)
    {
        var x = (lon2 - lon1) * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180) * 111.32;
        var y = (lat2 - lat1) * 110.57;
        return Math.Sqrt(x * x + y * y);
    }
}
