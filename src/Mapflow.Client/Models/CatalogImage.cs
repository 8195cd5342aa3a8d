using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mapflow.Client.Json;
using NetTopologySuite.Geometries;

namespace Mapflow;

/// <summary>
/// One image or mosaic of the imagery search (POST /catalog/meta, §4.9). Ids are the provider's own, not UUIDs.
/// Metadata may be missing (null) for some providers; the search lets such images through every filter.
/// </summary>
public sealed class CatalogImage : IJsonOnDeserialized
{
    public string Id { get; set; } = "";
    public string? ProviderName { get; set; }
    public DateTimeOffset? AcquisitionDate { get; set; }

    /// <summary>Percent, 0–100.</summary>
    public double? CloudCover { get; set; }
    public double? OffNadirAngle { get; set; }

    /// <summary>Metres per pixel.</summary>
    public double? PixelResolution { get; set; }

    /// <summary>Image (a scene) or Mosaic, as the provider says.</summary>
    public string? ProductType { get; set; }
    public string? Sensor { get; set; }
    public string? SatId { get; set; }
    public Geometry? Footprint { get; set; }

    /// <summary>QGIS reads it as text; numbers and numeric text both read.</summary>
    public int? Zoom { get; set; }

    /// <summary>The API spells it minAreaSqkm here (QGIS ImageSchema); names are read case-insensitively.</summary>
    public double? MinAreaSqKm { get; set; }
    public string? PreviewUrl { get; set; }

    /// <summary>The AOI whose search found it (set by Find-MapflowImagery; not part of the answer).</summary>
    [JsonIgnore] public string? AoiName { get; set; }

    public override string ToString() => $"{ProviderName} {Id}";

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (string.IsNullOrEmpty(Id)) throw new JsonException("an image without an id");
    }
}

/// <summary>One page of /catalog/meta: {images, total, limit, offset}; Returned counts items read or left out.</summary>
[JsonConverter(typeof(CatalogPageConverter))]
public sealed class CatalogPage
{
    public List<CatalogImage> Images { get; set; } = new();
    public int? Total { get; set; }
    public int? Limit { get; set; }
    public int? Offset { get; set; }
    [JsonIgnore] public int Returned { get; set; }
}

internal sealed class CatalogPageConverter : JsonConverter<CatalogPage>
{
    public override CatalogPage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var page = new CatalogPage();
        // The docs show the answer as a bare list of images (QGIS reads an object): taken, without a total, so paging
        // ends on a page with nothing new.
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            page.Images = TolerantItems.Read<CatalogImage>(ref reader, options, out var all);
            page.Returned = all;
            return page;
        }
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"A search answer is {reader.TokenType}, not an object or a list.");
        var sawImages = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "images":
                    sawImages = true;
                    page.Images = TolerantItems.Read<CatalogImage>(ref reader, options, out var returned);
                    page.Returned = returned;
                    break;
                case "total":
                    page.Total = JsonSerializer.Deserialize<int?>(ref reader, options);
                    break;
                case "limit":
                    page.Limit = JsonSerializer.Deserialize<int?>(ref reader, options);
                    break;
                case "offset":
                    page.Offset = JsonSerializer.Deserialize<int?>(ref reader, options);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        // Never a quiet empty result: an answer without the list is not an answer of this endpoint.
        if (!sawImages) throw new JsonException("the answer has no 'images' list");
        return page;
    }

    public override void Write(Utf8JsonWriter writer, CatalogPage value, JsonSerializerOptions options) =>
        throw new NotSupportedException("A search page is only read.");
}
