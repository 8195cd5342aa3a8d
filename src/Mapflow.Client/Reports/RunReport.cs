using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Mapflow.Client.Reports;

/// <summary>What a run report shows: one row per AOI and the run's totals, every number as the cmdlets reported it.</summary>
public sealed class RunReport
{
    public string Title { get; set; } = "Mapflow run";
    public DateTimeOffset GeneratedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<ReportRow> Rows { get; } = new();

    /// <summary>Result files, each drawn inside the AOIs it holds.</summary>
    public List<ReportFile> Files { get; } = new();

    public int Processings { get; set; }

    /// <summary>The sum of the processings' aoiArea, as Get-MapflowProcessing reports it.</summary>
    public double AreaKm2 { get; set; }

    /// <summary>The sum of the processings' cost.</summary>
    public double Credits { get; set; }

    /// <summary>The sum of the saved files' feature counts.</summary>
    public long Features { get; set; }

    public int Failed { get; set; }

    /// <summary>Files that were already there, so nothing was downloaded for them.</summary>
    public int Skipped { get; set; }

    public DateTimeOffset? From { get; set; }
    public DateTimeOffset? To { get; set; }
    public List<string> Projects { get; } = new();
    public List<string> Models { get; } = new();
}

/// <summary>One AOI of a processing.</summary>
public sealed class ReportRow
{
    public string Name { get; set; } = "";
    public Guid ProcessingId { get; set; }
    public string ProcessingName { get; set; } = "";
    public Guid? AoiId { get; set; }
    public string Status { get; set; } = "";
    public double? AreaKm2 { get; set; }

    /// <summary>The processing's cost; shared by <see cref="AoisInProcessing"/> AOIs.</summary>
    public double? Cost { get; set; }

    public int AoisInProcessing { get; set; } = 1;

    /// <summary>Features of this AOI when a file holds it alone (or a merge marks it); null when its file holds several AOIs.</summary>
    public long? Features { get; set; }

    /// <summary>The result file, relative to the report.</summary>
    public string? File { get; set; }

    public string? Error { get; set; }

    /// <summary>The AOI's GeoJSON geometry, as the API lists it.</summary>
    public JsonElement? Geometry { get; set; }
}

/// <summary>A saved GeoJSON result and the rows it belongs to (all AOIs of its processing, or one).</summary>
public sealed class ReportFile
{
    public string Path { get; set; } = "";
    public long FeatureCount { get; set; }

    /// <summary>Row indexes the file's features fall in; empty for a merged file, whose features name their AOI.</summary>
    public List<int> Rows { get; } = new();

    public bool Merged { get; set; }
}
