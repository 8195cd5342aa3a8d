using System.Net;
using Mapflow.Client;
using Mapflow.Client.Http;
using Xunit;

namespace Mapflow.Client.Tests.Http;

public class RetryPolicyTests
{
    private static readonly RetryOptions Options = new()
    {
        MaxRetries = 4,
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(10),
        Budget = TimeSpan.FromSeconds(60),
    };

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(501, false)]
    public void Only_transient_statuses_are_retried(int status, bool transient) =>
        Assert.Equal(transient, RetryPolicy.IsTransient((HttpStatusCode)status));

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(3, 4000)]
    [InlineData(4, 8000)]
    public void Backoff_doubles_up_to_the_cap_with_full_jitter(int retry, int ceilingMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs), new RetryPolicy(Options, () => 1.0).NextDelay(retry, null, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, new RetryPolicy(Options, () => 0.0).NextDelay(retry, null, TimeSpan.Zero));
    }

    [Fact]
    public void Backoff_never_exceeds_the_maximum_delay()
    {
        var policy = new RetryPolicy(new RetryOptions { MaxRetries = 20, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(10), Budget = TimeSpan.FromHours(1) }, () => 1.0);
        Assert.Equal(TimeSpan.FromSeconds(10), policy.NextDelay(12, null, TimeSpan.Zero));
    }

    [Fact]
    public void Gives_up_after_the_last_retry() =>
        Assert.Null(new RetryPolicy(Options, () => 0.5).NextDelay(5, null, TimeSpan.Zero));

    [Fact]
    public void Retry_after_is_the_minimum_wait()
    {
        var policy = new RetryPolicy(Options, () => 0.1);
        Assert.Equal(TimeSpan.FromSeconds(7), policy.NextDelay(1, TimeSpan.FromSeconds(7), TimeSpan.Zero));
        // A computed backoff longer than Retry-After wins.
        Assert.Equal(TimeSpan.FromMilliseconds(800), new RetryPolicy(Options, () => 0.1).NextDelay(4, TimeSpan.FromMilliseconds(200), TimeSpan.Zero));
    }

    [Fact]
    public void A_wait_that_would_cross_the_budget_ends_the_call()
    {
        var policy = new RetryPolicy(Options, () => 0.5);
        Assert.Null(policy.NextDelay(1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(45)));
        Assert.NotNull(policy.NextDelay(1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(45)));
    }

    [Fact]
    public void Retry_after_reads_delta_seconds()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "2");
        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.RetryAfter(response, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Retry_after_reads_an_http_date_relative_to_now_rounded_up()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, 300, TimeSpan.Zero);
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Wed, 25 Nov 2026 12:00:03 GMT");
        Assert.Equal(TimeSpan.FromSeconds(3), RetryPolicy.RetryAfter(response, now));
    }

    [Fact]
    public void A_past_http_date_means_no_wait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Wed, 25 Nov 2026 11:00:00 GMT");
        Assert.Equal(TimeSpan.Zero, RetryPolicy.RetryAfter(response, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void No_header_means_no_minimum()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        Assert.Null(RetryPolicy.RetryAfter(response, DateTimeOffset.UtcNow));
    }
}
