using System;
using System.Collections.Generic;
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
}

public sealed class ProcessingParams
{
    public SourceParams SourceParams { get; set; } = new();
}

/// <summary>Exactly one source is set; absent ones are omitted on the wire.</summary>
public sealed class SourceParams
{
    public DataProviderSource? DataProvider { get; set; }
}

public sealed class DataProviderSource
{
    public string ProviderName { get; set; } = "";
    public int? Zoom { get; set; }
}

public sealed class BlockSelection
{
    public string Name { get; set; } = "";
    public bool Enabled { get; set; }
}
