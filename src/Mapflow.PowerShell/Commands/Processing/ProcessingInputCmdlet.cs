using System;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>A cmdlet that acts on processings: objects from the pipeline, or ids (also from objects' Id or ProcessingId).</summary>
public abstract class ProcessingInputCmdlet : MapflowSessionCmdlet
{
    protected const string ByObject = "ByObject";
    protected const string ById = "ById";

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Processing")]
    public Processing[] InputObject { get; set; } = Array.Empty<Processing>();

    [Parameter(ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    /// <summary>
    /// The processing of piped objects that belong to one (an AOI, a saved result). In the set of -Id, so an object
    /// with both binds both, and this one wins: such an object's own Id is not a processing's.
    /// </summary>
    [Parameter(ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
    public Guid[] ProcessingId { get; set; } = Array.Empty<Guid>();

    protected bool ByIds => ParameterSetName == ById;

    /// <summary>The ids of this input: -ProcessingId when given, else -Id.</summary>
    protected Guid[] Ids => ProcessingIdsOf(Id, ProcessingId);

    protected override void BeginProcessing() => RefuseBothIds();
}
