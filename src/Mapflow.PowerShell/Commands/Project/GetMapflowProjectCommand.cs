using System;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommon.Get, "MapflowProject", DefaultParameterSetName = ByName)]
[OutputType(typeof(Project))]
public sealed class GetMapflowProjectCommand : MapflowSessionCmdlet
{
    private const string ByName = "ByName";
    private const string ById = "ById";
    private const string ByDefault = "Default";

    [Parameter(ParameterSetName = ByName, Position = 0)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectId")]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    [Parameter(ParameterSetName = ByDefault, Mandatory = true)]
    public SwitchParameter Default { get; set; }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        switch (ParameterSetName)
        {
            case ById:
                foreach (var id in Id)
                {
                    Run(async cancel =>
                    {
                        try
                        {
                            QueueObject(await session.Client.GetProjectAsync(id, cancel).ConfigureAwait(false));
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            QueueFailure(e, id);
                        }
                    });
                }
                break;
            case ByDefault:
                Run(async cancel => QueueObject(await session.Client.GetDefaultProjectAsync(cancel).ConfigureAwait(false)));
                break;
            default:
                var patterns = Name?.Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
                Run(async cancel =>
                {
                    var projects = await session.Client.GetProjectsAsync(cancel).ConfigureAwait(false);
                    foreach (var project in projects.Where(p => patterns is null || patterns.Any(w => w.IsMatch(p.Name))))
                        QueueObject(project);
                });
                break;
        }
    }
}
