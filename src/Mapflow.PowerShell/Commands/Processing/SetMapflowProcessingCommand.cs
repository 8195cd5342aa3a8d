using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Renames processings, changes their description or moves them to another project, sending only what changes: a
/// new name by PUT /processings/{id}/v2 {name, description}, as QGIS renames; a move (projectId) or a description
/// alone by PUT /processings/{id}, the documented route that takes them (mapflow-api.md §4.4, §4.5).
/// </summary>
[Cmdlet(VerbsCommon.Set, "MapflowProcessing", DefaultParameterSetName = ByObject, SupportsShouldProcess = true)]
[OutputType(typeof(Processing))]
public sealed class SetMapflowProcessingCommand : ProcessingChangeCmdlet
{
    private Guid? _targetProject;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    [Parameter]
    public string? Description { get; set; }

    /// <summary>The project to move the processings to: a project object, id or name.</summary>
    [Parameter]
    [ValidateNotNull]
    [ArgumentCompleter(typeof(ProjectCompleter))]
    public object? Project { get; set; }

    protected override string Action => "Change the Mapflow processing: " + string.Join(" and ", new[]
    {
        NewName is null ? null : $"rename it '{NewName}'",
        Description is null ? null : "set its description",
        Project is null ? null : $"move it to project '{Project}'",
    }.Where(c => c != null));

    protected override void BeginProcessing()
    {
        if (NewName is null && Description is null && Project is null)
        {
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, null,
                "Give -NewName, -Description, -Project or several: nothing else of a processing can be set."));
        }
        base.BeginProcessing();
    }

    /// <summary>The project to move to, by name too: a name that is no project's ends the command before any change.</summary>
    protected override void Prepare(MapflowSession session)
    {
        if (Project is null) return;
        var reference = Project;
        Run(async cancel => _targetProject = await ProjectReference.ResolveAsync(session, reference, cancel).ConfigureAwait(false));
    }

    protected override async Task<Processing> ChangeAsync(MapflowClient client, Guid id, Processing? known, CancellationToken cancel)
    {
        // A processing already in the target project is not moved again.
        var moveTo = _targetProject is { } target && known?.ProjectId != target ? target : (Guid?)null;
        Processing? changed = null;
        // The v2 route needs the name, so a description alone goes with the move route, which takes either.
        var descriptionAlone = NewName is null ? Description : null;
        if (moveTo is not null || descriptionAlone is not null)
            changed = await client.UpdateProcessingV1Async(id, descriptionAlone, moveTo, cancel).ConfigureAwait(false);
        if (NewName is { } name)
            return await client.RenameProcessingAsync(id, name, Description, cancel).ConfigureAwait(false);
        // The v1 route answers with v1 params; what is written is the v2 object.
        return changed is null || !PassThru ? changed ?? known! : await client.GetProcessingAsync(id, cancel).ConfigureAwait(false);
    }
}
