using Mapflow.Client.Workflow;
using Xunit;

namespace Mapflow.Client.Tests.Workflow;

/// <summary>The per-project start lock: one holder at a time, the next one waits and is told once.</summary>
[Collection(NotInParallel.Name)]
public sealed class StartLockTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "mapflow-lock-" + Guid.NewGuid().ToString("N"));
    private readonly string? _before = Environment.GetEnvironmentVariable("MAPFLOW_STATE_DIR");
    private static readonly Uri Api = new("http://127.0.0.1:1/rest");

    public StartLockTests() => Environment.SetEnvironmentVariable("MAPFLOW_STATE_DIR", _state);

    [Fact]
    public async Task A_second_run_on_the_same_project_waits_for_the_first_and_is_told_once()
    {
        var project = Guid.NewGuid();
        var first = await StartLock.AcquireAsync(Api, "a@b.c", project, _ => { }, CancellationToken.None);
        var told = 0;

        var second = StartLock.AcquireAsync(Api, "a@b.c", project, _ => told++, CancellationToken.None);
        await Task.Delay(600);
        Assert.False(second.IsCompleted);
        first.Dispose();
        using var got = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, told);
        Assert.StartsWith(_state, got.Path);
    }

    [Fact]
    public async Task Another_project_or_account_does_not_wait()
    {
        var project = Guid.NewGuid();
        using var first = await StartLock.AcquireAsync(Api, "a@b.c", project, _ => { }, CancellationToken.None);

        using var other = await StartLock.AcquireAsync(Api, "a@b.c", Guid.NewGuid(), _ => { }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        using var otherAccount = await StartLock.AcquireAsync(Api, "x@b.c", project, _ => { }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_stop_ends_the_wait()
    {
        var project = Guid.NewGuid();
        using var first = await StartLock.AcquireAsync(Api, "a@b.c", project, _ => { }, CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StartLock.AcquireAsync(Api, "a@b.c", project, _ => { }, stop.Token));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("MAPFLOW_STATE_DIR", _before);
        if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
    }
}
