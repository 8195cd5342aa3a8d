using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Mapflow.Client;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Waits for processings and emits each one the moment it is final: a terminal status (OK, FAILED, CANCELLED,
/// REFUNDED) whose result is not being reviewed again after a rejection (reviewStatus NOT_ACCEPTED), as QGIS
/// decides. The next command in the pipeline works on it while the others still run.
/// </summary>
[Cmdlet(VerbsLifecycle.Wait, "MapflowProcessing", DefaultParameterSetName = ByObject)]
[OutputType(typeof(Processing))]
public sealed class WaitMapflowProcessingCommand : MapflowSessionCmdlet
{
    private const string ByObject = "ByObject";
    private const string ById = "ById";
    private const int ProgressId = 0x4D46;
    private readonly List<Processing> _inputs = new();
    private readonly List<Guid> _ids = new();

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public Processing[] InputObject { get; set; } = Array.Empty<Processing>();

    [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProcessingId")]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    /// <summary>Seconds between status reads (with ±10 % jitter).</summary>
    [Parameter]
    [ValidateRange(0.05, 3600)]
    public double PollInterval { get; set; } = 10;

    /// <summary>Seconds to wait in all; processings still running then get a Processing.WaitTimeout error. 0 waits without limit.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public double Timeout { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ById) _ids.AddRange(Id);
        else _inputs.AddRange(InputObject);
    }

    protected override void EndProcessing()
    {
        var session = ResolveSession();
        var poller = new ProcessingPoller(session.Client);
        var interval = TimeSpan.FromSeconds(PollInterval);
        var deadline = Timeout > 0 ? DateTimeOffset.UtcNow.AddSeconds(Timeout) : (DateTimeOffset?)null;
        var random = new Random();
        Run(async cancel =>
        {
            var pending = new Dictionary<Guid, Processing>();
            foreach (var p in _inputs) pending[p.Id] = p;
            foreach (var id in _ids.Where(i => !pending.ContainsKey(i)))
            {
                try
                {
                    pending[id] = await session.Client.GetProcessingAsync(id, cancel).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, id);
                }
            }
            var total = pending.Count;
            var percent = pending.Values.ToDictionary(p => p.Id, ProgressOf);

            while (true)
            {
                foreach (var done in pending.Values.Where(p => p.IsFinal).ToList())
                {
                    pending.Remove(done.Id);
                    percent[done.Id] = 100;
                    // Marked before it is written: downstream may see the object the moment it is queued.
                    done.FailureReported = done.Status == ProcessingStatus.Failed;
                    QueueObject(done);
                    if (done.FailureReported) QueueError(Failed(done));
                }
                Report(total, pending.Count, percent.Values.DefaultIfEmpty(100).Average());
                if (pending.Count == 0) break;
                if (deadline is { } d && DateTimeOffset.UtcNow >= d)
                {
                    foreach (var late in pending.Values) QueueError(TimedOut(late));
                    break;
                }

                var wait = TimeSpan.FromMilliseconds(interval.TotalMilliseconds * (0.9 + 0.2 * random.NextDouble()));
                if (deadline is { } end && DateTimeOffset.UtcNow + wait > end) wait = end - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancel).ConfigureAwait(false);

                IReadOnlyList<Processing> refreshed;
                try
                {
                    refreshed = await poller.RefreshAsync(pending.Values.ToList(), (gone, e) =>
                    {
                        pending.Remove(gone.Id);
                        percent.Remove(gone.Id);
                        QueueFailure(e, gone);
                    }, cancel).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException && !ErrorRecords.IsFatal(e))
                {
                    // One failed round (after its own retries) is no reason to give up waiting: the next interval tries again.
                    QueueWarning($"Reading the status failed ({e.Message}); trying again in {interval.TotalSeconds:0.#} s.");
                    continue;
                }
                foreach (var fresh in refreshed)
                {
                    if (!ProcessingStatus.IsKnown(fresh.Status))
                        QueueWarning($"Processing '{fresh.Name}' has the unknown status '{fresh.Status}'; waiting on.");
                    pending[fresh.Id] = fresh;
                    percent[fresh.Id] = ProgressOf(fresh);
                }
            }
            QueueProgress(new ProgressRecord(ProgressId, "Waiting for Mapflow processings", "Done") { RecordType = ProgressRecordType.Completed });
        });
    }

    /// <summary>
    /// What the progress bar counts for one processing: 100 once final; the server's percentage otherwise, held to
    /// 0–100 (a server may send 101 or −1; the object keeps its value) and below 100 while a rejected result is reviewed again.
    /// </summary>
    private static double ProgressOf(Processing p) =>
        p.IsFinal ? 100 : Math.Max(0, Math.Min(p.IsTerminal ? 99 : 100, p.PercentCompleted ?? 0));

    private void Report(int total, int pending, double meanPercent) =>
        QueueProgress(new ProgressRecord(ProgressId, "Waiting for Mapflow processings",
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
            RecommendedAction = "Look the codes up in the Mapflow error reference (docs.mapflow.ai); a processing that failed for a transient reason can be restarted.",
        };
        return record;
    }

    private ErrorRecord TimedOut(Processing processing) =>
        ErrorRecords.Create("Processing.WaitTimeout", ErrorCategory.OperationTimeout, processing,
            $"Processing '{processing.Name}' ({processing.Id}) is still {processing.Status} at {processing.PercentCompleted ?? 0} % after {Timeout} s. Wait again later; it keeps running on the server.");
}
