using Mapflow.Emulator.State;
using Mapflow.Emulator.Views;

namespace Mapflow.Emulator.Endpoints;

/// <summary>Delete, restart, rating and review of a processing (§4.4, §4.6).</summary>
internal static class ProcessingActionEndpoints
{
    private sealed record RateBody(int? Rating, string? Feedback);

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
            Review(context, id, state, ReviewStatuses.Accepted));

        // The rejection body (comment and problem features) is accepted and not kept.
        app.MapPut("/processings/{id}/rejection", (HttpContext context, string id, EmulatorState state) =>
            Review(context, id, state, ReviewStatuses.NotAccepted));
    }

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

    /// <summary>Only with the review workflow on (reviewWorkflowEnabled), and only of an OK result.</summary>
    private static IResult Review(HttpContext context, string id, EmulatorState state, string reviewStatus)
    {
        if (!state.Config.ReviewWorkflowEnabled)
            throw ApiException.BadRequest("The review workflow is not enabled for this account");
        var processing = state.UpdateProcessing(Auth.User(context), id, p =>
        {
            RequireStatus(p, ProcessingStatus.Ok, "reviewed");
            return p with { Review = new ReviewStatus(reviewStatus, null), Updated = DateTimeOffset.UtcNow };
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
