using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Mapflow;

/// <summary>The account figures of GET /user/status: balance, limits, models and imagery providers.</summary>
public sealed class Account
{
    public string? Email { get; set; }
    [JsonConverter(typeof(Client.LenientStringConverter))]
    public string? BillingType { get; set; }
    public long? RemainingCredits { get; set; }
    public double? RemainingArea { get; set; }
    public double? ProcessedArea { get; set; }
    public double? AreaLimit { get; set; }
    public double? AoiAreaLimit { get; set; }
    public int? MaxAoisPerProcessing { get; set; }
    public long? MemoryLimit { get; set; }
    public List<Model> Models { get; set; } = new();
    public List<DataProvider> DataProviders { get; set; } = new();

    [JsonIgnore] public double? RemainingAreaKm2 => RemainingArea / 1e6;
    [JsonIgnore] public double? AoiAreaLimitKm2 => AoiAreaLimit / 1e6;

    /// <summary>QGIS falls back to 10 AOIs per processing when the server does not say.</summary>
    [JsonIgnore] public int EffectiveMaxAoisPerProcessing => MaxAoisPerProcessing is > 0 ? MaxAoisPerProcessing.Value : 10;
}
