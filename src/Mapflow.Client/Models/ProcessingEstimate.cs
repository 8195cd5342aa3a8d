namespace Mapflow;

/// <summary>What one planned processing would cost, from POST /processing/cost/v2.</summary>
public sealed class ProcessingEstimate
{
    public string Name { get; set; } = "";
    public string Model { get; set; } = "";
    public int AoiCount { get; set; }
    public int PolygonCount { get; set; }
    public double AreaKm2 { get; set; }
    /// <summary>As the cost endpoint answers; may be fractional.</summary>
    public double Credits { get; set; }
    public string[] AoiNames { get; set; } = System.Array.Empty<string>();
}
