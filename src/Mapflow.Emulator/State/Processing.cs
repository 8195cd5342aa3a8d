using System.Text.Json.Nodes;
using Mapflow.Emulator.Catalog;
using Mapflow.Emulator.Planning;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.State;

/// <summary>
/// A stored processing. Immutable: every change replaces the record under the state lock, so
/// readers can map a record to JSON outside the lock. Its status is derived from time (<see cref="Lifecycle"/>).
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
    IReadOnlyDictionary<string, string?> Meta,
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
    Guid VectorLayerId);

internal sealed record Aoi(Guid Id, Polygon Geometry, long Area);

/// <summary>A status set through the control API; it overrides the time-based one.</summary>
internal sealed record ForcedStatus(string Status, int PercentCompleted, IReadOnlyList<JsonNode> Messages);

internal sealed record ReviewStatus(string Status, DateTimeOffset? InReviewUntil);

internal sealed record Rating(int Value, string? Feedback);
