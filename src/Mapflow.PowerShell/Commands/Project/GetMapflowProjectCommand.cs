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
                RunEach(Id, async (id, cancel) => await session.Client.GetProjectAsync(id, cancel).ConfigureAwait(false));
                break;
            case ByDefault:
                Run(async cancel => QueueObject(await session.Client.GetDefaultProjectAsync(cancel).ConfigureAwait(false)));
                break;
            default:
                var names = Name ?? Array.Empty<string>();
                Run(async cancel =>
                {
                    var projects = await session.Client.GetProjectsAsync(cancel).ConfigureAwait(false);
                    if (names.Length == 0)
                    {
                        foreach (var project in projects) QueueObject(project);
                        return;
                    }
                    foreach (var name in names)
                    {
                        // An id typed where the name goes is taken as the id.
                        var pattern = WildcardPattern.Get(name, WildcardOptions.IgnoreCase);
                        var matches = projects.Where(p => pattern.IsMatch(p.Name) || Guid.TryParse(name, out var id) && p.Id == id).ToList();
                        foreach (var project in matches) QueueObject(project);
                        if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                            QueueError(ErrorRecords.Create("Mapflow.NotFound", ErrorCategory.ObjectNotFound, name, $"No Mapflow project is called '{name}'."));
                    }
                });
                break;
        }
    }
}
