using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

/// <summary>Accepts results waiting for review (PUT /processings/{id}/acceptation, no body).</summary>
[Cmdlet(VerbsLifecycle.Approve, "MapflowProcessing", DefaultParameterSetName = ByObject, SupportsShouldProcess = true)]
[OutputType(typeof(Processing))]
public sealed class ApproveMapflowProcessingCommand : ProcessingReviewCmdlet
{
    protected override string Action => "Accept the result of the Mapflow processing";

    protected override Task<Processing> ChangeAsync(MapflowClient client, Guid id, Processing? known, CancellationToken cancel) =>
        client.AcceptProcessingAsync(id, cancel);
}
