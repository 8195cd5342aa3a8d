using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Mapflow.Client.Imagery;
using NetTopologySuite.Geometries;

namespace Mapflow;

/// <summary>A GeoTIFF uploaded to a mosaic of the data catalog (mapflow-api.md §5.8).</summary>
public sealed class Image : IJsonOnDeserialized
{
    private Footprint _footprint;

    public Guid Id { get; set; }

    [JsonPropertyName("mosaic_id")]
    public Guid MosaicId { get; set; }

    public string Filename { get; set; } = "";

    /// <summary>The size of the file as uploaded, in bytes.</summary>
    [JsonPropertyName("file_size")]
    public long? FileSize { get; set; }

    /// <summary>The SHA-1 of the file as uploaded, in hex.</summary>
    public string? Checksum { get; set; }

    [JsonPropertyName("uploaded_at")]
    public DateTimeOffset? Uploaded { get; set; }

    /// <summary>The image's outline as WKT in EPSG:4326.</summary>
    public string? Footprint { get; set; }

    [JsonPropertyName("meta_data")]
    public ImageMetadata? Metadata { get; set; }

    /// <summary>Where the service keeps it (s3://...), for a processing's image URL.</summary>
    [JsonPropertyName("image_url")]
    public string? ImageUrl { get; set; }

    [JsonPropertyName("preview_url_s")]
    public string? PreviewUrlSmall { get; set; }

    [JsonPropertyName("preview_url_l")]
    public string? PreviewUrlLarge { get; set; }

    [JsonPropertyName("cog_link")]
    public string? CogLink { get; set; }

    /// <summary>Whether a download link is given for it (false for images not loaded by the load-data workflow); true when not said.</summary>
    [JsonPropertyName("available_for_download")]
    public bool? AvailableForDownload { get; set; }

    /// <summary>The footprint as a geometry (SRID 4326), read from the WKT once; null when there is none or it is no WKT.</summary>
    public Geometry? FootprintGeometry() => _footprint.Read(Footprint);

    public override string ToString() => Filename;

    void IJsonOnDeserialized.OnDeserialized()
    {
        Filename ??= "";
    }
}

/// <summary>What the service read from the GeoTIFF.</summary>
public sealed class ImageMetadata
{
    public string? Crs { get; set; }

    /// <summary>The number of bands.</summary>
    public int? Count { get; set; }

    public int? Width { get; set; }
    public int? Height { get; set; }
    public List<string>? Dtypes { get; set; }
    public double? Nodata { get; set; }

    /// <summary>The pixel's width and height in the CRS's units.</summary>
    [JsonPropertyName("pixel_size")]
    public List<double>? PixelSize { get; set; }

    public override string ToString() => $"{Crs} {Width}x{Height}, {Count} band(s)";
}
