using System.Text.Json.Nodes;

namespace Mapflow.Emulator.State;

/// <summary>Status values, spelled as the API spells them (§6.1).</summary>
internal static class ProcessingStatus
{
    public const string Unprocessed = "UNPROCESSED";
    public const string InProgress = "IN_PROGRESS";
    public const string Awaiting = "AWAITING";
    public const string Ok = "OK";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string Refunded = "REFUNDED";

    public static readonly IReadOnlyList<string> All = [Unprocessed, InProgress, Awaiting, Ok, Failed, Cancelled, Refunded];

    public static bool IsTerminal(string status) => status is Ok or Failed or Cancelled or Refunded;
}

/// <summary>Where a processing is at a given moment.</summary>
internal sealed record Progress(string Status, int PercentCompleted, IReadOnlyList<JsonNode> Messages, DateTimeOffset Updated);

/// <summary>
/// The time-driven lifecycle of §6: IN_PROGRESS with a rising percentage until the duration that was in
/// force at start has passed, then OK. A forced status wins; a source the pipeline's validator rejects (a tile URL
/// without its placeholders, §7.2, or own imagery that does not cover the AOIs) FAILS at once, and again after every
/// restart.
/// </summary>
internal static class Lifecycle
{
    public static Progress At(Processing p, DateTimeOffset now)
    {
        if (p.Forced is { } forced)
            return new Progress(forced.Status, forced.PercentCompleted, forced.Messages, p.Updated);
        if ((p.SourceFailure ?? p.Params.Source.ValidationFailure()) is { } failure)
            return new Progress(ProcessingStatus.Failed, 0, [failure], p.Updated);
        var elapsedMs = (now - p.StartedAt).TotalMilliseconds;
        if (elapsedMs >= p.DurationMs)
        {
            var finished = p.StartedAt.AddMilliseconds(p.DurationMs);
            return new Progress(ProcessingStatus.Ok, 100, [], finished > p.Updated ? finished : p.Updated);
        }
        return new Progress(ProcessingStatus.InProgress, Math.Clamp((int)(elapsedMs * 100 / p.DurationMs), 0, 99), [], p.Updated);
    }

    /// <summary>What a create or restart response shows, even when the duration is 0.</summary>
    public static Progress JustStarted(Processing p) => new(ProcessingStatus.InProgress, 0, [], p.Updated);

    /// <summary>The message a forced FAILED gets when the test gives none.</summary>
    public static JsonNode DefaultFailure() =>
        new JsonObject { ["code"] = "dataloader.NoDataTile", ["parameters"] = new JsonObject { ["level"] = "error" } };
}
