using Mapflow.Emulator.Catalog;
using Mapflow.Emulator.Planning;
using System.Text.Json.Nodes;
using Mapflow.Emulator.State;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Mapflow.Emulator.Endpoints;

/// <summary>Creating a processing, shared by v1 and v2: validate and price, pick the project, charge, store.</summary>
internal static class ProcessingCreation
{
    public static Processing Create(UserAccount user, EmulatorState state, DataCatalogState catalog, ProcessingRequest request, ProcessingParams parameters)
    {
        var config = state.Config;
        var plan = ProcessingPlanner.Plan(request, parameters, config, allowAreaOnly: false);
        var images = catalog.SourceImages(user, plan.Params.Source);
        // Listed in /user/status, but outside the plan: QGIS recognizes this 403 by its message naming the data provider.
        if (plan.Params.Source.ProviderName is { } provider && config.IsForbidden(provider))
            throw DataProviders.AccessDenied(provider);
        var projectId = state.ResolveProjectId(user, request.ProjectId);
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var processing = new Processing(
            id,
            user.Email,
            projectId,
            string.IsNullOrWhiteSpace(request.Name) ? id.ToString() : request.Name,
            request.Description,
            plan.Model,
            plan.Params,
            plan.Blocks,
            request.Meta?.DeepClone().AsObject() ?? [],
            plan.Aois.Select(a => new Aoi(Guid.NewGuid(), a.Geometry, (long)Math.Round(a.AreaM2))).ToList(),
            (long)Math.Round(plan.AreaM2),
            plan.Cost,
            Created: now,
            Updated: now,
            StartedAt: now,
            // Duration and result size are fixed at creation, so later config changes do not rewrite history.
            DurationMs: config.ProcessingDurationMs,
            FeaturesPerAoi: config.FeaturesPerAoi,
            Forced: null,
            Review: null,
            Rating: null,
            VectorLayerId: Guid.NewGuid(),
            SourceFailure: images.Count > 0 ? NotCovered(images, plan.Aois.Select(a => a.Geometry)) : null);
        return state.AddProcessing(user, processing);
    }

    /// <summary>
    /// Own imagery must cover every AOI: the pipeline finds no data outside the images and the processing FAILS
    /// (§7.2 source-validator.NoDataInAOI); null when the images' footprints cover them all.
    /// </summary>
    private static JsonNode? NotCovered(IReadOnlyList<RasterImage> images, IEnumerable<Geometry> aois)
    {
        var footprint = UnaryUnionOp.Union(images.Select(i => (Geometry)i.Tiff.Footprint).ToList()).Buffer(1e-7);
        return aois.All(footprint.Covers)
            ? null
            : new JsonObject { ["code"] = "source-validator.NoDataInAOI", ["parameters"] = new JsonObject { ["level"] = "error" } };
    }
}
