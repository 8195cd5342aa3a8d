using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mapflow.Client.Tests;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 that answers with canned bodies, for tests of how the client reads the shapes a
/// real server sends (the emulator's own shapes are tested through it in Pester). Records what it was asked.
/// </summary>
internal sealed class StubApi : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<Request, Answer> _answer;
    private readonly CancellationTokenSource _stop = new();

    public StubApi(Func<Request, Answer> answer)
    {
        _answer = answer;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/rest");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>A client of this stub, with retries that do not wait.</summary>
    public MapflowClient Client() => new(new MapflowClientOptions(new MapflowToken(Token), BaseUrl)
    {
        Retry = new RetryOptions { MaxRetries = 0 },
    });

    /// <summary>base64("user@example.com:secret").</summary>
    public const string Token = "dXNlckBleGFtcGxlLmNvbTpzZWNyZXQ=";

    public sealed record Request(string Method, string Path, string? Accept, string Body);

    public sealed record Answer(int Status, string Body, string ContentType = "application/json");

    public static Answer Json(string body) => new(200, body);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath.Replace("/rest", ""), context.Request.Headers["Accept"], await reader.ReadToEndAsync());
            Requests.Enqueue(request);
            var answer = _answer(request);
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}

/// <summary>Collects what the client logs, warnings above all.</summary>
internal sealed class CollectingLog : IMapflowLog
{
    public ConcurrentQueue<string> Warnings { get; } = new();
    public void Verbose(string message) { }
    public void Debug(string message) { }
    public void Warning(string message) => Warnings.Enqueue(message);
}
