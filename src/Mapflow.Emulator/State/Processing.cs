using System.Text.Json.Nodes;
using Mapflow.Emulator.Catalog;
using Mapflow.Emulator.Planning;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.State;

/// <summary>
/// A stored processing. Immutable: every change replaces the record under the state lock, so
/// readers can map a record to JSON outside the lock (Meta and OtherClientShape are never changed after
/// creation and are cloned when shown). Its status is derived from time (<see cref="Lifecycle"/>).
/// OtherClientShape, for processings seeded as made by other clients, overrides keys of the JSON it is shown as.
/// </summary>
internal sealed record Processing(
    Guid Id,
    string OwnerEmail,
    Guid ProjectId,
    string Name,
    string? Description,
    WorkflowDef Model,
    ProcessingParams Params,
    IReadOnlyList<BlockState> Blocks,
    JsonObject Meta,
    IReadOnlyList<Aoi> Aois,
    long AoiArea,
    int Cost,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    DateTimeOffset StartedAt,
    int DurationMs,
    int FeaturesPerAoi,
    ForcedStatus? Forced,
    ReviewStatus? Review,
    Rating? Rating,
    Guid VectorLayerId,
    JsonObject? OtherClientShape = null,
    Rejection? Rejection = null,
    JsonNode? SourceFailure = null);

internal sealed record Aoi(Guid Id, Polygon Geometry, long Area);

/// <summary>A status set through the control API; it overrides the time-based one.</summary>
internal sealed record ForcedStatus(string Status, int PercentCompleted, IReadOnlyList<JsonNode> Messages);

internal sealed record ReviewStatus(string Status, DateTimeOffset? InReviewUntil);

/// <summary>reviewStatus.reviewStatus values (§6.1).</summary>
internal static class ReviewStatuses
{
    public const string InReview = "IN_REVIEW";
    public const string NotAccepted = "NOT_ACCEPTED";
    public const string Accepted = "ACCEPTED";
    public const string Refunded = "REFUNDED";

    public static readonly IReadOnlyList<string> All = [InReview, NotAccepted, Accepted, Refunded];
}

internal sealed record Rating(int Value, string? Feedback);

/// <summary>A reviewer's last rejection: the comment and the problem areas (a FeatureCollection), as sent.</summary>
internal sealed record Rejection(string Comment, JsonObject Features, DateTimeOffset At);
