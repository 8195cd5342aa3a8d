using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Mapflow.Client.Imagery;
using NetTopologySuite.Geometries;

namespace Mapflow;

/// <summary>A collection of the account's own imagery in the data catalog ("My imagery", mapflow-api.md §5.7).</summary>
public sealed class Mosaic : IJsonOnDeserialized
{
    private Footprint _footprint;

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> Tags { get; set; } = new();

    [JsonPropertyName("created_at")]
    public DateTimeOffset? Created { get; set; }

    /// <summary>The outline of the mosaic's images as WKT in EPSG:4326; null while it has none.</summary>
    public string? Footprint { get; set; }

    /// <summary>What its images take of the account's storage, in bytes; absent from a create's or update's answer.</summary>
    public long? SizeInBytes { get; set; }

    public MosaicRasterLayer? RasterLayer { get; set; }

    /// <summary>The footprint as a geometry (SRID 4326), read from the WKT once; null when there is none or it is no WKT.</summary>
    public Geometry? FootprintGeometry() => _footprint.Read(Footprint);

    public override string ToString() => Name;

    void IJsonOnDeserialized.OnDeserialized()
    {
        Name ??= "";
        Tags ??= new();
    }
}

/// <summary>Where a mosaic is served as map tiles.</summary>
public sealed class MosaicRasterLayer
{
    public string? TileUrl { get; set; }
    public string? TileJsonUrl { get; set; }

    public override string ToString() => TileJsonUrl ?? TileUrl ?? "";
}
