using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Mapflow.Client.Aois.GeoJson;

namespace Mapflow;

/// <summary>
/// One feature of a processing's vector result, as Get-MapflowResult writes it: the geometry as GeoJSON text and the
/// properties the model gave it.
/// </summary>
public sealed class ResultFeature
{
    private ResultFeature(Guid processingId, Guid? aoiId, string? geometryType, string? geometry, IReadOnlyDictionary<string, object?> properties)
    {
        ProcessingId = processingId;
        AoiId = aoiId;
        GeometryType = geometryType;
        Geometry = geometry;
        Properties = properties;
    }

    public Guid ProcessingId { get; }

    /// <summary>The AOI asked for (-AoiId); null for the whole result, whose features do not say their AOI.</summary>
    public Guid? AoiId { get; }

    /// <summary>Polygon, MultiPolygon, LineString…: results may mix geometry types.</summary>
    public string? GeometryType { get; }

    /// <summary>The GeoJSON geometry object as text, lon/lat as the API sends it; null for a feature without one.</summary>
    public string? Geometry { get; }

    /// <summary>
    /// The model's properties (e.g. area in m², class_id): strings, longs, doubles, bools and nulls, nested objects
    /// and arrays as their JSON text. Keys ignore case, as PowerShell does ($_.Properties.area).
    /// </summary>
    public IReadOnlyDictionary<string, object?> Properties { get; }

    public override string ToString() => $"{GeometryType} feature of processing {ProcessingId}";

    /// <exception cref="InvalidDataException">The bytes are not a GeoJSON Feature object.</exception>
    internal static ResultFeature Parse(byte[] json, Guid processingId, Guid? aoiId)
    {
        using var document = JsonDocument.Parse(json);
        var feature = document.RootElement;
        if (feature.ValueKind != JsonValueKind.Object) throw new InvalidDataException("a feature of the result is not a JSON object");
        string? type = null, geometry = null;
        if (feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
        {
            geometry = g.GetRawText();
            type = g.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
            foreach (var property in p.EnumerateObject())
                properties[property.Name] = GeoJsonFeatureParser.PropertyValue(property.Value);
        return new ResultFeature(processingId, aoiId, type, geometry, properties);
    }
}
