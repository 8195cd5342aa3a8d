using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Base of the Mapflow cmdlets that do network work. That work runs on the thread pool; everything it wants to write
/// (objects, errors, progress, verbose lines) is queued and performed here, on the pipeline thread, whenever the
/// cmdlet has it. Nothing here lets a worker wait for the pipeline thread: ShouldProcess and anything else that
/// needs it are asked in ProcessRecord or EndProcessing before the background work starts, because an upstream
/// cmdlet may hold the thread for as long as it runs. StopProcessing (Ctrl+C) cancels the work's token.
/// </summary>
public abstract class MapflowCmdlet : PSCmdlet, IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stop = new();
    private readonly BlockingCollection<Action> _queue = new();
    private readonly List<Task> _running = new();
    private SemaphoreSlim? _throttle;
    private PumpLog? _log;

    /// <summary>-WhatIf given, or inherited through $WhatIfPreference.</summary>
    protected bool IsWhatIf => MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)
        ? ((SwitchParameter)w).IsPresent
        : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    /// <summary>At most this many background operations run at once.</summary>
    protected void SetThrottle(int limit) => _throttle = new SemaphoreSlim(Math.Max(1, limit));

    /// <summary>
    /// ShouldProcess for a High-impact change, which PowerShell asks about even without -Confirm; -Force (given
    /// without -Confirm and -WhatIf) skips the question, as a script run with -NonInteractive needs.
    /// </summary>
    protected bool ShouldProcessUnlessForced(bool force, string target, string action) =>
        (force && !IsWhatIf && !MyInvocation.BoundParameters.ContainsKey("Confirm")) || ShouldProcess(target, action);

    /// <summary>The first few of <paramref name="items"/> as a question names them, and how many more there are.</summary>
    protected static string FirstFew<T>(IReadOnlyList<T> items, Func<T, string> named)
    {
        const int shown = 5;
        return string.Join(", ", items.Take(shown).Select(named)) + (items.Count > shown ? $" and {items.Count - shown} more" : "");
    }

    /// <summary>Deletes each item in the background; a failed delete is an error of its own, the others go on.</summary>
    /// <param name="deleted">The verbose line for an item once it is gone.</param>
    /// <param name="passThru">Writes each item once it is gone.</param>
    protected void DeleteEach<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> delete, Func<T, string> deleted, bool passThru) where T : class
    {
        foreach (var item in items)
        {
            Start(async cancel =>
            {
                try
                {
                    await delete(item, cancel).ConfigureAwait(false);
                    QueueVerbose(deleted(item));
                    if (passThru) QueueObject(item);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, item);
                }
            });
        }
        WaitForAll();
    }

    /// <summary>Runs one operation to the end, performing its writes as they come.</summary>
    protected void Run(Func<CancellationToken, Task> work)
    {
        Start(work);
        WaitForAll();
    }

    /// <summary>
    /// Runs the work for one piped item: its failure is an error for that item alone (unless the account was refused),
    /// and false tells the caller to go on with the next item.
    /// </summary>
    protected bool RunFor(object? target, Func<CancellationToken, Task> work)
    {
        var done = true;
        Run(async cancel =>
        {
            try
            {
                await work(cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                done = false;
                QueueFailure(e, target);
            }
        });
        return done;
    }

    /// <summary>
    /// Reads every item at once (throttled) and returns what was read; an item whose read fails is an error for it
    /// alone (unless the account was refused). The deletes read all first, so their one confirmation names what goes.
    /// </summary>
    protected List<TRead> ReadAll<TItem, TRead>(IEnumerable<TItem> items, Func<TItem, CancellationToken, Task<TRead>> read)
    {
        var found = new List<TRead>();
        foreach (var item in items)
        {
            Start(async cancel =>
            {
                try
                {
                    var value = await read(item, cancel).ConfigureAwait(false);
                    Post(() => found.Add(value));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, item);
                }
            });
        }
        WaitForAll();
        return found;
    }

    /// <summary>Reads one object per item and writes it; a failure is an error for that item alone, unless the account was refused.</summary>
    protected void RunEach<T>(IEnumerable<T> items, Func<T, CancellationToken, Task<object>> read)
    {
        foreach (var item in items)
        {
            Run(async cancel =>
            {
                try
                {
                    QueueObject(await read(item, cancel).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, item);
                }
            });
        }
    }

    /// <summary>Starts an operation in the background (throttled); its writes are performed by later pumping.</summary>
    protected void Start(Func<CancellationToken, Task> work)
    {
        _log ??= new PumpLog(this);
        Task task;
        // The slot is queued here, on the caller's thread, so operations begin in the order they were started
        // (with -ThrottleLimit 1, strictly one after another in input order).
        var slot = _throttle?.WaitAsync(_stop.Token) ?? Task.CompletedTask;
        using (MapflowLog.Use(_log))
        {
            task = Task.Run(async () =>
            {
                await slot.ConfigureAwait(false);
                try
                {
                    await work(_stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    _throttle?.Release();
                }
            });
        }
        _running.Add(task);
        // Wakes the pump when the operation ends, even if it wrote nothing.
        task.ContinueWith(_ => Post(() => { }), TaskScheduler.Default);
    }

    /// <summary>Performs what finished operations queued, without waiting for running ones.</summary>
    protected void PumpReady()
    {
        while (_queue.TryTake(out var action)) action();
        ObserveFinished();
    }

    /// <summary>Performs queued writes until every started operation has finished.</summary>
    protected void WaitForAll()
    {
        while (_running.Any(t => !t.IsCompleted))
        {
            _queue.Take()();
            ObserveFinished();
        }
        PumpReady();
    }

    protected void Post(Action action)
    {
        try
        {
            _queue.Add(action);
        }
        catch (InvalidOperationException)
        {
            // The pipeline already ended (stopped or disposed); nothing can be written any more.
        }
    }

    protected void QueueObject(object value) => Post(() => WriteObject(value));

    protected void QueueError(ErrorRecord record) => Post(() => WriteError(record));

    protected void QueueVerbose(string message) => Post(() => WriteVerbose(message));

    protected void QueueWarning(string message) => Post(() => WriteWarning(message));

    protected void QueueProgress(ProgressRecord record) => Post(() => WriteProgress(record));

    /// <summary>A non-terminating error for one item, or the end of the command when the account itself was refused.</summary>
    protected void QueueFailure(Exception exception, object? target)
    {
        if (ErrorRecords.IsFatal(exception)) throw new FatalFailure(exception, target);
        QueueError(ErrorRecords.From(exception, target));
    }

    private void ObserveFinished()
    {
        for (var i = 0; i < _running.Count; i++)
        {
            var task = _running[i];
            if (!task.IsCompleted) continue;
            _running.RemoveAt(i--);
            if (task.IsCanceled || task.Exception?.GetBaseException() is OperationCanceledException)
            {
                if (_stop.IsCancellationRequested) throw new PipelineStoppedException();
                continue;
            }
            if (task.Exception?.GetBaseException() is { } error)
            {
                _stop.Cancel();
                // What the work wrote before it failed (objects, the verbose request log) still comes out first.
                while (_queue.TryTake(out var written)) written();
                var (exception, target) = error is FatalFailure fatal ? (fatal.InnerException!, fatal.Target) : (error, null);
                ThrowTerminatingError(ErrorRecords.From(exception, target));
            }
        }
    }

    protected override void StopProcessing() => _stop.Cancel();

    public void Dispose()
    {
        // Reached after a stop or an error downstream too: let running work see the cancellation and clean up
        // (e.g. delete partial files) before the command returns.
        _stop.Cancel();
        try
        {
            Task.WaitAll(_running.ToArray(), StopGrace);
        }
        catch (AggregateException)
        {
            // Their failures were reported or no longer matter once the pipeline has ended.
        }
        _queue.CompleteAdding();
        ReleaseResources();
        _throttle?.Dispose();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called once the command's work has ended, normally or not: delete what was left unfinished.</summary>
    protected virtual void ReleaseResources()
    {
    }

    /// <summary>Carries a fatal failure and its target from a worker to the pipeline thread.</summary>
    private sealed class FatalFailure : Exception
    {
        public FatalFailure(Exception inner, object? target) : base(inner.Message, inner) => Target = target;
        public object? Target { get; }
    }

    /// <summary>Routes the client's request log to this command's verbose and debug streams.</summary>
    private sealed class PumpLog : IMapflowLog
    {
        private readonly MapflowCmdlet _cmdlet;
        public PumpLog(MapflowCmdlet cmdlet) => _cmdlet = cmdlet;
        public void Verbose(string message) => _cmdlet.Post(() => _cmdlet.WriteVerbose(message));
        public void Debug(string message) => _cmdlet.Post(() => _cmdlet.WriteDebug(message));
        public void Warning(string message) => _cmdlet.Post(() => _cmdlet.WriteWarning(message));
    }
}
