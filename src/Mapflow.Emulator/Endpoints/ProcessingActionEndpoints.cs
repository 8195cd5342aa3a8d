using System.Text.Json.Nodes;
using Mapflow.Emulator.State;
using Mapflow.Emulator.Views;

namespace Mapflow.Emulator.Endpoints;

/// <summary>Delete, restart, rating and review of a processing (§4.4, §4.6).</summary>
internal static class ProcessingActionEndpoints
{
    private sealed record RateBody(int? Rating, string? Feedback);

    private sealed record RejectionBody(string? Comment, JsonObject? Features);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapDelete("/processings/{id}", (HttpContext context, string id, EmulatorState state) =>
        {
            state.DeleteProcessing(Auth.User(context), id);
            return Results.Ok();
        });

        app.MapPost("/processings/{id}/restart/v2", (HttpContext context, string id, EmulatorState state) =>
            Json.Ok(ProcessingView.V2(Restart(context, id, state), ViewContext.For(context.Request), includeMeta: true, justStarted: true)));

        app.MapPost("/processings/{id}/restart", (HttpContext context, string id, EmulatorState state) =>
            Json.Ok(ProcessingView.V1(Restart(context, id, state), ViewContext.For(context.Request), includeMeta: true, justStarted: true)));

        app.MapPut("/processings/{id}/rate", async (HttpContext context, string id, EmulatorState state) =>
        {
            var body = await Json.ReadBodyAsync<RateBody>(context.Request);
            if (body.Rating is not (>= 1 and <= 5))
                throw ApiException.BadRequest("rating must be an integer from 1 to 5");
            var processing = state.UpdateProcessing(Auth.User(context), id, p =>
            {
                RequireStatus(p, ProcessingStatus.Ok, "rated");
                return p with { Rating = new Rating(body.Rating.Value, body.Feedback), Updated = DateTimeOffset.UtcNow };
            });
            return Json.Ok(ProcessingView.V2(processing, ViewContext.For(context.Request), includeMeta: true));
        });

        app.MapPut("/processings/{id}/acceptation", (HttpContext context, string id, EmulatorState state) =>
            Review(context, id, state, p => p with { Review = new ReviewStatus(ReviewStatuses.Accepted, null) }));

        // The comment and the problem areas are kept (the control API shows them as rejection).
        app.MapPut("/processings/{id}/rejection", async (HttpContext context, string id, EmulatorState state) =>
        {
            var body = await Json.ReadBodyAsync<RejectionBody>(context.Request);
            if (body.Comment is null)
                throw ApiException.BadRequest("comment is required");
            var features = CheckedFeatureCollection(body.Features);
            return Review(context, id, state, p => p with
            {
                Review = new ReviewStatus(ReviewStatuses.NotAccepted, null),
                Rejection = new Rejection(body.Comment, features, DateTimeOffset.UtcNow),
            });
        });
    }

    /// <summary>features must be a GeoJSON FeatureCollection of Features with geometries, as QGIS exports a layer.</summary>
    private static JsonObject CheckedFeatureCollection(JsonObject? features)
    {
        if (TypeOf(features) != "FeatureCollection" || features!["features"] is not JsonArray items)
            throw ApiException.BadRequest("features must be a GeoJSON FeatureCollection");
        foreach (var item in items)
            if (TypeOf(item) != "Feature" || item!["geometry"] is not JsonObject)
                throw ApiException.BadRequest("every item of features must be a GeoJSON Feature with a geometry");
        return features;
    }

    private static string? TypeOf(JsonNode? node) =>
        node is JsonObject o && o["type"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;

    /// <summary>Only a FAILED processing restarts; it runs again for the duration now configured, messages cleared.</summary>
    private static Processing Restart(HttpContext context, string id, EmulatorState state)
    {
        var durationMs = state.Config.ProcessingDurationMs;
        return state.UpdateProcessing(Auth.User(context), id, p =>
        {
            RequireStatus(p, ProcessingStatus.Failed, "restarted");
            var now = DateTimeOffset.UtcNow;
            return p with { Forced = null, StartedAt = now, Updated = now, DurationMs = durationMs };
        });
    }

    /// <summary>Only with the review workflow on (reviewWorkflowEnabled), and only of a result waiting for review (IN_REVIEW).</summary>
    private static IResult Review(HttpContext context, string id, EmulatorState state, Func<Processing, Processing> decide)
    {
        var config = state.Config;
        if (!config.ReviewWorkflowEnabled)
            throw ApiException.BadRequest("The review workflow is not enabled for this account");
        var processing = state.UpdateProcessing(Auth.User(context), id, p =>
        {
            var now = DateTimeOffset.UtcNow;
            var progress = Lifecycle.At(p, now);
            var review = ProcessingView.Review(p, progress, config)?.Status;
            if (review != ReviewStatuses.InReview)
                throw ApiException.BadRequest($"Only a processing in review ({ReviewStatuses.InReview}) can be reviewed; processing {p.Id} has status {progress.Status} and review status {review ?? "none"}");
            return decide(p) with { Updated = now };
        });
        return Json.Ok(ProcessingView.V2(processing, ViewContext.For(context.Request), includeMeta: true));
    }

    private static void RequireStatus(Processing p, string required, string action)
    {
        var status = Lifecycle.At(p, DateTimeOffset.UtcNow).Status;
        if (status != required)
            throw ApiException.BadRequest($"Only a processing with status {required} can be {action}; processing {p.Id} has status {status}");
    }
}
