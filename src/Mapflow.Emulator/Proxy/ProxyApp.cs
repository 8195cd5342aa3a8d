using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Mapflow.Emulator.Proxy;

/// <summary>
/// A small forward HTTP proxy for tests of proxy support (<c>--Emulator:Mode=Proxy</c>). It takes absolute-form
/// requests (<c>GET http://127.0.0.1:PORT/path HTTP/1.1</c>), forwards them to loopback targets only, and logs each one.
/// No CONNECT: the emulator speaks plain http. With <c>--Proxy:Credential=user:password</c> it demands Basic proxy auth.
/// </summary>
public static class ProxyApp
{
    public const string DefaultUrl = "http://127.0.0.1:5089";
    private const string ControlPrefix = "/_proxy";

    // Hop-by-hop headers (RFC 9110 §7.6.1) and Host, which HttpClient sets from the target.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    public static bool IsRequested(string[] args) =>
        string.Equals(new ConfigurationBuilder().AddCommandLine(args).Build()["Emulator:Mode"], "Proxy", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates the proxy without starting it. Throws <see cref="NonLoopbackUrlException"/> for a non-loopback --urls.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = LoopbackGuard.CreateBuilder(args, DefaultUrl);

        var credential = builder.Configuration["Proxy:Credential"];
        var expected = string.IsNullOrEmpty(credential) ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credential));
        var log = new ProxyLog();
        // Never through another proxy, never following redirects or decompressing: the client sees what the target sent.
        var upstream = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        var app = builder.Build();
        app.Run(context => HandleAsync(context, log, upstream, expected));
        return app;
    }

    public static string ListeningAddress(WebApplication app) => EmulatorApp.ListeningAddress(app);

    private static async Task HandleAsync(HttpContext context, ProxyLog log, HttpClient upstream, string? expectedCredential)
    {
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        if (!raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            await ControlAsync(context, log);
            return;
        }

        var request = context.Request;
        var given = request.Headers["Proxy-Authorization"].ToString();
        var proxyAuth = given.Length == 0 ? "missing" : expectedCredential is null || given == expectedCredential ? "present" : "invalid";
        var index = log.Begin(request.Method, raw, proxyAuth, request.Headers.ContainsKey("Authorization"));
        var target = new Uri(raw);
        if (!IsLoopback(target))
        {
            await Refuse(context, log, index, StatusCodes.Status403Forbidden, "This test proxy forwards to loopback addresses only.");
            return;
        }
        if (expectedCredential is not null && proxyAuth != "present")
        {
            context.Response.Headers["Proxy-Authenticate"] = "Basic realm=\"Mapflow test proxy\"";
            await Refuse(context, log, index, StatusCodes.Status407ProxyAuthenticationRequired, "Proxy authentication required.");
            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (request.ContentLength > 0 || request.Headers.ContainsKey("Transfer-Encoding"))
            forward.Content = new StreamContent(request.Body);
        foreach (var header in request.Headers)
        {
            if (NotForwarded.Contains(header.Key)) continue;
            if (!forward.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
                forward.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }

        HttpResponseMessage response;
        try
        {
            response = await upstream.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            await Refuse(context, log, index, StatusCodes.Status502BadGateway, "The target could not be reached: " + e.Message);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
                if (!NotForwarded.Contains(header.Key))
                    context.Response.Headers[header.Key] = header.Value.ToArray();
            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
                await body.CopyToAsync(context.Response.Body, context.RequestAborted);
                log.Complete(index, (int)response.StatusCode);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
            {
                // The target cut its answer short (or the client left): cut the client off too, as a real proxy does.
                context.Abort();
            }
        }
    }

    private static async Task ControlAsync(HttpContext context, ProxyLog log)
    {
        var path = context.Request.Path;
        if (path.Equals(ControlPrefix + "/requests", StringComparison.OrdinalIgnoreCase))
        {
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await Json.Ok(log.Entries()).ExecuteAsync(context);
                return;
            }
            if (HttpMethods.IsDelete(context.Request.Method))
            {
                log.Clear();
                return;
            }
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.Response.WriteAsync("Not a proxy request: send an absolute-form target, or use GET|DELETE /_proxy/requests.");
    }

    private static async Task Refuse(HttpContext context, ProxyLog log, int index, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message);
        log.Complete(index, status);
    }

    private static bool IsLoopback(Uri target) =>
        target.IsLoopback || IPAddress.TryParse(target.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
}
