using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Mapflow.Client.Tests.Http;

/// <summary>A fake clock that also tells which timers were set, so a test advances only once a wait has begun.</summary>
internal sealed class ObservedClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _timers = new();
    private readonly SemaphoreSlim _set = new(0);
    private int _seen;

    // A timer is set when created or changed: CancellationTokenSource(delay, clock) creates one idle, then changes it.
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Set(dueTime);
        return timer;
    }

    private void Set(TimeSpan due)
    {
        if (due == Timeout.InfiniteTimeSpan) return;
        _timers.Enqueue(due);
        _set.Release();
    }

    /// <summary>Waits until a timer of <paramref name="due"/> is set after the ones already waited for.</summary>
    public async Task WaitForTimer(TimeSpan due)
    {
        while (true)
        {
            var all = _timers.ToArray();
            for (var i = _seen; i < all.Length; i++)
            {
                if (all[i] != due) continue;
                _seen = i + 1;
                return;
            }
            Assert.True(await _set.WaitAsync(TimeSpan.FromSeconds(10)), $"no wait of {due} began");
        }
    }

    public TimeSpan[] Waits(TimeSpan longerThan, TimeSpan shorterThan) =>
        _timers.Where(t => t > longerThan && t < shorterThan).ToArray();

    private sealed class ObservedTimer(ITimer inner, ObservedClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Set(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
