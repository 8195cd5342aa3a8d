using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Mapflow.Emulator.Catalog;
using Mapflow.Emulator.Planning;
using Mapflow.Emulator.State;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Views;

/// <summary>
/// A processing on the wire, v1 or v2 (§5.1): the same keys, with <c>params</c> structured (v2) or flat (v1).
/// Every key is always written, null or not, except <c>meta</c>, which lists leave out (§10.21).
/// </summary>
internal sealed record ProcessingDto(
    Guid Id,
    string Name,
    string? Description,
    Guid ProjectId,
    WorkflowDef WorkflowDef,
    string Status,
    int PercentCompleted,
    int AoiCount,
    long AoiArea,
    long Area,
    int Cost,
    object Params,
    IReadOnlyList<BlockState> Blocks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string?>? Meta,
    IReadOnlyList<JsonNode> Messages,
    ReviewStatusDto? ReviewStatus,
    RatingDto? Rating,
    LayerDto? VectorLayer,
    LayerDto? RasterLayer,
    DateTimeOffset Created,
    DateTimeOffset Updated);

internal sealed record ReviewStatusDto(string ReviewStatus, DateTimeOffset? InReviewUntil);

internal sealed record RatingDto(int Rating, string? Feedback);

internal sealed record LayerDto(Guid Id, string Name, string TileUrl, string TileJsonUrl);

internal sealed record AoiDto(Guid Id, string Status, int PercentCompleted, long Area, IReadOnlyList<JsonNode> Messages, Geometry Geometry);

internal static class ProcessingView
{
    public static ProcessingDto V2(Processing p, ViewContext context, bool includeMeta, bool justStarted = false) =>
        Build(p, context, p.Params.ToV2Json(), includeMeta, justStarted);

    public static ProcessingDto V1(Processing p, ViewContext context, bool includeMeta, bool justStarted = false) =>
        Build(p, context, p.Params.Source.ToV1Map(), includeMeta, justStarted);

    /// <summary>AOIs share the processing's status and progress.</summary>
    public static IReadOnlyList<AoiDto> Aois(Processing p, ViewContext context)
    {
        var progress = Lifecycle.At(p, context.Now);
        return p.Aois.Select(a => new AoiDto(a.Id, progress.Status, progress.PercentCompleted, a.Area, progress.Messages, a.Geometry)).ToList();
    }

    public static LayerDto VectorLayer(Processing p, ViewContext context) => new(
        p.VectorLayerId,
        p.Name,
        $"{context.BaseUrl}/api/layers/{p.VectorLayerId}/tiles/{{z}}/{{x}}/{{y}}.vector.pbf",
        $"{context.BaseUrl}/api/layers/{p.VectorLayerId}.json");

    private static ProcessingDto Build(Processing p, ViewContext context, object parameters, bool includeMeta, bool justStarted)
    {
        var progress = justStarted ? Lifecycle.JustStarted(p) : Lifecycle.At(p, context.Now);
        return new ProcessingDto(
            p.Id, p.Name, p.Description, p.ProjectId, p.Model,
            progress.Status, progress.PercentCompleted,
            p.Aois.Count, p.AoiArea, p.AoiArea, p.Cost,
            parameters, p.Blocks,
            includeMeta ? p.Meta : null,
            progress.Messages,
            p.Review is { } review ? new ReviewStatusDto(review.Status, review.InReviewUntil) : null,
            p.Rating is { } rating ? new RatingDto(rating.Value, rating.Feedback) : null,
            VectorLayer(p, context),
            null,
            p.Created,
            progress.Updated);
    }
}
