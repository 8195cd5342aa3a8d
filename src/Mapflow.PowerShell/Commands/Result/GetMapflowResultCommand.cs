using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Writes the features of OK processings' results (GET /processings/{id}/result[?aoiId=]) to the pipeline one by one
/// as the download is read, for Where-Object and friends; nothing goes to disk and the whole result is never held.
/// </summary>
/// <remarks>
/// The reader waits while <see cref="Ahead"/> features are written but not yet taken by the pipeline, so a slow
/// consumer holds the download back instead of piling features up; it runs while this cmdlet pumps (Run), so the
/// wait always ends. A stop downstream (Select-Object -First) ends the download.
/// </remarks>
[Cmdlet(VerbsCommon.Get, "MapflowResult", DefaultParameterSetName = ByObject)]
[OutputType(typeof(ResultFeature))]
public sealed class GetMapflowResultCommand : ProcessingInputCmdlet
{
    private const int Ahead = 1000;
    private readonly SemaphoreSlim _room = new(Ahead);

    /// <summary>Only this AOI's features; bound from the AoiId of Get-MapflowAoi's objects.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public Guid? AoiId { get; set; }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        var aoiId = AoiId;
        if (ByIds)
        {
            foreach (var id in Ids)
            {
                Run(async cancel =>
                {
                    Processing processing;
                    try
                    {
                        processing = await session.Client.GetProcessingAsync(id, cancel).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        QueueFailure(e, id);
                        return;
                    }
                    if (ResultRefusal.Of(processing, "read") is { } refusal) QueueError(refusal);
                    else await ReadAsync(session, processing, aoiId, cancel).ConfigureAwait(false);
                });
            }
            return;
        }
        foreach (var processing in InputObject)
        {
            if (ResultRefusal.Of(processing, "read") is { } refusal)
            {
                // Wait-MapflowProcessing upstream already reported this failure as Processing.Failed.
                if (processing.FailureReported) WriteVerbose(refusal.Exception.Message);
                else WriteError(refusal);
                continue;
            }
            Run(cancel => ReadAsync(session, processing, aoiId, cancel));
        }
    }

    private async Task ReadAsync(MapflowSession session, Processing processing, Guid? aoiId, CancellationToken cancel)
    {
        try
        {
            var count = await session.Client.ReadResultFeaturesAsync(processing.Id, aoiId, feature =>
            {
                _room.Wait(cancel);
                Post(() =>
                {
                    _room.Release();
                    WriteObject(feature);
                });
            }, cancel).ConfigureAwait(false);
            QueueVerbose($"Read {count} feature(s) of the result of '{processing.Name}' ({processing.Id}){(aoiId is { } a ? $", AOI {a}" : "")}.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            QueueFailure(e, processing);
        }
    }

    protected override void ReleaseResources() => _room.Dispose();
}
