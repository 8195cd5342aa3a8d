using System;

namespace Mapflow;

/// <summary>One result file on disk, as Save-MapflowResult wrote or found it.</summary>
public sealed class SavedResult
{
    public string Path { get; set; } = "";
    public Guid ProcessingId { get; set; }
    public string ProcessingName { get; set; } = "";
    public Guid? AoiId { get; set; }
    public string? AoiName { get; set; }
    public long FeatureCount { get; set; }
    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    /// <summary>True when a complete file was already there and nothing was downloaded.</summary>
    public bool Skipped { get; set; }

    public override string ToString() => Path;
}
