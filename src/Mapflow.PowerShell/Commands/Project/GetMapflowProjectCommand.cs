using System;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommon.Get, "MapflowProject", DefaultParameterSetName = ByName, SupportsPaging = true)]
[OutputType(typeof(Project))]
public sealed class GetMapflowProjectCommand : MapflowSessionCmdlet
{
    private const string ByName = "ByName";
    private const string ById = "ById";
    private const string ByDefault = "Default";
    private PageWindow _window = null!;

    [Parameter(ParameterSetName = ByName, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ProjectCompleter))]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    /// <summary>
    /// The project of piped objects that belong to one, such as processings. In the same set as -Id, so an object with
    /// both (a processing) binds both, and this one wins: its Id is not a project's.
    /// </summary>
    [Parameter(ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
    public Guid[] ProjectId { get; set; } = Array.Empty<Guid>();

    [Parameter(ParameterSetName = ByDefault, Mandatory = true)]
    public SwitchParameter Default { get; set; }

    protected override void BeginProcessing()
    {
        _window = new PageWindow(PagingParameters);
        // Only command-line arguments are bound yet: both given there is a mistake, not a processing piped in.
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Id)) && MyInvocation.BoundParameters.ContainsKey(nameof(ProjectId)))
        {
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, null,
                "Give -Id or -ProjectId, not both."));
        }
    }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        switch (ParameterSetName)
        {
            case ById:
                var ids = ProjectId.Length > 0 ? ProjectId : Id;
                RunEach(ids.Where(_ => _window.Take()), async (id, cancel) => await session.Client.GetProjectAsync(id, cancel).ConfigureAwait(false));
                break;
            case ByDefault:
                Run(async cancel =>
                {
                    var project = await session.Client.GetDefaultProjectAsync(cancel).ConfigureAwait(false);
                    if (_window.Take()) QueueObject(project);
                });
                break;
            default:
                var filter = new NameFilter(Name);
                Run(async cancel =>
                {
                    var projects = await session.GetProjectsAsync(refresh: true, cancel).ConfigureAwait(false);
                    // An id typed where the name goes is taken as the id.
                    foreach (var project in projects.Where(p => filter.Matches((name, pattern) => pattern.IsMatch(p.Name) || Guid.TryParse(name, out var id) && p.Id == id)))
                        if (_window.Take()) QueueObject(project);
                    foreach (var error in filter.NotFound(n => $"No Mapflow project is called '{n}'."))
                        QueueError(error);
                });
                break;
        }
    }

    protected override void EndProcessing() => _window.WriteTotal(this);
}
