using System;

namespace Mapflow.Client.Workflow;

/// <summary>
/// When to read the status of pending processings next. Without a fixed interval it follows their age: a tenth of
/// the time the oldest has been running, from a second for short processings to a minute for hours-long ones (QGIS
/// polls every 6 s, the docs advise 30–60 s for long ones). When the progress read last says one will finish sooner
/// (<see cref="FinishEstimates"/>), the read comes then instead, but never sooner than a quarter of a second after
/// the one before. Jitter only lengthens the wait, up to a fifth, so that many scripts do not poll in step, and
/// never makes it shorter than the interval.
/// </summary>
public static class PollSchedule
{
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ShortestBeforeFinish = TimeSpan.FromSeconds(0.25);
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);
    private const double ShareOfAge = 0.1;
    private const double Jitter = 0.2;

    /// <param name="fixedInterval">The interval the user asked for, or null to follow the age.</param>
    /// <param name="oldestAge">How long the oldest pending processing has been running.</param>
    /// <param name="random">A number in [0, 1).</param>
    /// <param name="soonestFinish">How long after the last read the first pending processing looked likely to finish.</param>
    public static TimeSpan Interval(TimeSpan? fixedInterval, TimeSpan oldestAge, double random, TimeSpan? soonestFinish = null)
    {
        var interval = fixedInterval ?? ByProgress(ByAge(oldestAge), soonestFinish);
        return TimeSpan.FromTicks((long)(interval.Ticks * (1 + Jitter * random)));
    }

    private static TimeSpan ByAge(TimeSpan oldestAge) =>
        TimeSpan.FromTicks(Math.Max(Shortest.Ticks, Math.Min(Longest.Ticks, (long)(oldestAge.Ticks * ShareOfAge))));

    private static TimeSpan ByProgress(TimeSpan byAge, TimeSpan? soonestFinish) =>
        soonestFinish is { } finish && finish < byAge ? (finish > ShortestBeforeFinish ? finish : ShortestBeforeFinish) : byAge;

    /// <summary>
    /// The next read after <paramref name="last"/>: the first one is timed from when the oldest pending processing was
    /// made (so one that came in late in a long input is not waited for any longer than it needs), the others from the
    /// read before them.
    /// </summary>
    public static DateTimeOffset Next(DateTimeOffset? last, DateTimeOffset oldestCreated, DateTimeOffset now, TimeSpan? fixedInterval, double random,
        TimeSpan? soonestFinish = null)
    {
        var created = oldestCreated > now ? now : oldestCreated;
        return (last ?? created) + Interval(fixedInterval, now - created, random, last is null ? null : soonestFinish);
    }
}
