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
}
