using System;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>Renames a mosaic or replaces its tags (PUT /rasters/mosaic/{id}, which takes both: what is not given is sent as it is).</summary>
[Cmdlet(VerbsCommon.Set, "MapflowMosaic", SupportsShouldProcess = true)]
[OutputType(typeof(Mosaic))]
public sealed class SetMapflowMosaicCommand : MapflowSessionCmdlet
{
    /// <summary>A mosaic object, id or name; an image stands for its mosaic.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("MosaicId")]
    [ArgumentCompleter(typeof(MosaicCompleter))]
    public object Mosaic { get; set; } = null!;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    /// <summary>The tags the mosaic gets instead of its own; an empty list clears them.</summary>
    [Parameter]
    [Alias("Tags")]
    [AllowEmptyCollection]
    public string[]? Tag { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        if (NewName is null && Tag is null)
        {
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, null,
                "Give -NewName, -Tag or both: nothing else of a mosaic can be set."));
        }
    }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        Mosaic mosaic = null!;
        var reference = Mosaic;
        if (!RunFor(reference, async cancel => mosaic = await ImageryReference.ReadMosaicAsync(session, reference, cancel).ConfigureAwait(false))) return;
        var tags = Tag?.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        var change = string.Join(" and ", new[]
        {
            NewName is null ? null : $"rename it '{NewName}'",
            tags is null ? null : tags.Count == 0 ? "clear its tags" : $"set its tags to {string.Join(", ", tags)}",
        }.Where(c => c != null));
        if (!ShouldProcess($"'{mosaic.Name}' ({mosaic.Id})", $"Change the Mapflow mosaic: {change}")) return;
        var name = NewName ?? mosaic.Name;
        RunFor(mosaic, async cancel =>
        {
            await session.Client.UpdateMosaicAsync(mosaic.Id, name, tags ?? mosaic.Tags, cancel).ConfigureAwait(false);
            if (PassThru) QueueObject(await session.Client.GetMosaicAsync(mosaic.Id, cancel).ConfigureAwait(false));
        });
    }
}
