using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Starts processings over AOIs (POST /processings/v2): one per AOI, or packed with -GroupSize/-Group, a few at a
/// time. Every start carries a key of its content in meta; a processing already made with that key is emitted
/// instead of paying twice. Processings are emitted as their starts complete, not in input order.
/// </summary>
/// <remarks>
/// In steps, so that nothing waits for the pipeline thread from a worker: the plan and its look-ups, then (on the
/// pipeline thread) the budget and ShouldProcess for each start, then the creates in the background. Runs on one
/// machine take turns per project (<see cref="StartLock"/>); after the creates, twins made by another runner
/// elsewhere are reported.
/// </remarks>
[Cmdlet(VerbsLifecycle.Start, "MapflowProcessing", DefaultParameterSetName = ByAoi, SupportsShouldProcess = true)]
[OutputType(typeof(Processing))]
public sealed class StartMapflowProcessingCommand : ProcessingPlanCmdlet
{
    private const int ProgressId = 0x4D45;

    // After this many starts in a row whose outcome stayed unclear, the create endpoint is taken to be failing:
    // each would otherwise cost Timeouts.CreateConfirm of look-ups while the project's lock is held.
    private const int UnclearStartsBeforeHalting = 3;
    private readonly string _runSalt = Guid.NewGuid().ToString("N");
    private readonly List<Processing> _created = new();
    private const string Activity = "Starting Mapflow processings";
    private string _project = "";
    // Taken before the creates and held to the end of the command; with a project known by id, taken (and the
    // starter's index read) side by side with the first reads.
    private StartLock? _startLock;
    private ProcessingStarter? _starter;
    private int _started;
    private double _reserved;
    private double? _budget;
    private int _overBudget;
    private int _unclearInARow;
    private int _halted;

    /// <summary>Create even when a processing with the same content already exists in the project.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override string? KeySalt => Force ? _runSalt : null;

    /// <summary>Stop before a start would take the credits this run spends past this number.</summary>
    [Parameter]
    [ValidateRange(0, long.MaxValue)]
    public long? MaxCredits { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            StartAll();
        }
        finally
        {
            _startLock?.Dispose();
        }
    }

    private void StartAll()
    {
        // A project known by id needs no read to be locked: the lock, and the index read under it, then go side by
        // side with the account and project reads, a round trip less before the first create.
        var knownId = !IsWhatIf && !Force && HasInput ? ProjectReference.KnownId(Project) : null;
        var (session, account, project, model, plan) = PlanRun(knownId is { } id ? (s, cancel) => LockAndIndexAsync(s, id, cancel) : null);
        if (plan.Count == 0) return;
        _project = project.Name;
        var credits = account.BillsCredits ? account.RemainingCredits : null;
        var starter = _starter ?? new ProcessingStarter(session.Client, project.Id);
        if (IsWhatIf)
        {
            WhatIf(session, project, model, plan, starter, credits);
            return;
        }

        if (_startLock is null) Run(async cancel => _startLock = await LockAsync(session, project.Id, $"'{project.Name}'", cancel).ConfigureAwait(false));

        // Read under the lock, so a run that waited sees everything the run before it made.
        var (existing, toStart) = AlreadyStarted(starter, plan);
        // Estimates cost a request per processing, so they are made only when a decision needs them; without
        // -MaxCredits the server itself refuses a start the balance cannot pay.
        var costs = MaxCredits != null ? EstimateCosts(session, toStart) : null;
        _budget = MaxCredits is { } max ? Math.Min(max, credits ?? double.MaxValue) : null;

        foreach (var start in plan)
        {
            if (existing.TryGetValue(start, out var found))
            {
                WriteVerbose($"'{start.Name}' was already started as {found.Id}; not starting it again (use -Force to start anyway).");
                Started(found, plan.Count);
                continue;
            }
            if (!toStart.Contains(start)) continue;
            double? cost = costs is null ? null : costs.TryGetValue(start, out var c) ? c : -1;
            // Its estimate failed (the error is written): under a budget it cannot be started safely.
            if (cost == -1 || !Reserve(cost, start)) continue;
            // Asked here, on the pipeline thread, before the background work: a worker never waits for it.
            if (!ShouldProcess(start.Name, Describe(model, start, cost)))
            {
                Release(cost);
                continue;
            }
            Start(async cancel =>
            {
                if (Volatile.Read(ref _unclearInARow) >= UnclearStartsBeforeHalting)
                {
                    Post(() => Halt(start, cost));
                    return;
                }
                try
                {
                    if (!Force && await starter.RecheckAsync(start.Request, cancel).ConfigureAwait(false) is { } made)
                    {
                        QueueVerbose($"'{start.Name}' was started as {made.Id} since this run read the project; not starting it again.");
                        Post(() => Started(made, plan.Count));
                        return;
                    }
                    var result = await starter.CreateAsync(start.Request, cancel).ConfigureAwait(false);
                    starter.Remember(result.Processing);
                    Interlocked.Exchange(ref _unclearInARow, 0);
                    Post(() =>
                    {
                        if (result.Outcome == StartOutcome.Created) _created.Add(result.Processing);
                        Started(result.Processing, plan.Count);
                    });
                }
                catch (MapflowApiException e) when ((int)e.StatusCode < 500)
                {
                    // Refused outright, so nothing was charged for it.
                    Post(() => Release(cost));
                    QueueFailure(e, Target(start));
                }
                catch (StartUnconfirmedException e)
                {
                    // It may have been made and charged: its credits stay counted.
                    Interlocked.Increment(ref _unclearInARow);
                    QueueFailure(e, Target(start));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, Target(start));
                }
            });
        }
        WaitForAll();
        ReportTwins(starter);
        WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        if (_overBudget > 0)
            WriteWarning($"{_overBudget} of {plan.Count} processing(s) were not started to stay within {_budget} credits; run the command again with a larger -MaxCredits (or after a top-up) to start them.");
        if (_halted > 0)
            WriteWarning($"{_halted} of {plan.Count} processing(s) were not started because Mapflow gave no clear answer to {UnclearStartsBeforeHalting} starts in a row; run the command again later to start them.");
    }

    /// <summary>Pipeline thread only: a start left out because the create endpoint seems to be failing; the first one says so with an error.</summary>
    private void Halt(PlannedStart start, double? cost)
    {
        Release(cost);
        if (_halted++ == 0)
            WriteError(ErrorRecords.Create("Start.Halted", ErrorCategory.ResourceUnavailable, Target(start),
                $"'{start.Name}' and the starts after it were not sent: Mapflow gave no clear answer to {UnclearStartsBeforeHalting} starts in a row " +
                "(see their Start.Unconfirmed errors). Nothing was paid for them. Run the same command again later."));
    }

    private void WhatIf(MapflowSession session, Project project, Model model, IReadOnlyList<PlannedStart> plan, ProcessingStarter starter, double? credits)
    {
        // A re-run pays only for what was not started yet, so the estimate leaves those out.
        var (existing, toStart) = AlreadyStarted(starter, plan);
        var estimates = EstimateCosts(session, toStart);
        foreach (var start in plan)
        {
            if (existing.TryGetValue(start, out var found))
                WriteInformation(new HostInformationMessage { Message = $"What if: '{start.Name}' was already started as {found.Id}; it would not be started again." }, new[] { "PSHOST" });
            else if (estimates.TryGetValue(start, out var estimate))
                ShouldProcess(start.Name, Describe(model, start, estimate));
        }
        WriteSummary(project, toStart.Where(estimates.ContainsKey).ToList(), estimates, credits, existing.Count);
    }

    private async Task LockAndIndexAsync(MapflowSession session, Guid projectId, CancellationToken cancel)
    {
        _startLock = await LockAsync(session, projectId, projectId.ToString(), cancel).ConfigureAwait(false);
        var starter = new ProcessingStarter(session.Client, projectId);
        try
        {
            await starter.ReadIndexAsync(cancel).ConfigureAwait(false);
            _starter = starter;
        }
        catch (Exception e) when (e is not OperationCanceledException && !ErrorRecords.IsFatal(e))
        {
            // Read once more by the look-ups, whose failures are errors of the starts they leave out, as without this.
        }
    }

    /// <summary>Runs of this user on this machine take turns per project; one that has to wait says so.</summary>
    private Task<StartLock> LockAsync(MapflowSession session, Guid projectId, string projectName, CancellationToken cancel) =>
        StartLock.AcquireAsync(session.ApiUrl, session.Email, projectId,
            path => QueueVerbose($"Another run is starting processings in project {projectName} on this machine; waiting for it to finish (lock {path})."),
            cancel);

    private static object Target(PlannedStart start) => start.Aois.Count == 1 ? start.Aois[0] : start.Aois;

    /// <summary>Pipeline thread only.</summary>
    private void Started(Processing processing, int total)
    {
        _started++;
        WriteProgress(new ProgressRecord(ProgressId, Activity, $"{_started} of {total} started or found in project '{_project}'") { PercentComplete = _started * 100 / total });
        WriteObject(processing);
    }

    /// <summary>
    /// Says loudly which of this run's new processings have a twin with the same key that another runner made at the
    /// same time (on another machine: runs on this one take turns). Both are paid for; nothing is deleted.
    /// </summary>
    private void ReportTwins(ProcessingStarter starter)
    {
        if (_created.Count == 0) return;
        var created = _created.ToList();
        Run(async cancel =>
        {
            try
            {
                foreach (var (ours, twin) in await starter.FindTwinsAsync(created, cancel).ConfigureAwait(false))
                    QueueWarning($"'{ours.Name}' was started twice at the same time, by this run ({ours.Id}) and by another runner ({twin.Id}), " +
                                 "probably on another machine; both are paid for. Delete one of them in the web app if you do not need both.");
            }
            catch (Exception e) when (e is not OperationCanceledException && !ErrorRecords.IsFatal(e))
            {
                QueueWarning($"Could not check for processings another runner started at the same time ({e.Message}).");
            }
        });
    }

    /// <summary>Takes the estimate out of the budget, or refuses (once with an error, then silently counted) when it does not fit. Pipeline thread only.</summary>
    private bool Reserve(double? cost, PlannedStart start)
    {
        if (cost is null || _budget is not { } budget) return true;
        if (_overBudget == 0 && _reserved + cost <= budget)
        {
            _reserved += cost.Value;
            return true;
        }
        if (_overBudget++ == 0)
        {
            var why = MaxCredits is { } max && budget == max ? $"-MaxCredits {max}" : $"the {budget} credits left on the account";
            WriteError(ErrorRecords.Create("Processing.BudgetExceeded", ErrorCategory.LimitsExceeded, start.Request.Name,
                $"Starting '{start.Name}' ({cost} credits) would take this run to {_reserved + cost} credits, past {why}; it and the processings after it were not started."));
        }
        return false;
    }

    private void Release(double? cost)
    {
        if (cost is { } c) _reserved -= c;
    }

    private static string Describe(Model model, PlannedStart start, double? cost) =>
        $"Start '{model.Name}' on {start.AreaKm2:0.###} km² ({start.Aois.Count} AOI(s), {start.PolygonCount} polygon(s)) " +
        $"with {start.Request.Params!.SourceParams}{(cost is null ? "" : $" for {cost} credits")}";

    /// <summary>
    /// The planned starts already made (found by their key; none with -Force) and those still to start. A start whose
    /// look-up fails is neither: it gets its error and is left out, since starting it could pay twice.
    /// </summary>
    private (Dictionary<PlannedStart, Processing> Existing, List<PlannedStart> ToStart) AlreadyStarted(ProcessingStarter starter, IReadOnlyList<PlannedStart> plan)
    {
        var existing = new Dictionary<PlannedStart, Processing>();
        var unknown = new HashSet<PlannedStart>();
        if (!Force)
        {
            foreach (var start in plan)
            {
                Start(async cancel =>
                {
                    try
                    {
                        if (await starter.FindAsync(start.Request, cancel).ConfigureAwait(false) is { } found)
                            Post(() => existing[start] = found);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        Post(() => unknown.Add(start));
                        QueueFailure(e, Target(start));
                    }
                });
            }
            WaitForAll();
        }
        return (existing, plan.Where(p => !existing.ContainsKey(p) && !unknown.Contains(p)).ToList());
    }

    private void WriteSummary(Project project, IReadOnlyList<PlannedStart> plan, IReadOnlyDictionary<PlannedStart, double> costs, double? credits, int alreadyStarted)
    {
        var total = costs.Values.Sum();
        var text = $"What if: {plan.Count} processing(s) in project '{project.Name}'{(project.IsDefault ? " (the Default project)" : "")}, " +
                   $"{plan.Sum(p => p.Aois.Count)} AOI(s), {plan.Sum(p => p.AreaKm2):0.###} km², {total} credits" +
                   (alreadyStarted > 0 ? $" ({alreadyStarted} already started, not counted)" : "") +
                   (credits is null ? "." : $"; {credits} credits left on the account{(total > credits ? " — NOT ENOUGH" : "")}.");
        WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST" });
    }
}
