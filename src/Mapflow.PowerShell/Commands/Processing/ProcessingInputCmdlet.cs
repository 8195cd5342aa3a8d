using System;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>A cmdlet that acts on processings: objects from the pipeline, or ids (also from objects' Id or ProcessingId).</summary>
public abstract class ProcessingInputCmdlet : MapflowSessionCmdlet
{
    protected const string ByObject = "ByObject";
    protected const string ById = "ById";

    [Parameter(ParameterSetName = ByObject, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public Processing[] InputObject { get; set; } = Array.Empty<Processing>();

    [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProcessingId")]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    protected bool ByIds => ParameterSetName == ById;
}
