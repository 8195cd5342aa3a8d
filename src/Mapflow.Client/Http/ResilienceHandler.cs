using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Mapflow.Client.Http;

/// <summary>
/// One Polly pipeline per session: a timeout per attempt (by kind of call) inside a retry of transient
/// failures for idempotent requests. Bodies are buffered inside the attempt, so a truncated body is a
/// failed attempt that can be retried rather than an error after the retries are over.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    internal const string AttemptsProperty = "Mapflow.Attempts";
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Mapflow.Request");
    private static readonly ResiliencePropertyKey<TimeSpan> DelayKey = new("Mapflow.Delay");
    private static readonly ResiliencePropertyKey<long> StartKey = new("Mapflow.Start");

    private readonly MapflowClientOptions _options;
    private readonly RetryPolicy _policy;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ResilienceHandler(MapflowClientOptions options, RetryPolicy? policy = null)
    {
        _options = options;
        _policy = policy ?? new RetryPolicy(options.Retry);
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // The policy decides when to stop, reading the session's options at each failure, so changes to
                // $session.Retry after Connect-Mapflow apply; a bound fixed here would silently cap them.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber + 1)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(DelayKey, TimeSpan.Zero)),
                OnRetry = args =>
                {
                    var request = args.Context.Properties.GetValue(RequestKey, null!);
                    MapflowLog.Verbose($"{Describe(request)}: {DescribeOutcome(args.Outcome)}; retry {args.AttemptNumber + 1} of {_options.Retry.MaxRetries} in {args.RetryDelay.TotalSeconds:0.0} s");
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(new Polly.Timeout.TimeoutStrategyOptions
            {
                TimeoutGenerator = args => new ValueTask<TimeSpan>(AttemptTimeout(RequestInfo.Of(args.Context.Properties.GetValue(RequestKey, null!)))),
            })
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(StartKey, _options.TimeProvider.GetTimestamp());
        var attempts = 0;
        try
        {
            var response = await _pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    attempts++;
                    return await state.AttemptAsync(request, ctx.CancellationToken).ConfigureAwait(false);
                },
                context, this).ConfigureAwait(false);
            var elapsed = _options.TimeProvider.GetElapsedTime(context.Properties.GetValue(StartKey, 0L));
            MapflowLog.Verbose($"{Describe(request)} -> {(int)response.StatusCode} {response.StatusCode} in {elapsed.TotalMilliseconds:0} ms" +
                               (attempts > 1 ? $" after {attempts - 1} retr{(attempts == 2 ? "y" : "ies")}" : ""));
            return response;
        }
        finally
        {
            request.Properties[AttemptsProperty] = attempts;
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, CancellationToken token)
    {
        var started = Stopwatch.StartNew();
        var response = await base.SendAsync(request, token).ConfigureAwait(false);
        try
        {
            if (RequestInfo.Of(request).Kind is not (RequestKind.Download or RequestKind.PresignedDownload))
            {
                try
                {
                    // LoadIntoBufferAsync takes no token on netstandard2.0; disposing the response aborts a stalled read.
                    using (token.Register(response.Dispose))
                        await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException)
                {
                    // A stop or the attempt's timeout disposed the response: report the cancellation, not its side effect.
                    token.ThrowIfCancellationRequested();
                    // The headers came, so the server answered: a body cut short is a malformed answer, not an unreachable service.
                    var expected = response.Content.Headers.ContentLength is { } length ? $" of the {length} bytes announced" : "";
                    throw new MapflowResponseException(request.Method.Method, request.RequestUri!.AbsolutePath,
                        $"the body ended before all{expected} arrived ({(e.InnerException ?? e).Message})", e);
                }
            }
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/html")
                throw new MapflowResponseException(request.Method.Method, request.RequestUri!.AbsolutePath, "an HTML page instead of JSON (a proxy or gateway error page?)");
            MapflowLog.Debug($"{Describe(request)} attempt -> {(int)response.StatusCode} in {started.ElapsedMilliseconds} ms");
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int retry)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        if (!RequestInfo.Of(request).Idempotent || context.CancellationToken.IsCancellationRequested) return false;
        var transient = outcome.Exception switch
        {
            null => RetryPolicy.IsTransient(outcome.Result!.StatusCode),
            HttpRequestException or TimeoutRejectedException or IOException or MapflowResponseException => true,
            _ => false,
        };
        if (!transient) return false;
        var now = _options.TimeProvider.GetUtcNow();
        var elapsed = _options.TimeProvider.GetElapsedTime(context.Properties.GetValue(StartKey, 0L));
        var delay = _policy.NextDelay(retry, RetryPolicy.RetryAfter(outcome.Result, now), elapsed);
        if (delay is null)
        {
            MapflowLog.Verbose($"{Describe(request)}: {DescribeOutcome(outcome)}; no retry left within the budget");
            return false;
        }
        context.Properties.Set(DelayKey, delay.Value);
        return true;
    }

    private TimeSpan AttemptTimeout(RequestInfo info) => info.Kind switch
    {
        RequestKind.Create => _options.Timeouts.Create,
        RequestKind.Upload => _options.Timeouts.Upload,
        _ => _options.Timeouts.Api,
    };

    /// <summary>"GET /user/status": the path relative to the API base, as error messages name it.</summary>
    private string Describe(HttpRequestMessage request)
    {
        // A presigned link carries its credential in the query: only its path is told.
        var path = (RequestInfo.Of(request).Kind == RequestKind.PresignedDownload ? request.RequestUri?.AbsolutePath : request.RequestUri?.PathAndQuery) ?? "";
        var basePath = _options.ApiUrl.AbsolutePath.TrimEnd('/');
        return $"{request.Method} {(basePath.Length > 0 && path.StartsWith(basePath + "/", StringComparison.Ordinal) ? path.Substring(basePath.Length) : path)}";
    }

    private static string DescribeOutcome(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => $"{(int)outcome.Result!.StatusCode} {outcome.Result.StatusCode}",
        TimeoutRejectedException => "timed out",
        var e => e.GetType().Name + ": " + e.Message,
    };
}
