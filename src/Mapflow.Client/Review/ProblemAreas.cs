using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapflow.Client.Review;

/// <summary>
/// The <c>features</c> of a rejection: one GeoJSON FeatureCollection of the areas where the result is wrong, as QGIS
/// exports a layer of them. Each piece given may be a FeatureCollection (its features are taken), a Feature, or a
/// bare geometry (wrapped as a Feature without properties).
/// </summary>
public static class ProblemAreas
{
    private static readonly HashSet<string> GeometryTypes = new(StringComparer.Ordinal)
    {
        "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
    };

    /// <exception cref="ArgumentException">A piece is not JSON, or not GeoJSON of those kinds.</exception>
    public static JsonObject ToFeatureCollection(IEnumerable<string> geoJson)
    {
        var features = new JsonArray();
        foreach (var text in geoJson)
        {
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"A problem area is not JSON: {e.Message}", e);
            }
            var type = TypeOf(node);
            switch (type)
            {
                case "FeatureCollection" when node!["features"] is JsonArray items:
                    foreach (var item in items) features.Add(Feature(item?.DeepClone()));
                    break;
                case "Feature":
                    features.Add(Feature(node));
                    break;
                case { } geometry when GeometryTypes.Contains(geometry):
                    features.Add(new JsonObject { ["type"] = "Feature", ["properties"] = new JsonObject(), ["geometry"] = node });
                    break;
                default:
                    throw new ArgumentException($"A problem area is GeoJSON of type '{type ?? "(none)"}'; give a geometry, a Feature or a FeatureCollection.");
            }
        }
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static JsonNode Feature(JsonNode? node) =>
        TypeOf(node) == "Feature" && node!["geometry"] is JsonObject
            ? node
            : throw new ArgumentException("A problem area's feature is not a Feature with a geometry.");

    private static string? TypeOf(JsonNode? node) =>
        node is JsonObject o && o["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;
}
