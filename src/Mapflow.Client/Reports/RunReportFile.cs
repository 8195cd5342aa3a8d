using System;

namespace Mapflow;

/// <summary>A run report written to disk, with the numbers it shows.</summary>
public sealed class RunReportFile
{
    public string Path { get; set; } = "";
    public int Processings { get; set; }
    public int Aois { get; set; }
    public double AreaKm2 { get; set; }
    public double Credits { get; set; }
    public long Features { get; set; }
    public int Failed { get; set; }
    public int Skipped { get; set; }

    /// <summary>Result footprints on the map; fewer than <see cref="Features"/> when one in <see cref="FootprintStride"/> was drawn.</summary>
    public long FootprintsDrawn { get; set; }

    public int FootprintStride { get; set; } = 1;
    public long Length { get; set; }

    public override string ToString() => Path;
}
