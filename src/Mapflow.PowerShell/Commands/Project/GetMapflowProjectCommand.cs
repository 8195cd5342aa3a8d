using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Projects by name (wildcards), by id, or the default one. Names are listed through POST /projects/page, a page at a
/// time, narrowed by the server's name filter where one name allows it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MapflowProject", DefaultParameterSetName = ByName, SupportsPaging = true)]
[OutputType(typeof(Project))]
public sealed class GetMapflowProjectCommand : MapflowSessionCmdlet
{
    private const string ByName = "ByName";
    private const string ById = "ById";
    private const string ByDefault = "Default";

    // QGIS asks for 20; no source states a server maximum (the emulator caps at 50), so paging follows what comes back.
    private const int PageSize = 50;
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
                var terms = ServerFilter(Name);
                // Unfiltered, -First n needs no more than n projects: a smaller page stops the reading sooner.
                var pageSize = filter.IsEmpty && _window.Needed is { } needed ? (int)Math.Max(1, Math.Min(PageSize, needed)) : PageSize;
                Run(async cancel =>
                {
                    // An id typed where the name goes is taken as the id.
                    await foreach (var project in session.Client.FindProjectsAsync(terms, pageSize, cancel).ConfigureAwait(false))
                    {
                        if (!filter.Matches((name, pattern) => pattern.IsMatch(project.Name) || Guid.TryParse(name, out var id) && project.Id == id) || !_window.Take()) continue;
                        QueueObject(project);
                        // Full: the names not met yet may be in the pages left unread, so none is reported missing.
                        if (_window.IsFull) return;
                    }
                    foreach (var error in filter.NotFound(n => $"No Mapflow project is called '{n}'."))
                        QueueError(error);
                });
                break;
        }
    }

    /// <summary>
    /// The text POST /projects/page may filter names by (a substring): for one name, its longest run of plain
    /// characters, so the server sends fewer pages and the exact wildcard match is still made here. None for several
    /// names, an id, or a pattern with [ranges] or escapes, whose plain runs say nothing certain.
    /// </summary>
    private static string? ServerFilter(string[]? names)
    {
        if (names is not { Length: 1 } || Guid.TryParse(names[0], out _) || names[0].IndexOfAny(new[] { '[', ']', '`' }) >= 0) return null;
        var longest = names[0].Split('*', '?').OrderByDescending(run => run.Length).First();
        return longest.Length > 0 ? longest : null;
    }

    protected override void EndProcessing() => _window.WriteTotal(this);
}
