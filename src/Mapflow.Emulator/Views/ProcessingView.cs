using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Mapflow.Emulator.Catalog;
using Mapflow.Emulator.Planning;
using Mapflow.Emulator.State;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Views;

/// <summary>
/// A processing on the wire, v1 or v2 (§5.1): the same keys, with <c>params</c> structured (v2) or flat (v1).
/// Every key is always written, null or not, except <c>meta</c>, which lists leave out (§10.21). A processing
/// seeded as made by another client is shown with that client's odd shapes laid over it.
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
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Meta,
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
    public static object V2(Processing p, ViewContext context, bool includeMeta, bool justStarted = false) =>
        Shaped(p, Build(p, context, p.Params.ToV2Json(), includeMeta, justStarted), includeMeta);

    public static object V1(Processing p, ViewContext context, bool includeMeta, bool justStarted = false) =>
        Shaped(p, Build(p, context, p.Params.Source.ToV1Map(), includeMeta, justStarted), includeMeta);

    /// <summary>
    /// AOIs share the processing's status and progress. They are listed largest first, not in the order of the
    /// request's polygons: nothing documents that order (§11.9), so a client must not rely on it. Their geometry comes
    /// back with coordinates rounded to 6 decimals (about 10 cm), as a server that stores them does not keep every digit.
    /// </summary>
    public static IReadOnlyList<AoiDto> Aois(Processing p, ViewContext context)
    {
        var progress = Lifecycle.At(p, context.Now);
        return p.Aois.OrderByDescending(a => a.Area).ThenBy(a => a.Id)
            .Select(a => new AoiDto(a.Id, progress.Status, progress.PercentCompleted, a.Area, progress.Messages, Stored(a.Geometry))).ToList();
    }

    private static Geometry Stored(Geometry geometry) =>
        NetTopologySuite.Precision.GeometryPrecisionReducer.Reduce(geometry, new PrecisionModel(1e6));

    /// <summary>The processing as its own client shaped it: the keys of OtherClientShape replace the standard ones.</summary>
    private static object Shaped(Processing p, ProcessingDto dto, bool includeMeta)
    {
        if (p.OtherClientShape is not { } shape) return dto;
        var json = JsonSerializer.SerializeToNode(dto, Json.Options)!.AsObject();
        foreach (var (key, value) in shape)
        {
            if (key == "meta" && !includeMeta || ChangedSince(p, key)) continue;
            json[key] = value?.DeepClone();
        }
        return json;
    }

    /// <summary>What the account changed since the seed (a rating, a review decision, a description) shows as it is now.</summary>
    private static bool ChangedSince(Processing p, string key) => key switch
    {
        "rating" => p.Rating is not null,
        "reviewStatus" => p.Review is not null,
        "description" => p.Description != OtherClients.SeededDescription,
        _ => false,
    };

    public static LayerDto VectorLayer(Processing p, ViewContext context) => new(
        p.VectorLayerId,
        p.Name,
        $"{context.BaseUrl}/api/layers/{p.VectorLayerId}/tiles/{{z}}/{{x}}/{{y}}.vector.pbf",
        $"{context.BaseUrl}/api/layers/{p.VectorLayerId}.json");

    /// <summary>
    /// With the review workflow on, a result is IN_REVIEW for a day once it is OK, unless a reviewer decided
    /// (acceptation, rejection) or a test set a review status.
    /// </summary>
    public static ReviewStatus? Review(Processing p, Progress progress, EmulatorConfig config) =>
        p.Review ?? (config.ReviewWorkflowEnabled && progress.Status == ProcessingStatus.Ok
            ? new ReviewStatus(ReviewStatuses.InReview, progress.Updated.AddDays(1))
            : null);

    private static ProcessingDto Build(Processing p, ViewContext context, object parameters, bool includeMeta, bool justStarted)
    {
        var progress = justStarted ? Lifecycle.JustStarted(p) : Lifecycle.At(p, context.Now);
        return new ProcessingDto(
            p.Id, p.Name, p.Description, p.ProjectId, p.Model,
            progress.Status, progress.PercentCompleted,
            p.Aois.Count, p.AoiArea, p.AoiArea, p.Cost,
            parameters, p.Blocks,
            includeMeta ? p.Meta.DeepClone().AsObject() : null,
            progress.Messages,
            Review(p, progress, context.Config) is { } review ? new ReviewStatusDto(review.Status, review.InReviewUntil) : null,
            p.Rating is { } rating ? new RatingDto(rating.Value, rating.Feedback) : null,
            VectorLayer(p, context),
            null,
            p.Created,
            progress.Updated);
    }
}
