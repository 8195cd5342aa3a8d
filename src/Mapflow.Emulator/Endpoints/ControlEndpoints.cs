using System.Text.Json;
using System.Text.Json.Nodes;
using Mapflow.Emulator.Faults;
using Mapflow.Emulator.RequestLogging;
using Mapflow.Emulator.State;
using Mapflow.Emulator.Views;

namespace Mapflow.Emulator.Endpoints;

/// <summary>
/// The test-control API under <c>/_emulator</c> (no auth, not logged, never faulted). Other teams'
/// tests depend on these routes and shapes, so they change only by agreement.
/// </summary>
internal static class ControlEndpoints
{
    private sealed record ForceStatusBody(string? Status, JsonArray? Messages, int? PercentCompleted, string? ReviewStatus);

    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(ControlApi.Prefix);

        control.MapPost("/reset", (EmulatorState state, DataCatalogState catalog, FaultRegistry faults, RequestLog log) =>
        {
            state.Reset();
            catalog.Reset();
            faults.Clear();
            log.Clear();
            return Json.Ok(state.Config);
        });

        control.MapGet("/config", (EmulatorState state) => Json.Ok(state.Config));

        control.MapPost("/config", async (HttpContext context, EmulatorState state) =>
            Json.Ok(state.UpdateConfig(await Json.ReadBodyAsync<EmulatorConfigPatch>(context.Request))));

        control.MapPost("/faults", async (HttpContext context, FaultRegistry faults) =>
            Json.Ok(new { id = faults.Add(await Json.ReadBodyAsync<FaultSpec>(context.Request)) }));

        control.MapGet("/faults", (FaultRegistry faults) => Json.Ok(faults.List()));

        control.MapDelete("/faults", (FaultRegistry faults) =>
        {
            faults.Clear();
            return Results.Ok();
        });

        control.MapGet("/requests", (RequestLog log) => Json.Ok(log.Entries()));

        control.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.Ok();
        });

        // Each with control-only keys: otherClient, true for the processings seeded as made by other clients, and
        // rejection, the last rejection's comment and problem areas (null when none).
        control.MapGet("/processings", (HttpContext context, EmulatorState state) =>
        {
            var view = ViewContext.For(context.Request);
            return Json.Ok(state.AllProcessings().Select(p =>
            {
                var json = JsonSerializer.SerializeToNode(ProcessingView.V2(p, view, includeMeta: true), Json.Options)!.AsObject();
                json["otherClient"] = p.OtherClientShape is not null;
                json["rejection"] = p.Rejection is { } r
                    ? new JsonObject { ["comment"] = r.Comment, ["features"] = r.Features.DeepClone(), ["at"] = Json.Timestamp(r.At) }
                    : null;
                return json;
            }).ToList());
        });

        control.MapPost("/processings/{id}/status", async (HttpContext context, string id, EmulatorState state) =>
        {
            var body = await Json.ReadBodyAsync<ForceStatusBody>(context.Request);
            var status = body.Status?.ToUpperInvariant();
            var review = body.ReviewStatus?.ToUpperInvariant();
            if (status is null && review is null || status is not null && !ProcessingStatus.All.Contains(status))
                throw ApiException.BadRequest($"status must be one of {string.Join(", ", ProcessingStatus.All)}");
            if (review is not null && !ReviewStatuses.All.Contains(review))
                throw ApiException.BadRequest($"reviewStatus must be one of {string.Join(", ", ReviewStatuses.All)}");
            var messages = body.Messages?.Select(m => m!.DeepClone()).ToList()
                ?? (status == ProcessingStatus.Failed ? [Lifecycle.DefaultFailure()] : []);
            var processing = state.ForceStatus(id,
                p => status is null ? p.Forced : new ForcedStatus(status, body.PercentCompleted ?? DefaultPercent(p, status), messages),
                review is null ? null : new ReviewStatus(review, null));
            return Json.Ok(ProcessingView.V2(processing, ViewContext.For(context.Request), includeMeta: true));
        });
    }

    /// <summary>OK means 100 and UNPROCESSED 0; other statuses freeze the progress reached so far.</summary>
    private static int DefaultPercent(Processing p, string status) => status switch
    {
        ProcessingStatus.Ok => 100,
        ProcessingStatus.Unprocessed => 0,
        _ => Math.Min(Lifecycle.At(p, DateTimeOffset.UtcNow).PercentCompleted, 99),
    };
}
