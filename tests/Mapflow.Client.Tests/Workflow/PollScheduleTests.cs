using Mapflow.Client.Workflow;
using Xunit;

namespace Mapflow.Client.Tests.Workflow;

public sealed class PollScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 1)]        // just made: every second
    [InlineData(5, 1)]
    [InlineData(120, 12)]     // two minutes old: 12 s
    [InlineData(7200, 60)]    // hours: a minute at most
    public void Without_a_fixed_interval_it_follows_the_age_of_the_oldest(double ageSeconds, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, PollSchedule.Interval(null, TimeSpan.FromSeconds(ageSeconds), 0).TotalSeconds, 6);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    public void Jitter_only_lengthens_the_wait_by_up_to_a_fifth(double random)
    {
        var wait = PollSchedule.Interval(TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), random);
        Assert.InRange(wait.TotalSeconds, 10, 12);
    }

    [Fact]
    public void The_first_read_is_timed_from_the_oldest_pending_processing_not_from_the_end_of_the_input()
    {
        var created = Now.AddSeconds(-0.6);
        Assert.Equal(created.AddSeconds(1), PollSchedule.Next(null, created, Now, null, 0));
        Assert.Equal(Now.AddSeconds(1), PollSchedule.Next(Now, created, Now, null, 0));
        // A server clock ahead of ours does not push the read into the future.
        Assert.Equal(Now.AddSeconds(1), PollSchedule.Next(null, Now.AddMinutes(5), Now, null, 0));
    }

    [Theory]
    [InlineData(0.6, 0.6)]     // due before the age's second: read then
    [InlineData(0.05, 0.25)]   // due at once: not sooner than a quarter of a second after the last read
    [InlineData(30, 1)]        // due later than the age says: the age decides
    public void A_finish_due_sooner_than_the_age_says_brings_the_read_forward(double finishSeconds, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, PollSchedule.Interval(null, TimeSpan.FromSeconds(5), 0, TimeSpan.FromSeconds(finishSeconds)).TotalSeconds, 6);

    [Fact]
    public void A_fixed_interval_is_kept_whatever_the_progress_says() =>
        Assert.Equal(10, PollSchedule.Interval(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 0, TimeSpan.FromSeconds(0.5)).TotalSeconds, 6);

    [Fact]
    public void The_first_read_ignores_estimates_it_cannot_have_yet()
    {
        var created = Now.AddSeconds(-0.6);
        Assert.Equal(created.AddSeconds(1), PollSchedule.Next(null, created, Now, null, 0, TimeSpan.FromSeconds(0.3)));
        Assert.Equal(Now.AddSeconds(0.3), PollSchedule.Next(Now, created, Now, null, 0, TimeSpan.FromSeconds(0.3)));
    }

    [Fact]
    public void Progress_since_creation_estimates_the_time_left()
    {
        var estimates = new FinishEstimates();
        // Made 2 s ago, at 80 % now: 20 % more at 40 % a second is half a second.
        estimates.Observe(Guid.NewGuid(), 80, Now.AddSeconds(-2), Now);
        Assert.Equal(0.5, estimates.TakeSoonest()!.Value.TotalSeconds, 6);
        Assert.Null(estimates.TakeSoonest());
    }

    [Fact]
    public void The_soonest_of_several_is_taken_and_later_reads_measure_from_the_read_before()
    {
        var estimates = new FinishEstimates();
        var slow = Guid.NewGuid();
        var fast = Guid.NewGuid();
        estimates.Observe(slow, 10, Now.AddSeconds(-10), Now);   // 90 s left
        estimates.Observe(fast, 50, Now.AddSeconds(-10), Now);   // 10 s left
        Assert.Equal(10, estimates.TakeSoonest()!.Value.TotalSeconds, 6);
        // From 10 % to 55 % in 5 s: 45 % left at 9 % a second.
        estimates.Observe(slow, 55, null, Now.AddSeconds(5));
        Assert.Equal(5, estimates.TakeSoonest()!.Value.TotalSeconds, 6);
    }

    [Theory]
    [InlineData(99, 99)]   // held at 99 %
    [InlineData(60, 40)]   // went back (a restart)
    [InlineData(60, 100)]  // done: nothing left to wait for
    public void Progress_that_did_not_move_forward_gives_no_estimate(double first, double second)
    {
        var estimates = new FinishEstimates();
        var id = Guid.NewGuid();
        estimates.Observe(id, first, Now.AddSeconds(-10), Now);
        estimates.TakeSoonest();
        estimates.Observe(id, second, null, Now.AddSeconds(1));
        Assert.Null(estimates.TakeSoonest());
    }

    [Fact]
    public void A_server_clock_ahead_of_ours_gives_no_estimate_from_the_creation_time()
    {
        var estimates = new FinishEstimates();
        estimates.Observe(Guid.NewGuid(), 50, Now.AddMinutes(5), Now);
        Assert.Null(estimates.TakeSoonest());
    }
}
