using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommon.New, "MapflowProject", SupportsShouldProcess = true)]
[OutputType(typeof(Project))]
public sealed class NewMapflowProjectCommand : MapflowSessionCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        if (!ShouldProcess(Name, "Create Mapflow project")) return;
        var name = Name;
        var description = Description;
        Run(async cancel => QueueObject(await session.Client.CreateProjectAsync(name, description, cancel).ConfigureAwait(false)));
    }
}
