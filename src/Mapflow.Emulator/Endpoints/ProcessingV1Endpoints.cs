using Mapflow.Emulator.Planning;
using Mapflow.Emulator.State;
using Mapflow.Emulator.Views;

namespace Mapflow.Emulator.Endpoints;

/// <summary>The legacy v1 processing API (§4.5) the SDK and the bulk-processing guide use: flat string <c>params</c>.</summary>
internal static class ProcessingV1Endpoints
{
    private sealed record UpdateBody(string? Name, string? Description, string? ProjectId);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/processings", async (HttpContext context, EmulatorState state, DataCatalogState catalog) =>
        {
            var request = await Json.ReadBodyAsync<ProcessingRequest>(context.Request);
            var processing = ProcessingCreation.Create(Auth.User(context), state, catalog, request, request.ParamsV1());
            return Json.Ok(ProcessingView.V1(processing, ViewContext.For(context.Request), includeMeta: true, justStarted: true));
        });

        app.MapGet("/processings/{id}", (HttpContext context, string id, EmulatorState state) =>
            Json.Ok(ProcessingView.V1(state.GetProcessing(Auth.User(context), id), ViewContext.For(context.Request), includeMeta: true)));

        app.MapGet("/processings", (HttpContext context, EmulatorState state) =>
            Json.Ok(ListV1(context, state.Processings(Auth.User(context)))));

        app.MapGet("/projects/{projectId}/processings", (HttpContext context, string projectId, EmulatorState state) =>
            Json.Ok(ListV1(context, state.GetProject(Auth.User(context), projectId).Processings)));

        // Unlike the v2 rename, this can also move the processing to another project.
        app.MapPut("/processings/{id}", async (HttpContext context, string id, EmulatorState state) =>
        {
            var user = Auth.User(context);
            var body = await Json.ReadBodyAsync<UpdateBody>(context.Request);
            if (body.Name is not null && string.IsNullOrWhiteSpace(body.Name))
                throw ApiException.BadRequest("name must not be empty");
            Guid? projectId = body.ProjectId is null ? null : state.ResolveProjectId(user, body.ProjectId);
            var processing = state.UpdateProcessing(user, id, p => p with
            {
                Name = body.Name ?? p.Name,
                Description = body.Description ?? p.Description,
                ProjectId = projectId ?? p.ProjectId,
                Updated = DateTimeOffset.UtcNow,
            });
            return Json.Ok(ProcessingView.V1(processing, ViewContext.For(context.Request), includeMeta: true));
        });
    }

    private static List<object> ListV1(HttpContext context, IEnumerable<Processing> processings)
    {
        var view = ViewContext.For(context.Request);
        return ProcessingEndpoints.NewestFirst(processings).Select(p => ProcessingView.V1(p, view, view.Config.ListsIncludeMeta)).ToList();
    }
}
