using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Waits for processings and emits each one the moment it is final: a terminal status (OK, FAILED, CANCELLED,
/// REFUNDED) whose result is not being reviewed again after a rejection (reviewStatus NOT_ACCEPTED), as QGIS
/// decides. The next command in the pipeline works on it while the others still run.
/// </summary>
/// <remarks>
/// It waits from its first input on, while the command before it is still writing: inputs are handed to one
/// background loop that polls (<see cref="PollSchedule"/>, sooner when <see cref="FinishEstimates"/> expects a
/// finish) and queues what is final, written whenever this cmdlet has the pipeline thread (its next input, or its end).
/// </remarks>
[Cmdlet(VerbsLifecycle.Wait, "MapflowProcessing", DefaultParameterSetName = ByObject)]
[OutputType(typeof(Processing))]
public sealed class WaitMapflowProcessingCommand : ProcessingInputCmdlet
{
    private const int ProgressId = 0x4D46;
    private const string Activity = "Waiting for Mapflow processings";
    private readonly ConcurrentQueue<Processing> _arrived = new();
    private readonly ConcurrentQueue<Guid> _arrivedIds = new();
    private readonly SemaphoreSlim _wake = new(0);
    private volatile bool _inputEnded;
    private bool _waiting;
    private DateTimeOffset? _deadline;

    /// <summary>Seconds between status reads (up to a fifth more, as jitter); 0, the default, is from a second to a minute by the processings' age, sooner when their progress says one is about to finish.</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public double PollInterval { get; set; }

    /// <summary>Seconds to wait in all; processings still running then get a Processing.WaitTimeout error. 0 waits without limit.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public double Timeout { get; set; }

    protected override void ProcessRecord()
    {
        if (ByIds)
            foreach (var id in Ids) _arrivedIds.Enqueue(id);
        else
            foreach (var processing in InputObject) _arrived.Enqueue(processing);
        _wake.Release();
        if (!_waiting)
        {
            _waiting = true;
            _deadline = Timeout > 0 ? DateTimeOffset.UtcNow.AddSeconds(Timeout) : null;
            var session = ResolveSession();
            Start(cancel => WaitAsync(session, cancel));
        }
        PumpReady();
    }

    protected override void EndProcessing()
    {
        _inputEnded = true;
        _wake.Release();
        WaitForAll();
    }

    protected override void ReleaseResources() => _wake.Dispose();

    private async Task WaitAsync(MapflowSession session, CancellationToken cancel)
    {
        var poller = new ProcessingPoller(session.Client);
        TimeSpan? fixedInterval = PollInterval > 0 ? TimeSpan.FromSeconds(PollInterval) : null;
        var random = new Random();
        var pending = new Dictionary<Guid, Processing>();
        var percent = new Dictionary<Guid, double>();
        var seen = new HashSet<Guid>();
        var estimates = new FinishEstimates();
        TimeSpan? soonestFinish = null;
        DateTimeOffset? lastPoll = null;
        while (true)
        {
            await TakeArrivalsAsync(session, pending, percent, seen, cancel).ConfigureAwait(false);
            foreach (var done in pending.Values.Where(p => p.IsFinal).ToList())
            {
                pending.Remove(done.Id);
                estimates.Forget(done.Id);
                percent[done.Id] = 100;
                // Marked before it is written: downstream may see the object the moment it is queued.
                done.FailureReported = done.Status == ProcessingStatus.Failed;
                QueueObject(done);
                if (done.FailureReported) QueueError(Failed(done));
            }
            if (percent.Count > 0) Report(percent.Count, pending.Count, percent.Values.Average());
            if (pending.Count == 0)
            {
                if (_inputEnded && _arrived.IsEmpty && _arrivedIds.IsEmpty) break;
                await _wake.WaitAsync(cancel).ConfigureAwait(false);
                Settle();
                continue;
            }
            if (_deadline is { } d && DateTimeOffset.UtcNow >= d)
            {
                foreach (var late in pending.Values) QueueError(TimedOut(late));
                pending.Clear();
                continue;
            }

            var oldest = pending.Values.Min(p => p.Created ?? DateTimeOffset.UtcNow);
            var next = PollSchedule.Next(lastPoll, oldest, DateTimeOffset.UtcNow, fixedInterval, random.NextDouble(), soonestFinish);
            if (_deadline is { } end && next > end) next = end;
            // New input wakes the loop early, to write at once what is final already; the poll keeps its time.
            if (next - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero && await _wake.WaitAsync(wait, cancel).ConfigureAwait(false))
            {
                Settle();
                continue;
            }
            if (_deadline is { } late2 && DateTimeOffset.UtcNow >= late2) continue;

            lastPoll = DateTimeOffset.UtcNow;
            IReadOnlyList<Processing> refreshed;
            try
            {
                refreshed = await poller.RefreshAsync(pending.Values.ToList(), (gone, e) =>
                {
                    pending.Remove(gone.Id);
                    percent.Remove(gone.Id);
                    estimates.Forget(gone.Id);
                    QueueFailure(e, gone);
                }, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && !ErrorRecords.IsFatal(e))
            {
                // One failed round (after its own retries) is no reason to give up waiting: the next one tries again.
                QueueWarning($"Reading the status failed ({e.Message}); trying again.");
                continue;
            }
            var readAt = DateTimeOffset.UtcNow;
            foreach (var fresh in refreshed)
            {
                if (!ProcessingStatus.IsKnown(fresh.Status))
                    QueueWarning($"Processing '{fresh.Name}' has the unknown status '{fresh.Status}'; waiting on.");
                pending[fresh.Id] = fresh;
                percent[fresh.Id] = ProgressOf(fresh);
                if (!fresh.IsFinal) estimates.Observe(fresh.Id, percent[fresh.Id], fresh.Created, readAt);
            }
            soonestFinish = estimates.TakeSoonest();
        }
        QueueProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
    }

    /// <summary>One wake-up stands for every input that came meanwhile: the loop takes them all at once.</summary>
    private void Settle()
    {
        while (_wake.Wait(0)) { }
    }

    /// <summary>Moves what came in since the last look into the pending set, reading those given by id; each processing once.</summary>
    private async Task TakeArrivalsAsync(MapflowSession session, Dictionary<Guid, Processing> pending, Dictionary<Guid, double> percent,
        HashSet<Guid> seen, CancellationToken cancel)
    {
        while (_arrived.TryDequeue(out var processing))
        {
            if (!seen.Add(processing.Id)) continue;
            pending[processing.Id] = processing;
            percent[processing.Id] = ProgressOf(processing);
        }
        while (_arrivedIds.TryDequeue(out var id))
        {
            if (!seen.Add(id)) continue;
            try
            {
                var read = await session.Client.GetProcessingAsync(id, cancel).ConfigureAwait(false);
                pending[id] = read;
                percent[id] = ProgressOf(read);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                QueueFailure(e, id);
            }
        }
    }

    /// <summary>
    /// What the progress bar counts for one processing: 100 once final; the server's percentage otherwise, held to
    /// 0–100 (a server may send 101 or −1; the object keeps its value) and below 100 while a rejected result is reviewed again.
    /// </summary>
    private static double ProgressOf(Processing p) =>
        p.IsFinal ? 100 : Math.Max(0, Math.Min(p.IsTerminal ? 99 : 100, p.PercentCompleted ?? 0));

    private void Report(int total, int pending, double meanPercent) =>
        QueueProgress(new ProgressRecord(ProgressId, Activity,
            $"{total - pending} of {total} finished, {meanPercent:0} % on average")
        {
            PercentComplete = (int)Math.Round(meanPercent),
        });

    private static ErrorRecord Failed(Processing processing)
    {
        var codes = processing.Messages.Count > 0 ? processing.MessageSummary() : "no message from the API";
        var record = ErrorRecords.Create("Processing.Failed", ErrorCategory.InvalidResult, processing,
            $"Processing '{processing.Name}' ({processing.Id}) failed: {codes}");
        record.ErrorDetails = new ErrorDetails(record.Exception.Message)
        {
            RecommendedAction = "Look the codes up in the Mapflow error reference (docs.mapflow.ai). When the cause has passed, Restart-MapflowProcessing runs its failed parts again (pipe the processing to it).",
        };
        return record;
    }

    private ErrorRecord TimedOut(Processing processing) =>
        ErrorRecords.Create("Processing.WaitTimeout", ErrorCategory.OperationTimeout, processing,
            $"Processing '{processing.Name}' ({processing.Id}) is still {processing.Status} at {processing.PercentCompleted ?? 0} % after {Timeout} s. Wait again later; it keeps running on the server.");
}
