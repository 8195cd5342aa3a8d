using Mapflow.Emulator.Catalog;
using Mapflow.Emulator.Geo;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Planning;

internal sealed record PlannedAoi(Polygon Geometry, double AreaM2);

/// <summary>An optional model block as a processing reports it.</summary>
internal sealed record BlockState(string Name, bool Enabled, string DisplayName);

/// <summary>A validated create or cost request: what would run, and what it costs.</summary>
internal sealed record ProcessingPlan(
    WorkflowDef Model,
    IReadOnlyList<PlannedAoi> Aois,
    double AreaM2,
    IReadOnlyList<BlockState> Blocks,
    ProcessingParams Params,
    int Cost);

/// <summary>
/// Server-side validation shared by create and cost (v1 and v2), in the order the brief gives:
/// geometry, AOI count, area limits, model, imagery source, blocks. Project and credits are
/// checked by the caller because they need the user's state.
/// </summary>
internal static class ProcessingPlanner
{
    public static ProcessingPlan Plan(ProcessingRequest request, ProcessingParams parameters, EmulatorConfig config, bool allowAreaOnly)
    {
        var (aois, area) = Measure(request, config, allowAreaOnly);
        var model = ResolveModel(request);
        var providerPrice = ProviderPrice(parameters.Source);
        var blocks = ResolveBlocks(model, request.Blocks);
        var enabled = model.OptionalBlocks.Where(b => blocks.Any(s => s.Enabled && s.Name == b.Name));
        var cost = CostCalculator.Compute(area, model, enabled, providerPrice);
        return new ProcessingPlan(model, aois, area, blocks, parameters, cost);
    }

    private static (IReadOnlyList<PlannedAoi> Aois, double Area) Measure(ProcessingRequest request, EmulatorConfig config, bool allowAreaOnly)
    {
        if (!request.HasGeometry && allowAreaOnly && request.AreaSqKm is { } km2)
        {
            if (km2 < 0)
                throw ApiException.BadRequest("areaSqKm must not be negative");
            CheckLimit(km2 * 1e6, config.AoiAreaLimit);
            return ([], km2 * 1e6);
        }

        var polygons = GeometryParser.ParseAois(request.Geometry);
        if (polygons.Count > config.MaxAoisPerProcessing)
            throw new ApiException(StatusCodes.Status400BadRequest, ApiException.GenericCode,
                $"A processing may contain at most {config.MaxAoisPerProcessing} AOIs; got {polygons.Count}",
                new Dictionary<string, string>
                {
                    ["aoiCount"] = ApiException.Str(polygons.Count),
                    ["maxAoisPerProcessing"] = ApiException.Str(config.MaxAoisPerProcessing),
                });

        var aois = polygons.Select(p => new PlannedAoi(p, GeodesicArea.Of(p))).ToList();
        var total = aois.Sum(a => a.AreaM2);
        // Two checks, as QGIS does them (§6.3): the total area, then each AOI's lon/lat bounding box.
        // The error reports whichever area broke the limit.
        CheckLimit(total, config.AoiAreaLimit);
        foreach (var aoi in aois)
            CheckLimit(GeodesicArea.OfBoundingBox(aoi.Geometry), config.AoiAreaLimit);
        return (aois, total);
    }

    private static void CheckLimit(double areaM2, long limit)
    {
        var rounded = (long)Math.Round(areaM2);
        if (rounded > limit)
            throw ApiException.TooLarge(rounded, limit);
    }

    private static WorkflowDef ResolveModel(ProcessingRequest request)
    {
        if (request.WdId is null && request.WdName is null)
            throw ApiException.BadRequest("wdId or wdName is required");
        return WorkflowDefs.Find(request.WdId, request.WdName)
            ?? throw new ApiException(StatusCodes.Status400BadRequest, ApiException.GenericCode,
                $"Workflow definition '{request.WdId ?? request.WdName}' not found",
                request.WdId is not null
                    ? new Dictionary<string, string> { ["wdId"] = request.WdId }
                    : new Dictionary<string, string> { ["wdName"] = request.WdName! });
    }

    /// <summary>Only a named provider is priced (and checked); other sources cost nothing extra here.</summary>
    private static double ProviderPrice(SourceParams source)
    {
        if (source.ProviderName is not { } name)
            return 0;
        var provider = DataProviders.Find(name) ?? throw DataProviders.AccessDenied(name);
        return provider.PriceFor(source.Zoom);
    }

    /// <summary>Every optional block of the model, enabled when the request says so (absent = disabled).</summary>
    private static IReadOnlyList<BlockState> ResolveBlocks(WorkflowDef model, IReadOnlyList<BlockToggle>? toggles)
    {
        foreach (var toggle in toggles ?? [])
        {
            if (string.IsNullOrEmpty(toggle.Name) || !model.Blocks.Any(b => b.Name == toggle.Name))
                throw ApiException.BadRequest($"Unknown block '{toggle.Name}' for workflow definition '{model.Name}'");
        }
        return model.OptionalBlocks
            .Select(b => new BlockState(b.Name, toggles?.LastOrDefault(t => t.Name == b.Name)?.Enabled ?? false, b.DisplayName))
            .ToList();
    }
}
