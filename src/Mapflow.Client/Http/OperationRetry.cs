using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace Mapflow.Client.Http;

/// <summary>
/// A Polly retry around a whole operation that spans more than one HTTP exchange (a download with its checks,
/// a create with its look-up by key), for the failures the HTTP handler cannot retry on its own. The session's
/// <see cref="RetryPolicy"/> decides each wait, on the same clock as the handler.
/// </summary>
internal sealed class OperationRetry
{
    private static readonly ResiliencePropertyKey<long> StartKey = new("Mapflow.OperationStart");
    private static readonly ResiliencePropertyKey<TimeSpan> DelayKey = new("Mapflow.OperationDelay");
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline _pipeline;

    public OperationRetry(MapflowClientOptions options, Func<Exception, bool> isRetryable, Func<Exception, TimeSpan?> retryAfter,
        Action<Exception, int, TimeSpan> onRetry)
    {
        var policy = new RetryPolicy(options.Retry);
        _clock = options.TimeProvider;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args =>
                {
                    if (args.Outcome.Exception is not { } e || args.Context.CancellationToken.IsCancellationRequested || !isRetryable(e))
                        return new ValueTask<bool>(false);
                    var elapsed = _clock.GetElapsedTime(args.Context.Properties.GetValue(StartKey, 0L));
                    if (policy.NextDelay(args.AttemptNumber + 1, retryAfter(e), elapsed) is not { } delay)
                        return new ValueTask<bool>(false);
                    args.Context.Properties.Set(DelayKey, delay);
                    return new ValueTask<bool>(true);
                },
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(DelayKey, TimeSpan.Zero)),
                OnRetry = args =>
                {
                    onRetry(args.Outcome.Exception!, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Runs <paramref name="attempt"/> until it succeeds or the policy gives up, the last failure then thrown as is.</summary>
    public async Task<T> ExecuteAsync<T>(Func<OperationAttempt, Task<T>> attempt, CancellationToken cancel)
    {
        var context = ResilienceContextPool.Shared.Get(cancel);
        context.Properties.Set(StartKey, _clock.GetTimestamp());
        var number = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) => await state(new OperationAttempt(number++, ctx, _clock)).ConfigureAwait(false),
                context, attempt).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && cancel.IsCancellationRequested)
        {
            // A stop that cut a connection surfaces as an I/O error; it must read as the stop, not as a failure to report.
            throw new OperationCanceledException(e.Message, e, cancel);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    internal sealed class OperationAttempt
    {
        private readonly ResilienceContext _context;
        private readonly TimeProvider _clock;

        internal OperationAttempt(int number, ResilienceContext context, TimeProvider clock)
        {
            Number = number;
            _context = context;
            _clock = clock;
        }

        /// <summary>0 for the first attempt.</summary>
        public int Number { get; }

        public CancellationToken Cancel => _context.CancellationToken;

        /// <summary>
        /// The operation is getting somewhere (bytes arrive): the time budget starts again from now, so a long
        /// transfer that fails late still gets its retries.
        /// </summary>
        public void Progressed() => _context.Properties.Set(StartKey, _clock.GetTimestamp());
    }
}
