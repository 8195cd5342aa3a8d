using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Mapflow.Emulator.Geo;

/// <summary>
/// Turns a request's GeoJSON geometry into AOI polygons (one per Polygon or MultiPolygon part),
/// rejecting anything the real API would: wrong type, unclosed or short rings, coordinates
/// outside lon/lat range, self-intersections. Parsed by hand so every failure gets a precise reason.
/// </summary>
internal static class GeometryParser
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static IReadOnlyList<Polygon> ParseAois(JsonElement? geometry)
    {
        if (geometry is not { ValueKind: JsonValueKind.Object } g)
            throw ApiException.InvalidGeometry("geometry must be a GeoJSON Polygon or MultiPolygon object");
        var type = g.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type is not ("Polygon" or "MultiPolygon"))
            throw ApiException.InvalidGeometry($"type must be Polygon or MultiPolygon, not '{type}'");
        if (!g.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            throw ApiException.InvalidGeometry("coordinates must be an array");

        var polygons = type == "Polygon"
            ? [ToPolygon(coordinates, "Polygon")]
            : coordinates.EnumerateArray().Select((p, i) => ToPolygon(p, $"polygon {i + 1}")).ToList();
        if (polygons.Count == 0)
            throw ApiException.InvalidGeometry("MultiPolygon has no polygons");
        return polygons;
    }

    private static Polygon ToPolygon(JsonElement rings, string label)
    {
        if (rings.ValueKind != JsonValueKind.Array || rings.GetArrayLength() == 0)
            throw ApiException.InvalidGeometry($"{label} must be a non-empty array of rings");
        var linearRings = rings.EnumerateArray().Select((r, i) => ToRing(r, $"{label}, ring {i + 1}")).ToList();
        var polygon = Factory.CreatePolygon(linearRings[0], linearRings.Skip(1).ToArray());
        // Parts are checked one by one: overlapping AOIs in one MultiPolygon are allowed, as QGIS sends them.
        var error = new IsValidOp(polygon).ValidationError;
        if (error is not null)
            throw ApiException.InvalidGeometry($"{label} is not valid: {error.Message} at ({Format(error.Coordinate)})");
        return polygon;
    }

    private static LinearRing ToRing(JsonElement positions, string label)
    {
        if (positions.ValueKind != JsonValueKind.Array)
            throw ApiException.InvalidGeometry($"{label} must be an array of positions");
        var coordinates = positions.EnumerateArray().Select(p => ToCoordinate(p, label)).ToArray();
        if (coordinates.Length < 4)
            throw ApiException.InvalidGeometry($"{label} has {coordinates.Length} positions; a ring needs at least 4");
        if (!coordinates[0].Equals2D(coordinates[^1]))
            throw ApiException.InvalidGeometry($"{label} is not closed: the first and last positions differ");
        return Factory.CreateLinearRing(coordinates);
    }

    private static Coordinate ToCoordinate(JsonElement position, string label)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
            throw ApiException.InvalidGeometry($"{label} has a position that is not [lon, lat]");
        var lon = position[0].GetDouble();
        var lat = position[1].GetDouble();
        if (lon is < -180 or > 180 || lat is < -90 or > 90)
            throw ApiException.InvalidGeometry($"{label} has a position out of lon/lat range: [{Format(new Coordinate(lon, lat))}]");
        return new Coordinate(lon, lat);
    }

    private static string Format(Coordinate? c) =>
        c is null ? "?" : string.Create(CultureInfo.InvariantCulture, $"{c.X}, {c.Y}");
}
