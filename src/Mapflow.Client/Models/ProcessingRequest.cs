using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace Mapflow;

/// <summary>The body of POST /processings/v2, also posted whole to /processing/cost/v2 as QGIS does.</summary>
public sealed class ProcessingRequest
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public Guid? ProjectId { get; set; }
    public Guid? WdId { get; set; }
    public Geometry? Geometry { get; set; }
    public ProcessingParams? Params { get; set; }
    public List<BlockSelection>? Blocks { get; set; }
    public Dictionary<string, string>? Meta { get; set; }

    public override string ToString() => Name;
}

public sealed class ProcessingParams
{
    public SourceParams SourceParams { get; set; } = new();

    /// <summary>Model-specific settings passed through as given (§4.4); null is left out.</summary>
    public SortedDictionary<string, object?>? InferenceParams { get; set; }
}

/// <summary>The imagery of a processing: exactly one kind is set; absent ones are omitted on the wire.</summary>
public sealed class SourceParams
{
    public DataProviderSource? DataProvider { get; set; }
    public MyImagerySource? MyImagery { get; set; }
    public ImagerySearchSource? ImagerySearch { get; set; }
    public UserDefinedSource? UserDefined { get; set; }

    /// <summary>For confirmations and messages: never a credential, and of a tile URL only its host.</summary>
    public override string ToString() =>
        DataProvider?.ToString() ?? MyImagery?.ToString() ?? ImagerySearch?.ToString() ?? UserDefined?.ToString() ?? "the default provider";
}

public sealed class DataProviderSource
{
    public string ProviderName { get; set; } = "";
    public int? Zoom { get; set; }

    public override string ToString() => ProviderName + (Zoom is { } z ? $" at zoom {z}" : "");
}

/// <summary>The user's own imagery (the data catalog): a whole mosaic or chosen images, never both (as QGIS and the CLI send it).</summary>
public sealed class MyImagerySource
{
    public List<Guid>? ImageIds { get; set; }
    public Guid? MosaicId { get; set; }

    public override string ToString() => MosaicId is { } m ? $"mosaic {m}" : $"{ImageIds?.Count ?? 0} image(s) of my imagery";
}

/// <summary>Images found by /catalog/meta, all of one provider; QGIS sends the provider name lower-cased.</summary>
public sealed class ImagerySearchSource
{
    public string DataProvider { get; set; } = "";
    public List<string> ImageIds { get; set; } = new();
    public int? Zoom { get; set; }

    public override string ToString() => $"{ImageIds.Count} {DataProvider} image(s) found by search";
}

/// <summary>A tile service of the user's: XYZ, TMS, QUADKEY (upper-case on the wire) or SENTINEL_L2A.</summary>
public sealed class UserDefinedSource
{
    public string SourceType { get; set; } = "";
    public string Url { get; set; } = "";
    public int? Zoom { get; set; }

    /// <summary>Lower-case, as QGIS sends it: epsg:3857 or epsg:3395; omitted for the service default.</summary>
    public string? Crs { get; set; }
    public string? RasterLogin { get; set; }

    /// <summary>Sent only on the wire: never part of a message, a log line or the start key.</summary>
    public string? RasterPassword { get; set; }

    public override string ToString() => $"{SourceType} tiles from {(Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri.Host : "a user-defined URL")}";
}

public sealed class BlockSelection
{
    public string Name { get; set; } = "";
    public bool Enabled { get; set; }
}
