using Mapflow.Emulator.State;
using Mapflow.Emulator.Views;

namespace Mapflow.Emulator.Endpoints;

/// <summary>Project CRUD and paging (§4.3). <c>default</c> is accepted wherever a project id is.</summary>
internal static class ProjectEndpoints
{
    private sealed record ProjectBody(string? Name, string? Description);

    private sealed record ProjectPageBody(int? Limit, int? Offset, string? Filter, string? SortBy, string? SortOrder);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/projects", (HttpContext context, EmulatorState state) =>
            Json.Ok(state.Projects(Auth.User(context)).Select(s => View(context, state, s)).ToList()));

        app.MapGet("/projects/{id}", (HttpContext context, string id, EmulatorState state) =>
            Json.Ok(View(context, state, state.GetProject(Auth.User(context), id))));

        app.MapPost("/projects", async (HttpContext context, EmulatorState state) =>
        {
            var body = await Json.ReadBodyAsync<ProjectBody>(context.Request);
            if (string.IsNullOrWhiteSpace(body.Name))
                throw ApiException.BadRequest("name is required");
            return Json.Ok(View(context, state, state.CreateProject(Auth.User(context), body.Name, body.Description)));
        });

        app.MapPut("/projects/{id}", async (HttpContext context, string id, EmulatorState state) =>
        {
            var body = await Json.ReadBodyAsync<ProjectBody>(context.Request);
            if (body.Name is not null && string.IsNullOrWhiteSpace(body.Name))
                throw ApiException.BadRequest("name must not be empty");
            return Json.Ok(View(context, state, state.UpdateProject(Auth.User(context), id, body.Name, body.Description)));
        });

        app.MapDelete("/projects/{id}", (HttpContext context, string id, EmulatorState state) =>
        {
            state.DeleteProject(Auth.User(context), id);
            return Results.Ok();
        });

        // QGIS defaults: 20 per page, most recently updated first.
        app.MapPost("/projects/page", async (HttpContext context, EmulatorState state) =>
        {
            var body = await Json.ReadBodyAsync<ProjectPageBody>(context.Request);
            Func<ProjectSnapshot, IComparable> key = body.SortBy?.ToUpperInvariant() switch
            {
                null or "UPDATED" => s => s.Project.Updated,
                "CREATED" => s => s.Project.Created,
                "NAME" => s => s.Project.Name.ToLowerInvariant(),
                _ => throw ApiException.BadRequest($"sortBy must be NAME, CREATED or UPDATED, not '{body.SortBy}'"),
            };
            var matching = state.Projects(Auth.User(context))
                .Where(s => string.IsNullOrEmpty(body.Filter) || s.Project.Name.Contains(body.Filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return Json.Ok(Paging.Page(matching, key, s => s.Project.Id, body.SortOrder, body.Limit, body.Offset, 20, state.Config.MaxPageSize,
                s => View(context, state, s)));
        });
    }

    private static ProjectDto View(HttpContext context, EmulatorState state, ProjectSnapshot snapshot) =>
        ProjectView.From(snapshot, state.AccountOf(Auth.User(context)), state.Config, state.StartedAt, DateTimeOffset.UtcNow);
}
