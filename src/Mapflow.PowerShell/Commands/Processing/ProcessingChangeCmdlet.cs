using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// A change to each processing from the pipeline (objects or ids), a few at a time. An object that cannot take the
/// change is refused before any request (<see cref="Refusal"/>); ShouldProcess is asked for each one here, on the
/// pipeline thread, before its request starts.
/// </summary>
public abstract class ProcessingChangeCmdlet : ProcessingInputCmdlet
{
    private const int AtOnce = 8;
    private MapflowSession? _session;

    /// <summary>Writes each processing as Mapflow answers once it is changed.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>What ShouldProcess says is done to the processing.</summary>
    protected abstract string Action { get; }

    /// <summary>Why this processing cannot take the change, or null; only objects are checked (an id is for Mapflow to judge).</summary>
    protected virtual ErrorRecord? Refusal(Processing processing) => null;

    /// <summary>Once, before the first request: a check of the account, a look-up the change needs.</summary>
    protected virtual void Prepare(MapflowSession session)
    {
    }

    /// <param name="known">The processing when it came as an object, else null.</param>
    protected abstract Task<Processing> ChangeAsync(MapflowClient client, Guid id, Processing? known, CancellationToken cancel);

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        SetThrottle(AtOnce);
    }

    protected override void ProcessRecord()
    {
        if (ByIds)
        {
            foreach (var id in Ids) Change(id, id.ToString(), null, id);
        }
        else
        {
            foreach (var processing in InputObject)
            {
                if (Refusal(processing) is { } refusal) WriteError(refusal);
                else Change(processing.Id, $"'{processing.Name}' ({processing.Id})", processing, processing);
            }
        }
        PumpReady();
    }

    protected override void EndProcessing() => WaitForAll();

    private void Change(Guid id, string described, Processing? known, object target)
    {
        if (!ShouldProcess(described, Action)) return;
        if (_session is null)
        {
            _session = ResolveSession();
            Prepare(_session);
        }
        var client = _session.Client;
        Start(async cancel =>
        {
            try
            {
                var changed = await ChangeAsync(client, id, known, cancel).ConfigureAwait(false);
                QueueVerbose($"{Action}: done for {described}.");
                if (PassThru) QueueObject(changed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                QueueFailure(e, target);
            }
        });
    }
}
