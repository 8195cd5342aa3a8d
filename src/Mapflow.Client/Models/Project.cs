using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Mapflow;

/// <summary>A Mapflow project: a folder of processings, with its owner's limits and the models linked to it.</summary>
public sealed class Project : IJsonOnDeserialized
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public bool IsDefault { get; set; }
    public int? AoiCount { get; set; }
    public double? AoiArea { get; set; }
    public Dictionary<string, double?>? ProcessingCounts { get; set; }
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? Updated { get; set; }

    /// <summary>The project's owner and their limits; in a shared project, not the caller.</summary>
    public ProjectOwner? User { get; set; }

    /// <summary>The models linked to the project, which QGIS offers for it; custom models may be linked here only.</summary>
    public List<Model> WorkflowDefs { get; set; } = new();

    public ShareProject? ShareProject { get; set; }

    /// <summary>The owner's limit on one processing's area (and each polygon's bounding box), in km²; null when not stated.</summary>
    [JsonIgnore] public double? AoiAreaLimitKm2 => User?.AoiAreaLimit / 1e6;

    public override string ToString() => Name;

    void IJsonOnDeserialized.OnDeserialized()
    {
        Name ??= "";
        WorkflowDefs ??= new();
    }
}

/// <summary>The user section of a project: its owner, whose aoiAreaLimit caps every processing in it.</summary>
public sealed class ProjectOwner
{
    /// <summary>As the server writes it; not needed, so not held to being a UUID.</summary>
    public string? Id { get; set; }
    public string? Email { get; set; }
    public string? Login { get; set; }
    public string? Role { get; set; }
    public double? AreaLimit { get; set; }
    public double? AoiAreaLimit { get; set; }

    public override string ToString() => Email ?? Login ?? Id ?? "";
}

public sealed class ShareProject : IJsonOnDeserialized
{
    public List<ProjectMember> Owners { get; set; } = new();
    public List<ProjectMember> Users { get; set; } = new();

    void IJsonOnDeserialized.OnDeserialized()
    {
        Owners ??= new();
        Users ??= new();
    }
}

public sealed class ProjectMember
{
    public string? Email { get; set; }
    public string? Role { get; set; }

    public override string ToString() => $"{Email} ({Role})";
}
