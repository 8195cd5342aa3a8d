using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Mapflow;

/// <summary>
/// The account figures of GET /user/status: balance, quota, models and imagery providers. The area limit of one
/// processing is not here: it is the project owner's (<see cref="ProjectOwner.AoiAreaLimit"/>), as QGIS reads it.
/// </summary>
public sealed class Account : IJsonOnDeserialized
{
    public string? Email { get; set; }

    /// <summary>CREDITS, AREA or NONE; older servers send a number, which is kept as its text.</summary>
    public string? BillingType { get; set; }

    /// <summary>Credits may be fractional.</summary>
    public double? RemainingCredits { get; set; }
    public double? RemainingArea { get; set; }
    public double? ProcessedArea { get; set; }

    /// <summary>The account's total area quota in m² (not a limit per processing).</summary>
    public double? AreaLimit { get; set; }
    public int? MaxAoisPerProcessing { get; set; }
    public long? MemoryLimit { get; set; }
    public bool ReviewWorkflowEnabled { get; set; }
    public List<Model> Models { get; set; } = new();
    public List<DataProvider> DataProviders { get; set; } = new();

    /// <summary>The providers the imagery search (/catalog/meta) covers; QGIS reads them, other clients do not.</summary>
    public List<DataProvider> SearchDataProviders { get; set; } = new();

    [JsonIgnore] public double? RemainingAreaKm2 => RemainingArea / 1e6;
    [JsonIgnore] public double? AreaLimitKm2 => AreaLimit / 1e6;

    /// <summary>QGIS falls back to 10 AOIs per processing when the server does not say.</summary>
    [JsonIgnore] public int EffectiveMaxAoisPerProcessing => MaxAoisPerProcessing is > 0 ? MaxAoisPerProcessing.Value : 10;

    [JsonIgnore] public bool BillsCredits => string.Equals(BillingType, "CREDITS", System.StringComparison.OrdinalIgnoreCase);

    void IJsonOnDeserialized.OnDeserialized()
    {
        Models ??= new();
        DataProviders ??= new();
        SearchDataProviders ??= new();
    }
}
