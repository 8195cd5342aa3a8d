using Mapflow.Emulator.Planning;
using Mapflow.Emulator.State;
using Mapflow.Emulator.Views;

namespace Mapflow.Emulator.Endpoints;

/// <summary>
/// The v2 processing API (§4.4): create, get, rename, list and page. Lists and pages leave out
/// <c>meta</c> unless the ListsIncludeMeta config says otherwise (§10.21); single objects always carry it.
/// </summary>
internal static class ProcessingEndpoints
{
    private sealed record RenameBody(string? Name, string? Description);

    private sealed record ProcessingPageBody(int? Limit, int? Offset, string? Terms, string? SortBy, string? SortOrder);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/processings/v2", async (HttpContext context, EmulatorState state, DataCatalogState catalog) =>
        {
            var request = await Json.ReadBodyAsync<ProcessingRequest>(context.Request);
            var processing = ProcessingCreation.Create(Auth.User(context), state, catalog, request, request.ParamsV2());
            return Json.Ok(ProcessingView.V2(processing, ViewContext.For(context.Request), includeMeta: true, justStarted: true));
        });

        app.MapGet("/processings/{id}/v2", (HttpContext context, string id, EmulatorState state) =>
            Json.Ok(ProcessingView.V2(state.GetProcessing(Auth.User(context), id), ViewContext.For(context.Request), includeMeta: true)));

        app.MapPut("/processings/{id}/v2", async (HttpContext context, string id, EmulatorState state) =>
        {
            var body = await Json.ReadBodyAsync<RenameBody>(context.Request);
            if (string.IsNullOrWhiteSpace(body.Name))
                throw ApiException.BadRequest("name is required");
            var processing = state.UpdateProcessing(Auth.User(context), id,
                p => p with { Name = body.Name, Description = body.Description ?? p.Description, Updated = DateTimeOffset.UtcNow });
            return Json.Ok(ProcessingView.V2(processing, ViewContext.For(context.Request), includeMeta: true));
        });

        app.MapGet("/processings/v2", (HttpContext context, EmulatorState state) =>
            Json.Ok(ListV2(context, state.Processings(Auth.User(context)))));

        app.MapGet("/projects/{projectId}/processings/v2", (HttpContext context, string projectId, EmulatorState state) =>
            Json.Ok(ListV2(context, state.GetProject(Auth.User(context), projectId).Processings)));

        app.MapPost("/projects/{projectId}/processings/v2/page", async (HttpContext context, string projectId, EmulatorState state) =>
        {
            var body = await Json.ReadBodyAsync<ProcessingPageBody>(context.Request);
            var view = ViewContext.For(context.Request);
            var key = SortKey(body.SortBy, view.Now);
            // The terms search sees a new processing only once the search index has caught up with it.
            var indexed = view.Now.AddMilliseconds(-view.Config.SearchIndexLagMs);
            var matching = state.GetProject(Auth.User(context), projectId).Processings
                .Where(p => string.IsNullOrEmpty(body.Terms) || p.Created <= indexed && p.Name.Contains(body.Terms, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return Json.Ok(Paging.Page(matching, key, p => (p.Created, p.Id), body.SortOrder, body.Limit, body.Offset, 30, view.Config.MaxPageSize,
                p => ProcessingView.V2(p, view, view.Config.ListsIncludeMeta)));
        });
    }

    /// <summary>Bare arrays list the newest first.</summary>
    public static IEnumerable<Processing> NewestFirst(IEnumerable<Processing> processings) =>
        processings.OrderByDescending(p => p.Created).ThenBy(p => p.Id);

    private static List<object> ListV2(HttpContext context, IEnumerable<Processing> processings)
    {
        var view = ViewContext.For(context.Request);
        return NewestFirst(processings).Select(p => ProcessingView.V2(p, view, view.Config.ListsIncludeMeta)).ToList();
    }

    /// <summary>The sort tokens QGIS knows (§4.4); CREATED by default.</summary>
    private static Func<Processing, IComparable> SortKey(string? sortBy, DateTimeOffset now) => sortBy?.ToUpperInvariant() switch
    {
        null or "CREATED" => p => p.Created,
        "NAME" => p => p.Name.ToLowerInvariant(),
        "STATUS" => p => Lifecycle.At(p, now).Status,
        "PROGRESS" => p => Lifecycle.At(p, now).PercentCompleted,
        "COMPLETED" => p => Lifecycle.At(p, now).Updated,
        "COST" => p => p.Cost,
        "AREA" => p => p.AoiArea,
        "SCENARIO" => p => p.Model.Name,
        "PROJECT" => p => p.ProjectId,
        "EMAIL" => p => p.OwnerEmail,
        "PROVIDER" => p => p.Params.Source.ProviderName ?? "",
        _ => throw ApiException.BadRequest($"Unknown sortBy '{sortBy}'"),
    };
}
