using System.Collections.Concurrent;
using System.Net;
using Mapflow.Client;
using Mapflow.Client.Http;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;
using Xunit;

namespace Mapflow.Client.Tests.Http;

/// <summary>
/// The resilience handler over a stub server on a fake clock. Every wait is a timer on that clock, so the tests
/// advance time instead of sleeping, and check that no attempt comes even a millisecond early.
/// </summary>
[Collection(NotInParallel.Name)]
public sealed class ResilienceHandlerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, 300, TimeSpan.Zero);
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);
    private readonly ObservedClock _clock = new(Start);

    [Fact]
    public async Task A_read_answered_503_503_200_takes_three_attempts_and_the_waits_the_policy_asked_for()
    {
        // Jitter pinned to its ceiling: waits of 1 s, then 2 s.
        var options = Options();
        var (invoker, server) = Build(options, 1, Status(503), Status(503), Status(200));

        var send = invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), CancellationToken.None);

        await server.WaitForAttempts(1);
        await WaitOut(TimeSpan.FromSeconds(1), server);
        await WaitOut(TimeSpan.FromSeconds(2), server);
        using var response = await send;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Start, Start.AddSeconds(1), Start.AddSeconds(3)], server.AttemptTimes);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _clock.Waits(longerThan: TimeSpan.Zero, shorterThan: options.Timeouts.Api));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_the_minimum_wait()
    {
        var (invoker, server) = Build(Options(), 0, Status(429, retryAfter: "5"), Status(200));

        var send = invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), CancellationToken.None);

        await server.WaitForAttempts(1);
        await WaitOut(TimeSpan.FromSeconds(5), server);
        using var response = await send;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Start, Start.AddSeconds(5)], server.AttemptTimes);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_waited_out_on_the_injected_clock()
    {
        // Now is 12:00:00.300; the server says 12:00:03. The wait is rounded up to whole seconds: never early.
        var (invoker, server) = Build(Options(), 0, Status(503, retryAfter: "Wed, 25 Nov 2026 12:00:03 GMT"), Status(200));

        var send = invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), CancellationToken.None);

        await server.WaitForAttempts(1);
        await WaitOut(TimeSpan.FromSeconds(3), server);
        using var response = await send;
        Assert.True(server.AttemptTimes[1] >= new DateTimeOffset(2026, 11, 25, 12, 0, 3, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_create_is_never_retried_whatever_went_wrong()
    {
        var (invoker, server) = Build(Options(), 1, Status(503), Status(200));
        using var refused = await invoker.SendAsync(Request(HttpMethod.Post, RequestKind.Create, idempotent: false), CancellationToken.None);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(1, server.Attempts);

        var (lostInvoker, lostServer) = Build(Options(), 1, _ => throw new HttpRequestException("connection reset"), Status(200));
        await Assert.ThrowsAsync<HttpRequestException>(() => lostInvoker.SendAsync(Request(HttpMethod.Post, RequestKind.Create, idempotent: false), CancellationToken.None));
        Assert.Equal(1, lostServer.Attempts);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Refusals_are_never_retried(int status)
    {
        var (invoker, server) = Build(Options(), 1, Status(status), Status(200));

        using var response = await invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), CancellationToken.None);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task The_budget_ends_the_retries_before_a_wait_that_would_cross_it()
    {
        // Waits of 1, 2 and 4 s fit in 10 s; the next (8 s, at 7 s) would end at 15 s, so the fourth answer is final.
        var options = Options(maxRetries: 10, budget: TimeSpan.FromSeconds(10));
        var (invoker, server) = Build(options, 1, Status(503));

        var send = invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), CancellationToken.None);

        await server.WaitForAttempts(1);
        await WaitOut(TimeSpan.FromSeconds(1), server);
        await WaitOut(TimeSpan.FromSeconds(2), server);
        await WaitOut(TimeSpan.FromSeconds(4), server);
        using var response = await send;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, server.Attempts);
        Assert.Equal(Start.AddSeconds(7), _clock.GetUtcNow());
    }

    [Fact]
    public async Task A_body_cut_short_is_retried_for_a_read_and_reported_as_malformed_for_a_create()
    {
        var (invoker, server) = Build(Options(), 0, _ => Truncated(), Status(200));
        using var response = await invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Attempts);

        var (createInvoker, createServer) = Build(Options(), 0, _ => Truncated(), Status(200));
        var error = await Assert.ThrowsAsync<MapflowResponseException>(() =>
            createInvoker.SendAsync(Request(HttpMethod.Post, RequestKind.Create, idempotent: false), CancellationToken.None));
        Assert.Contains("the body ended before all of the 100 bytes announced", error.Message);
        Assert.Equal(1, createServer.Attempts);
    }

    [Fact]
    public async Task An_html_page_with_200_is_a_failed_attempt()
    {
        var (invoker, server) = Build(Options(maxRetries: 1), 0, _ => Html(), _ => Html());

        var error = await Assert.ThrowsAsync<MapflowResponseException>(() =>
            invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), CancellationToken.None));

        Assert.Contains("HTML page", error.Message);
        Assert.Equal(2, server.Attempts);
    }

    [Fact]
    public async Task Each_attempt_gets_the_timeout_of_its_kind()
    {
        // Api 30 s, Create 60 s: a hung read is abandoned and retried after 30 s; a hung create times out after 60 s, once.
        var (invoker, server) = Build(Options(), 0, Hang, Status(200));
        var read = invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), CancellationToken.None);
        await server.WaitForAttempts(1);
        await WaitOut(TimeSpan.FromSeconds(30), server);
        using (var response = await read) Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (createInvoker, createServer) = Build(Options(), 0, Hang, Status(200));
        var create = createInvoker.SendAsync(Request(HttpMethod.Post, RequestKind.Create, idempotent: false), CancellationToken.None);
        await createServer.WaitForAttempts(1);
        await _clock.WaitForTimer(TimeSpan.FromSeconds(60));
        _clock.Advance(TimeSpan.FromSeconds(60) - Ms);
        Assert.False(create.IsCompleted);
        _clock.Advance(Ms);
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => create);
        Assert.Equal(1, createServer.Attempts);
    }

    [Fact]
    public async Task Changes_to_the_retry_options_after_construction_apply()
    {
        var options = Options(maxRetries: 1);
        var (invoker, server) = Build(options, 0, Status(503));
        options.Retry.MaxRetries = 6;

        using var response = await invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), CancellationToken.None);

        Assert.Equal(7, server.Attempts);
    }

    [Fact]
    public async Task Cancelling_during_a_wait_ends_the_call_without_another_attempt()
    {
        var (invoker, server) = Build(Options(), 1, Status(503), Status(200));
        using var stop = new CancellationTokenSource();

        var send = invoker.SendAsync(Request(HttpMethod.Get, RequestKind.Api, idempotent: true), stop.Token);
        await server.WaitForAttempts(1);
        await _clock.WaitForTimer(TimeSpan.FromSeconds(1));
        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.Equal(1, server.Attempts);
    }

    /// <summary>Lets <paramref name="wait"/> pass on the clock: one millisecond short nothing happens, then the next attempt comes.</summary>
    private async Task WaitOut(TimeSpan wait, StubServer server)
    {
        var before = server.Attempts;
        await _clock.WaitForTimer(wait);
        _clock.Advance(wait - Ms);
        Assert.Equal(before, server.Attempts);
        _clock.Advance(Ms);
        await server.WaitForAttempts(before + 1);
    }

    private MapflowClientOptions Options(int maxRetries = 4, TimeSpan? budget = null) =>
        new MapflowClientOptions(new MapflowToken("ZGVtb0BtYXBmbG93LmxvY2FsOmRlbW8tc2VjcmV0"), new Uri("http://127.0.0.1:9/"))
        {
            TimeProvider = _clock,
            Retry = new RetryOptions
            {
                MaxRetries = maxRetries,
                BaseDelay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                Budget = budget ?? TimeSpan.FromMinutes(3),
            },
        };

    /// <summary>The handler over a stub answering in order; <paramref name="jitter"/> pins the random factor (1: waits at their ceiling).</summary>
    private (HttpMessageInvoker Invoker, StubServer Server) Build(MapflowClientOptions options, double jitter, params Func<HttpRequestMessage, Task<HttpResponseMessage>>[] answers)
    {
        var server = new StubServer(_clock, answers);
        var handler = new ResilienceHandler(options, new RetryPolicy(options.Retry, () => jitter)) { InnerHandler = server };
        return (new HttpMessageInvoker(handler), server);
    }

    private static HttpRequestMessage Request(HttpMethod method, RequestKind kind, bool idempotent)
    {
        var request = new HttpRequestMessage(method, "http://127.0.0.1:9/processings/v2");
        new RequestInfo(kind, idempotent).AttachTo(request);
        return request;
    }

    private static Func<HttpRequestMessage, Task<HttpResponseMessage>> Status(int status, string? retryAfter = null) => _ =>
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent("{}") };
        if (retryAfter != null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return Task.FromResult(response);
    };

    private static Task<HttpResponseMessage> Truncated() =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new CutOffContent(announced: 100, sent: 50) });

    private static Task<HttpResponseMessage> Html()
    {
        var content = new StringContent("<html><body>502 Bad Gateway</body></html>");
        content.Headers.ContentType = new("text/html");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }

    /// <summary>A marker answer: the stub never answers and waits for the attempt to be cancelled.</summary>
    private static Task<HttpResponseMessage> Hang(HttpRequestMessage request) => throw new InvalidOperationException("Hang is answered by the stub itself.");

    /// <summary>Answers attempts in order (the last answer repeats) and notes when, on the fake clock, each came.</summary>
    private sealed class StubServer(TimeProvider clock, Func<HttpRequestMessage, Task<HttpResponseMessage>>[] answers) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<DateTimeOffset> _times = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public int Attempts => _times.Count;
        public DateTimeOffset[] AttemptTimes => _times.ToArray();

        public async Task WaitForAttempts(int count)
        {
            // Real time only as a safety net for the handler's continuations; the test's waits are all on the fake clock.
            while (Attempts < count)
                Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10)), $"attempt {count} did not come");
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var answer = answers[Math.Min(_times.Count, answers.Length - 1)];
            _times.Enqueue(clock.GetUtcNow());
            _arrived.Release();
            if (answer == Hang) await Task.Delay(Timeout.Infinite, cancellationToken);
            return await answer(request);
        }
    }

    /// <summary>Announces a length, sends part of it, then fails as a dropped connection does.</summary>
    private sealed class CutOffContent(int announced, int sent) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(new byte[sent]);
            throw new IOException("The response ended prematurely.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = announced;
            return true;
        }
    }
}
