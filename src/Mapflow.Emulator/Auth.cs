using System.Text;
using Mapflow.Emulator.State;

namespace Mapflow.Emulator;

/// <summary>
/// Mapflow's auth (§1.2): <c>Authorization: Basic &lt;token&gt;</c> where the token is base64("email:secret").
/// Tokens pasted without their '=' padding are accepted, as QGIS pads them. <c>Bearer &lt;token&gt;</c>
/// is accepted too (§1.3). Failures get a plain-text 401 <c>Unauthorized</c> (§1.5).
/// </summary>
internal static class Auth
{
    public const string Present = "present";
    public const string Missing = "missing";
    public const string Invalid = "invalid";

    private const string UserKey = "emulator.user";

    /// <summary>The signed-in user of a request that passed <see cref="Middleware"/>.</summary>
    public static UserAccount User(HttpContext context) => (UserAccount)context.Items[UserKey]!;

    /// <summary>Who the request is from, and whether its Authorization header was present, missing or invalid.</summary>
    public static (UserAccount? User, string State) Authenticate(HttpRequest request, IReadOnlyList<UserAccount> users)
    {
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
            return (null, Missing);
        var parts = header.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !(parts[0].Equals("Basic", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase)))
            return (null, Invalid);
        var user = Decode(parts[1]) is { } credentials
            ? users.FirstOrDefault(u => u.Email.Equals(credentials.Email, StringComparison.OrdinalIgnoreCase) && u.Secret == credentials.Secret)
            : null;
        return user is null ? (null, Invalid) : (user, Present);
    }

    private static (string Email, string Secret)? Decode(string token)
    {
        var padded = token.PadRight(token.Length + (4 - token.Length % 4) % 4, '=');
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            var colon = text.IndexOf(':');
            return colon > 0 ? (text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Lets through <c>/version</c>, the control API and presigned downloads (signed instead); everything else needs a known user.</summary>
    public sealed class Middleware(RequestDelegate next, EmulatorState state)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            if (context.Request.Path.Equals("/version", StringComparison.OrdinalIgnoreCase) || ControlApi.Is(context.Request.Path)
                || Endpoints.DataCatalogEndpoints.IsStoragePath(context.Request.Path))
            {
                await next(context);
                return;
            }
            var (user, _) = Authenticate(context.Request, state.Users);
            if (user is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Unauthorized");
                return;
            }
            context.Items[UserKey] = user;
            await next(context);
        }
    }
}
