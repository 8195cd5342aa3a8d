using Mapflow.Client;
using Mapflow.Client.Http;
using Xunit;

namespace Mapflow.Client.Tests.Http;

/// <summary>The retry around whole operations (downloads, creates with their look-up), on a fake clock.</summary>
[Collection(NotInParallel.Name)]
public sealed class OperationRetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly ObservedClock _clock = new(Start);
    private readonly List<string> _retries = new();

    [Fact]
    public async Task Retries_only_what_the_operation_calls_retryable()
    {
        var retry = Build(budget: TimeSpan.FromMinutes(3), retryable: e => e is InvalidDataException);
        var attempts = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => retry.ExecuteAsync<int>(attempt =>
        {
            attempts++;
            throw attempt.Number == 0 ? new InvalidDataException("cut off") : new InvalidOperationException("refused");
        }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal("refused", error.Message);
        Assert.Equal(2, attempts);
        Assert.Equal(["cut off; retry 1 in 00:00:00"], _retries);
    }

    [Fact]
    public async Task The_minimum_wait_of_a_failure_is_waited_out_before_the_next_attempt()
    {
        var retry = Build(budget: TimeSpan.FromMinutes(3), retryable: _ => true, minimum: TimeSpan.FromSeconds(60));
        var times = new List<DateTimeOffset>();

        var run = retry.ExecuteAsync(attempt =>
        {
            times.Add(_clock.GetUtcNow());
            return attempt.Number == 0 ? Task.FromException<int>(new TimeoutException("no answer")) : Task.FromResult(7);
        }, CancellationToken.None);

        await _clock.WaitForTimer(TimeSpan.FromSeconds(60));
        _clock.Advance(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1));
        Assert.Single(times);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(7, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([Start, Start.AddSeconds(60)], times);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task The_budget_counts_from_the_last_progress(bool progressed, int expectedAttempts)
    {
        // A 15 s transfer that fails at its end, under a 10 s budget: retried only if bytes were flowing.
        var retry = Build(budget: TimeSpan.FromSeconds(10), retryable: _ => true);
        var attempts = 0;

        var run = retry.ExecuteAsync(attempt =>
        {
            attempts++;
            if (attempt.Number > 0) return Task.FromResult(1);
            _clock.Advance(TimeSpan.FromSeconds(15));
            if (progressed) attempt.Progressed();
            return Task.FromException<int>(new IOException("cut off at the end"));
        }, CancellationToken.None);

        if (progressed) Assert.Equal(1, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        else await Assert.ThrowsAsync<IOException>(() => run.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(expectedAttempts, attempts);
    }

    [Fact]
    public async Task Cancellation_is_not_retried()
    {
        var retry = Build(budget: TimeSpan.FromMinutes(3), retryable: _ => true);
        using var stop = new CancellationTokenSource();
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => retry.ExecuteAsync<int>(attempt =>
        {
            attempts++;
            stop.Cancel();
            throw new IOException("the stop cut the connection");
        }, stop.Token).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(1, attempts);
    }

    // Zero backoff (no base delay), so only a failure's minimum wait makes the clock matter.
    private OperationRetry Build(TimeSpan budget, Func<Exception, bool> retryable, TimeSpan? minimum = null)
    {
        var options = new MapflowClientOptions(new MapflowToken("ZGVtb0BtYXBmbG93LmxvY2FsOmRlbW8tc2VjcmV0"), new Uri("http://127.0.0.1:9/"))
        {
            TimeProvider = _clock,
            Retry = new RetryOptions { MaxRetries = 4, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromSeconds(30), Budget = budget },
        };
        return new OperationRetry(options, retryable, _ => minimum, (e, n, delay) => _retries.Add($"{e.Message}; retry {n} in {delay}"));
    }
}
