using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

/// <summary>Rates the result of OK processings from 1 to 5, with feedback (PUT /processings/{id}/rate {rating, feedback}).</summary>
[Cmdlet(VerbsCommon.Set, "MapflowProcessingRating", DefaultParameterSetName = ByObject, SupportsShouldProcess = true)]
[OutputType(typeof(Processing))]
public sealed class SetMapflowProcessingRatingCommand : ProcessingChangeCmdlet
{
    [Parameter(Mandatory = true)]
    [ValidateRange(1, 5)]
    public int Rating { get; set; }

    [Parameter]
    public string? Feedback { get; set; }

    protected override string Action => $"Rate the result of the Mapflow processing {Rating} of 5";

    /// <summary>QGIS rates only a processing that finished OK; saying so here saves a refused request.</summary>
    protected override ErrorRecord? Refusal(Processing processing) => processing.Status == ProcessingStatus.Ok
        ? null
        : ErrorRecords.Create("Processing.NotOk", ErrorCategory.InvalidOperation, processing,
            $"Processing '{processing.Name}' ({processing.Id}) has status {processing.Status}; only an OK processing can be rated.");

    protected override Task<Processing> ChangeAsync(MapflowClient client, Guid id, Processing? known, CancellationToken cancel) =>
        client.RateProcessingAsync(id, Rating, Feedback, cancel);
}
