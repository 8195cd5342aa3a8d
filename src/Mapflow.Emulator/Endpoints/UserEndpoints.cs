using Mapflow.Emulator.State;
using Mapflow.Emulator.Views;

namespace Mapflow.Emulator.Endpoints;

/// <summary><c>/version</c> (no auth, plain text, §4.1) and <c>/user/status</c> (§4.2).</summary>
internal static class UserEndpoints
{
    public const string ServerVersion = "3.6.0";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/version", (HttpContext context) =>
        {
            ContentNegotiation.Require(context.Request, "text/plain");
            return Results.Text(ServerVersion, "text/plain");
        });
        app.MapGet("/user/status", (HttpContext context, EmulatorState state) =>
            Json.Ok(UserStatusView.From(state.AccountOf(Auth.User(context)), state.Config)));
    }
}
