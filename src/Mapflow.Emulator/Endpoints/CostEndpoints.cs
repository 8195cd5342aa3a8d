using System.Globalization;
using Mapflow.Emulator.Planning;
using Mapflow.Emulator.State;

namespace Mapflow.Emulator.Endpoints;

/// <summary>
/// Cost estimates (§4.4, §4.5): the whole create body is accepted (QGIS posts it) and priced with the
/// same rules and area checks as a create; the answer is a bare integer as text/plain.
/// </summary>
internal static class CostEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/processing/cost/v2", async (HttpContext context, EmulatorState state) =>
        {
            var request = await Json.ReadBodyAsync<ProcessingRequest>(context.Request);
            return Cost(context.Request, request, request.ParamsV2(), state);
        });

        app.MapPost("/processing/cost", async (HttpContext context, EmulatorState state) =>
        {
            var request = await Json.ReadBodyAsync<ProcessingRequest>(context.Request);
            return Cost(context.Request, request, request.ParamsV1(), state);
        });
    }

    private static IResult Cost(HttpRequest http, ProcessingRequest request, ProcessingParams parameters, EmulatorState state)
    {
        ContentNegotiation.Require(http, "text/plain");
        var plan = ProcessingPlanner.Plan(request, parameters, state.Config, allowAreaOnly: true);
        return Results.Text(plan.Cost.ToString(CultureInfo.InvariantCulture), "text/plain");
    }
}
