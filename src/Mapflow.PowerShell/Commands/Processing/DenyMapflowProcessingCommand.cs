using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;
using Mapflow.Client.Review;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Rejects results waiting for review (PUT /processings/{id}/rejection {comment, features}), with the areas where
/// they are wrong as a GeoJSON FeatureCollection (empty without -ProblemArea); Mapflow then reviews them again.
/// </summary>
[Cmdlet(VerbsLifecycle.Deny, "MapflowProcessing", DefaultParameterSetName = ByObject, SupportsShouldProcess = true)]
[OutputType(typeof(Processing))]
public sealed class DenyMapflowProcessingCommand : ProcessingReviewCmdlet
{
    private JsonObject _features = null!;

    /// <summary>What is wrong with the result, for the reviewers.</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Comment { get; set; } = "";

    /// <summary>Where it is wrong: AOIs (Import-MapflowAoi, Get-MapflowAoi) or GeoJSON text (a geometry, a Feature or a FeatureCollection).</summary>
    [Parameter]
    public object[]? ProblemArea { get; set; }

    protected override string Action => "Reject the result of the Mapflow processing" + (ProblemArea is { Length: > 0 } areas ? $", marking {areas.Length} problem area(s)" : "");

    protected override void BeginProcessing()
    {
        try
        {
            _features = ProblemAreas.ToFeatureCollection((ProblemArea ?? Array.Empty<object>()).Select(GeoJsonOf));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, ProblemArea));
        }
        base.BeginProcessing();
    }

    private static string GeoJsonOf(object area) => (area is PSObject ps ? ps.BaseObject : area) switch
    {
        Aoi aoi => aoi.ToGeoJson(),
        ProcessingAoi { Geometry: { } geometry } => geometry,
        string text => text,
        var other => throw new ArgumentException($"-ProblemArea takes AOIs or GeoJSON text, not a {other?.GetType().Name ?? "null"}."),
    };

    protected override Task<Processing> ChangeAsync(MapflowClient client, Guid id, Processing? known, CancellationToken cancel) =>
        client.RejectProcessingAsync(id, Comment, (JsonObject)_features.DeepClone(), cancel);
}
