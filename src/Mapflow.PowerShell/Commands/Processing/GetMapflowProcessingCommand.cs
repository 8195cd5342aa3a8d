using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommon.Get, "MapflowProcessing", DefaultParameterSetName = ByProject, SupportsPaging = true)]
[OutputType(typeof(Processing))]
public sealed class GetMapflowProcessingCommand : MapflowSessionCmdlet
{
    private const string ByProject = "ByProject";
    private const string ById = "ById";
    private const int PageSize = 100;
    private PageWindow _window = null!;

    [Parameter(ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    /// <summary>The processing of piped objects that belong to one (an AOI, a saved result); wins over their own Id.</summary>
    [Parameter(ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
    public Guid[] ProcessingId { get; set; } = Array.Empty<Guid>();

    /// <summary>A project object, id or name; the default project when omitted. A processing's id gets that processing.</summary>
    [Parameter(ParameterSetName = ByProject, Position = 0)]
    [ArgumentCompleter(typeof(ProjectCompleter))]
    public object? Project { get; set; }

    /// <summary>Projects from the pipeline, e.g. Get-MapflowProject | Get-MapflowProcessing.</summary>
    [Parameter(ParameterSetName = ByProject, ValueFromPipeline = true)]
    public Project? InputObject { get; set; }

    [Parameter(ParameterSetName = ByProject)]
    [ValidateSet("UNPROCESSED", "IN_PROGRESS", "AWAITING", "OK", "FAILED", "CANCELLED", "REFUNDED", IgnoreCase = true)]
    public string[]? Status { get; set; }

    [Parameter(ParameterSetName = ByProject)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void BeginProcessing()
    {
        RefuseBothIds();
        _window = new PageWindow(PagingParameters);
    }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        if (ParameterSetName == ById)
        {
            RunEach(ProcessingIdsOf(Id, ProcessingId).Where(_ => _window.Take()), async (id, cancel) => await session.Client.GetProcessingAsync(id, cancel).ConfigureAwait(false));
            return;
        }
        if (_window.IsFull) return;

        var project = (object?)InputObject ?? Project;
        // Get-MapflowProcessing <id> is as likely a processing's id (copied from a table) as a project's.
        var either = InputObject is null ? ProjectReference.AsId(Project) : null;
        var statuses = Status?.Select(s => s.ToUpperInvariant()).ToList();
        var names = new NameFilter(Name);
        bool Keep(Processing p) => (statuses is null || statuses.Contains(p.Status)) && names.Matches((_, pattern) => pattern.IsMatch(p.Name));
        Run(async cancel =>
        {
            if (either is { } id && await FindProcessingAsync(session, id, cancel).ConfigureAwait(false) is { } single)
            {
                if (Keep(single) && _window.Take()) QueueObject(single);
                return;
            }
            var projectId = await ProjectReference.ResolveAsync(session, project, cancel).ConfigureAwait(false)
                            ?? (await session.Client.GetDefaultProjectAsync(cancel).ConfigureAwait(false)).Id;
            // Unfiltered, -First n needs no more than n processings: a smaller page stops the reading sooner.
            var pageSize = statuses is null && names.IsEmpty && _window.Needed is { } needed ? (int)Math.Max(1, Math.Min(PageSize, needed)) : PageSize;
            try
            {
                await foreach (var processing in session.Client.GetProcessingsAsync(projectId, null, pageSize, newestFirst: false, cancel).ConfigureAwait(false))
                {
                    if (!Keep(processing) || !_window.Take()) continue;
                    QueueObject(processing);
                    if (_window.IsFull) return;
                }
            }
            catch (MapflowApiException e) when (either is { } unknown && e.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ItemNotFoundException($"No Mapflow processing or project has the id {unknown}.", e);
            }
            var where = project is null ? "in the default project" : $"in project '{project}'";
            var with = statuses is null ? "" : $" with status {string.Join(" or ", statuses)}";
            foreach (var error in names.NotFound(n => $"No Mapflow processing{with} {where} is called '{n}'."))
                QueueError(error);
        });
    }

    protected override void EndProcessing() => _window.WriteTotal(this);

    /// <summary>The processing with this id, or null when there is none (so the id may be a project's).</summary>
    private static async Task<Processing?> FindProcessingAsync(MapflowSession session, Guid id, CancellationToken cancel)
    {
        try
        {
            return await session.Client.GetProcessingAsync(id, cancel).ConfigureAwait(false);
        }
        catch (MapflowApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
