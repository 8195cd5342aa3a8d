using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace Mapflow;

/// <summary>A workflow definition ("model"), e.g. "🏠 Buildings", with its option blocks.</summary>
public sealed class Model : IJsonOnDeserialized
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public double? PricePerSqKm { get; set; }
    public List<ModelBlock> Blocks { get; set; } = new();
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? Updated { get; set; }

    /// <summary>Base price per km²: the mandatory blocks when there are blocks, else pricePerSqKm (as QGIS computes it).</summary>
    [JsonIgnore]
    public double BasePricePerSqKm => Blocks.Any(b => !b.Optional)
        ? Blocks.Where(b => !b.Optional).Sum(b => b.Price ?? 0)
        : PricePerSqKm ?? 0;

    [JsonIgnore] public string[] Options => Blocks.Where(b => b.Optional).Select(b => b.Name).ToArray();

    public override string ToString() => Name;

    void IJsonOnDeserialized.OnDeserialized()
    {
        Name ??= "";
        Blocks ??= new();
    }
}

public sealed class ModelBlock : IJsonOnDeserialized
{
    public string Name { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? Description { get; set; }

    /// <summary>The docs' own example writes "optional": 0; 0/1 and "true" read as booleans.</summary>
    public bool Optional { get; set; }
    public double? Price { get; set; }
    public bool? Enabled { get; set; }

    public override string ToString() => Name;

    void IJsonOnDeserialized.OnDeserialized() => Name ??= "";
}
