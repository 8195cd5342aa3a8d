using System;
using System.Management.Automation;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Runs the failed parts of FAILED processings again (POST /processings/{id}/restart/v2), each from its first failed
/// stage, and writes each processing as Mapflow answers: running again, ready for Wait-MapflowProcessing.
/// </summary>
[Cmdlet(VerbsLifecycle.Restart, "MapflowProcessing", DefaultParameterSetName = ByObject, SupportsShouldProcess = true)]
[OutputType(typeof(Processing))]
public sealed class RestartMapflowProcessingCommand : ProcessingInputCmdlet
{
    private const int AtOnce = 8;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        SetThrottle(AtOnce);
    }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        if (ByIds)
        {
            foreach (var id in Ids) Restart(session, id, id.ToString(), id);
        }
        else
        {
            foreach (var processing in InputObject)
            {
                // Mapflow restarts only a FAILED processing; saying so here saves a refused request per object.
                if (processing.Status != ProcessingStatus.Failed)
                {
                    WriteError(ErrorRecords.Create("Processing.NotFailed", ErrorCategory.InvalidOperation, processing,
                        $"Processing '{processing.Name}' ({processing.Id}) has status {processing.Status}; only a FAILED processing can be restarted. " +
                        "To run the same work again anyway, use Start-MapflowProcessing -Force."));
                    continue;
                }
                Restart(session, processing.Id, $"'{processing.Name}' ({processing.Id})", processing);
            }
        }
        PumpReady();
    }

    protected override void EndProcessing() => WaitForAll();

    private void Restart(MapflowSession session, Guid id, string described, object target)
    {
        // Asked here, on the pipeline thread, before the request: a restart may be charged again.
        if (!ShouldProcess(described, "Restart the failed parts of the Mapflow processing")) return;
        Start(async cancel =>
        {
            try
            {
                QueueObject(await session.Client.RestartProcessingAsync(id, cancel).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                QueueFailure(e, target);
            }
        });
    }
}
