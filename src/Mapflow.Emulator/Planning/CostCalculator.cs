using Mapflow.Emulator.Catalog;

namespace Mapflow.Emulator.Planning;

/// <summary>
/// The price rule of §6.4: area in km² (at least 1) × (base model price + enabled option prices
/// + provider price for the zoom), rounded up to whole credits.
/// </summary>
internal static class CostCalculator
{
    // Absorbs floating-point noise so e.g. an exact 3.4 km² × 5 is 17, not 18.
    private const double Epsilon = 1e-9;

    public static int Compute(double areaM2, WorkflowDef model, IEnumerable<ModelBlock> enabledOptions, double providerPricePerSqKm)
    {
        var km2 = Math.Max(areaM2 / 1e6, 1);
        var pricePerSqKm = model.BasePrice + enabledOptions.Sum(b => b.Price) + providerPricePerSqKm;
        return (int)Math.Ceiling(km2 * pricePerSqKm - Epsilon);
    }
}
