using System;
using System.Collections.Generic;

namespace Mapflow;

/// <summary>A Mapflow project: a folder of processings.</summary>
public sealed class Project
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool IsDefault { get; set; }
    public int? AoiCount { get; set; }
    public double? AoiArea { get; set; }
    public Dictionary<string, int>? ProcessingCounts { get; set; }
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? Updated { get; set; }

    public override string ToString() => Name;
}
