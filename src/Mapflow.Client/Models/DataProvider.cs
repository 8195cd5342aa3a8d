using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Mapflow;

/// <summary>An imagery provider usable as sourceParams.dataProvider.providerName.</summary>
public sealed class DataProvider : IJsonOnDeserialized
{
    public string? Id { get; set; }
    public string Name { get; set; } = "";
    public string? DisplayName { get; set; }
    public List<ProviderPrice> Price { get; set; } = new();
    public double? MinAreaSqKm { get; set; }

    public override string ToString() => Name;

    void IJsonOnDeserialized.OnDeserialized()
    {
        Name ??= "";
        Price ??= new();
    }
}

public sealed class ProviderPrice
{
    public int? Zoom { get; set; }
    public double PriceSqKm { get; set; }
}
