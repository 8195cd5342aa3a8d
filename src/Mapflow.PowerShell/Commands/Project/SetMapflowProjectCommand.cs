using System;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>Renames a project or changes its description (PUT /projects/{id}); what is not given stays.</summary>
[Cmdlet(VerbsCommon.Set, "MapflowProject", SupportsShouldProcess = true)]
[OutputType(typeof(Project))]
public sealed class SetMapflowProjectCommand : MapflowSessionCmdlet
{
    /// <summary>A project object, id or name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ArgumentCompleter(typeof(ProjectCompleter))]
    public object Project { get; set; } = null!;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    [Parameter]
    public string? Description { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        if (NewName is null && Description is null)
        {
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, null,
                "Give -NewName, -Description or both: nothing else of a project can be set."));
        }
    }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        Project project = null!;
        var reference = Project;
        if (!RunFor(reference, async cancel => project = await ProjectReference.ReadAsync(session, reference, cancel).ConfigureAwait(false))) return;
        var change = string.Join(" and ", new[] { NewName is null ? null : $"rename it '{NewName}'", Description is null ? null : "set its description" }
            .Where(c => c != null));
        // Asked here, on the pipeline thread, once the project is known by name.
        if (!ShouldProcess($"'{project.Name}' ({project.Id})", $"Change the Mapflow project: {change}")) return;
        var (name, description) = (NewName, Description);
        RunFor(project, async cancel =>
        {
            var updated = await session.Client.UpdateProjectAsync(project.Id, name, description, cancel).ConfigureAwait(false);
            session.ForgetProjects();
            if (PassThru) QueueObject(updated);
        });
    }
}
