using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Mapflow.Emulator.Faults;

/// <summary>
/// Applies the first registered fault that matches an API request (see <see cref="FaultKind"/>).
/// Sits outside the error and auth middleware, so "drop" and "truncate" hide real answers, errors included.
/// </summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultRegistry faults, State.EmulatorState state)
{
    /// <summary>HttpContext.Items key under which the applied fault kind is left for the request log.</summary>
    public const string KindKey = "emulator.fault";

    /// <summary>HttpContext.Items key set when a fault cut the connection (RequestAborted may fire later).</summary>
    public const string AbortedKey = "emulator.aborted";

    // Gives the flushed half of a truncated body time to leave the socket before the connection is cut.
    private static readonly TimeSpan TruncateGrace = TimeSpan.FromMilliseconds(100);

    private const string HtmlPage =
        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n" +
        "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n";

    public async Task InvokeAsync(HttpContext context)
    {
        if (ControlApi.Is(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (state.Config.LatencyMs is > 0 and var latency)
            await Task.Delay(latency, context.RequestAborted);
        var fault = faults.Take(context.Request);
        if (fault is null)
        {
            await next(context);
            return;
        }
        context.Items[KindKey] = fault.Kind;
        switch (fault.Kind)
        {
            case FaultKind.Status:
                if (fault.RetryAfter is not null)
                    context.Response.Headers.RetryAfter = fault.RetryAfter;
                await Json.Error(new ApiError("INTERNAL_ERROR", "Injected fault", new Dictionary<string, string>()), fault.Status)
                    .ExecuteAsync(context);
                break;
            case FaultKind.Html:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(HtmlPage);
                break;
            case FaultKind.Reset:
                Abort(context);
                break;
            case FaultKind.Latency:
                await Task.Delay(fault.DelayMs, context.RequestAborted);
                await next(context);
                break;
            case FaultKind.Drop:
                // The work is done even if the client has gone meanwhile, as a server past the point of no return does.
                context.RequestAborted = CancellationToken.None;
                if (fault.DelayMs > 0)
                    await Task.Delay(fault.DelayMs);
                await RunBufferedAsync(context);
                Abort(context);
                break;
            case FaultKind.Truncate:
                var body = await RunBufferedAsync(context);
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
                await context.Response.Body.FlushAsync();
                await Task.Delay(TruncateGrace);
                Abort(context);
                break;
            case FaultKind.Slow:
                await RunThrottledAsync(context, fault.BytesPerSecond);
                break;
            case FaultKind.Echo:
                context.Response.StatusCode = fault.Status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(Echoed(context.Request));
                break;
            case FaultKind.UnreadableItem:
                var answer = JsonNode.Parse(await RunBufferedAsync(context));
                if ((answer is JsonArray ? answer : answer?["results"]) is JsonArray { Count: > 0 } items)
                    items[0]!["id"] = "not-a-uuid";
                // Search images have the provider's ids, not UUIDs: the first one loses its id.
                else if (answer?["images"] is JsonArray { Count: > 0 } images)
                    images[0]!["id"] = null;
                var mangled = Encoding.UTF8.GetBytes(answer?.ToJsonString(Json.Options) ?? "null");
                context.Response.ContentLength = mangled.Length;
                await context.Response.Body.WriteAsync(mangled);
                break;
        }
    }

    /// <summary>
    /// A shape-1 error body that echoes the request's credentials everywhere it can: in the message with the token
    /// wrapped over lines as a long header may be, in params as they came, nested in an object, with every character
    /// JSON-escaped, and decoded (email:secret, the secret alone).
    /// </summary>
    private static string Echoed(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.Split(' ', 2) is [_, var t] ? t : header;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            decoded = token;
        }
        var secret = decoded.Contains(':') ? decoded[(decoded.IndexOf(':') + 1)..] : decoded;
        var wrapped = "Basic " + string.Join("\n", token.Chunk(16).Select(c => new string(c)));
        var body = new JsonObject
        {
            ["code"] = "BAD_REQUEST",
            ["message"] = $"Rejected request {request.Method} {request.Path} (user {decoded}); Authorization: {wrapped}",
            ["params"] = new JsonObject
            {
                ["authorization"] = header,
                ["credentials"] = decoded,
                ["escaped"] = EscapedPlaceholder,
                ["request"] = new JsonObject { ["headers"] = new JsonObject { ["Authorization"] = wrapped }, ["password"] = secret },
            },
        };
        // Every character of the token as a \u escape, as some JSON writers put it.
        return body.ToJsonString(Json.Options).Replace($"\"{EscapedPlaceholder}\"", "\"" + string.Concat(token.Select(c => $"\\u{(int)c:x4}")) + "\"");
    }

    private const string EscapedPlaceholder = "@escaped-token@";

    private static void Abort(HttpContext context)
    {
        context.Items[AbortedKey] = true;
        context.Abort();
    }

    /// <summary>Runs the rest of the pipeline into memory, so nothing reaches the client yet.</summary>
    private async Task<byte[]> RunBufferedAsync(HttpContext context)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var buffered = new StreamResponseBodyFeature(buffer);
        context.Features.Set<IHttpResponseBodyFeature>(buffered);
        try
        {
            await next(context);
            await buffered.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
        return buffer.ToArray();
    }

    private async Task RunThrottledAsync(HttpContext context, int bytesPerSecond)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var throttled = new StreamResponseBodyFeature(new ThrottledStream(original.Stream, bytesPerSecond, context.RequestAborted), original);
        context.Features.Set<IHttpResponseBodyFeature>(throttled);
        try
        {
            await next(context);
            await throttled.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
    }
}
