using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mapflow.Client;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Starts processings over AOIs (POST /processings/v2): one per AOI, or packed with -GroupSize/-Group, a few at a
/// time. Every start carries a key of its content in meta; a processing already made with that key is emitted
/// instead of paying twice. Processings are emitted as their starts complete, not in input order.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "MapflowProcessing", DefaultParameterSetName = ByAoi, SupportsShouldProcess = true)]
[OutputType(typeof(Processing))]
public sealed class StartMapflowProcessingCommand : ProcessingPlanCmdlet
{
    private const int ProgressId = 0x4D45;
    private const string Activity = "Starting Mapflow processings";
    private readonly string _runSalt = Guid.NewGuid().ToString("N");
    private readonly object _budgetLock = new();
    private int _started;
    private double _reserved;
    private int _overBudget;

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
        var (session, account, _, model, plan) = PlanRun();
        if (plan.Count == 0) return;

        var whatIf = IsWhatIf;
        var credits = account.BillsCredits ? account.RemainingCredits : null;
        var starter = new ProcessingStarter(session.Client, plan[0].Request.ProjectId!.Value);
        if (whatIf)
        {
            // A re-run pays only for what was not started yet, so the estimate leaves those out.
            var existing = Force ? new Dictionary<PlannedStart, Processing>() : FindExisting(starter, plan);
            var toStart = plan.Where(p => !existing.ContainsKey(p)).ToList();
            var estimates = EstimateCosts(session, toStart);
            foreach (var start in plan)
            {
                if (existing.TryGetValue(start, out var found))
                    WriteInformation(new HostInformationMessage { Message = $"What if: '{start.Name}' was already started as {found.Id}; it would not be started again." }, new[] { "PSHOST" });
                else if (estimates.TryGetValue(start, out var estimate))
                    ShouldProcess(start.Name, Describe(model, start, estimate));
            }
            WriteSummary(toStart.Where(estimates.ContainsKey).ToList(), estimates, credits, existing.Count);
            return;
        }

        // Estimates cost a request per processing, so they are made only when a decision needs them.
        var costs = MaxCredits != null ? EstimateCosts(session, plan) : null;
        // Without -MaxCredits nothing is estimated; the server itself refuses a start the balance cannot pay.
        var budget = MaxCredits is { } max ? Math.Min(max, credits ?? double.MaxValue) : (double?)null;
        foreach (var start in plan)
        {
            double? cost = costs is null ? null : costs.TryGetValue(start, out var c) ? c : -1;
            // Its estimate failed (the error is written): under a budget it cannot be started safely.
            if (cost == -1) continue;
            Start(async cancel =>
            {
                try
                {
                    if (!Force && await starter.FindAsync(start.Request, cancel).ConfigureAwait(false) is { } existing)
                    {
                        QueueVerbose($"'{start.Name}' was already started as {existing.Id}; not starting it again (use -Force to start anyway).");
                        Started(existing, plan.Count);
                        return;
                    }
                    if (!Reserve(cost, budget, start)) return;
                    if (!await ShouldProcessAsync(start.Name, Describe(model, start, cost)).ConfigureAwait(false))
                    {
                        Release(cost);
                        return;
                    }
                    StartResult result;
                    try
                    {
                        result = await starter.CreateAsync(start.Request, cancel).ConfigureAwait(false);
                    }
                    catch (MapflowApiException e) when ((int)e.StatusCode < 500)
                    {
                        // Refused outright, so nothing was charged for it.
                        Release(cost);
                        throw;
                    }
                    if (result.Outcome == StartOutcome.Recovered)
                        QueueVerbose($"'{start.Name}': the create's answer was lost, but processing {result.Processing.Id} was found by its key; not created again.");
                    Started(result.Processing, plan.Count);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, start.Aois.Count == 1 ? start.Aois[0] : start.Aois);
                }
            });
        }
        WaitForAll();
        WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        if (_overBudget > 0)
            WriteWarning($"{_overBudget} of {plan.Count} processing(s) were not started to stay within {budget} credits; run the command again with a larger -MaxCredits (or after a top-up) to start them.");
    }

    private void Started(Processing processing, int total) => Post(() =>
    {
        _started++;
        WriteProgress(new ProgressRecord(ProgressId, Activity, $"{_started} of {total} started or found") { PercentComplete = _started * 100 / total });
        WriteObject(processing);
    });

    /// <summary>Takes the estimate out of the budget, or refuses (once with an error, then silently counted) when it does not fit.</summary>
    private bool Reserve(double? cost, double? budget, PlannedStart start)
    {
        if (cost is null || budget is null) return true;
        lock (_budgetLock)
        {
            if (_overBudget == 0 && _reserved + cost <= budget)
            {
                _reserved += cost.Value;
                return true;
            }
            if (_overBudget++ == 0)
            {
                var why = MaxCredits is { } max && budget == max ? $"-MaxCredits {max}" : $"the {budget} credits left on the account";
                QueueError(ErrorRecords.Create("Processing.BudgetExceeded", ErrorCategory.LimitsExceeded, start.Request.Name,
                    $"Starting '{start.Name}' ({cost} credits) would take this run to {_reserved + cost} credits, past {why}; it and the processings after it were not started."));
            }
            return false;
        }
    }

    private void Release(double? cost)
    {
        if (cost is null) return;
        lock (_budgetLock) _reserved -= cost.Value;
    }

    private static string Describe(Model model, PlannedStart start, double? cost) =>
        $"Start '{model.Name}' on {start.AreaKm2:0.###} km² ({start.Aois.Count} AOI(s), {start.PolygonCount} polygon(s)) " +
        $"with {start.Request.Params!.SourceParams.DataProvider!.ProviderName}{(cost is null ? "" : $" for {cost} credits")}";

    private Dictionary<PlannedStart, Processing> FindExisting(ProcessingStarter starter, IReadOnlyList<PlannedStart> plan)
    {
        var existing = new Dictionary<PlannedStart, Processing>();
        foreach (var start in plan)
        {
            Start(async cancel =>
            {
                if (await starter.FindAsync(start.Request, cancel).ConfigureAwait(false) is { } found)
                    Post(() => existing[start] = found);
            });
        }
        WaitForAll();
        return existing;
    }

    private void WriteSummary(IReadOnlyList<PlannedStart> plan, IReadOnlyDictionary<PlannedStart, double> costs, double? credits, int alreadyStarted)
    {
        var total = costs.Values.Sum();
        var text = $"What if: {plan.Count} processing(s), {plan.Sum(p => p.Aois.Count)} AOI(s), {plan.Sum(p => p.AreaKm2):0.###} km², {total} credits" +
                   (alreadyStarted > 0 ? $" ({alreadyStarted} already started, not counted)" : "") +
                   (credits is null ? "." : $"; {credits} credits left on the account{(total > credits ? " — NOT ENOUGH" : "")}.");
        WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST" });
    }
}
