using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommon.Get, "MapflowProcessing", DefaultParameterSetName = ByProject)]
[OutputType(typeof(Processing))]
public sealed class GetMapflowProcessingCommand : MapflowSessionCmdlet
{
    private const string ByProject = "ByProject";
    private const string ById = "ById";
    private const int PageSize = 100;

    [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProcessingId")]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    /// <summary>A project object, id or name; the default project when omitted.</summary>
    [Parameter(ParameterSetName = ByProject, Position = 0)]
    public object? Project { get; set; }

    /// <summary>Projects from the pipeline, e.g. Get-MapflowProject | Get-MapflowProcessing.</summary>
    [Parameter(ParameterSetName = ByProject, ValueFromPipeline = true)]
    public Project? InputObject { get; set; }

    [Parameter(ParameterSetName = ByProject)]
    [ValidateSet("UNPROCESSED", "IN_PROGRESS", "AWAITING", "OK", "FAILED", "CANCELLED", "REFUNDED", IgnoreCase = true)]
    public string[]? Status { get; set; }

    [Parameter(ParameterSetName = ByProject)]
    [SupportsWildcards]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        if (ParameterSetName == ById)
        {
            RunEach(Id, async (id, cancel) => await session.Client.GetProcessingAsync(id, cancel).ConfigureAwait(false));
            return;
        }

        var project = (object?)InputObject ?? Project;
        var statuses = Status?.Select(s => s.ToUpperInvariant()).ToList();
        var name = Name is null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase);
        Run(async cancel =>
        {
            var projectId = await ProjectReference.ResolveAsync(session, project, cancel).ConfigureAwait(false)
                            ?? (await session.Client.GetDefaultProjectAsync(cancel).ConfigureAwait(false)).Id;
            await foreach (var processing in session.Client.GetProcessingsAsync(projectId, null, PageSize, newestFirst: false, cancel).ConfigureAwait(false))
            {
                if (statuses != null && !statuses.Contains(processing.Status)) continue;
                if (name != null && !name.IsMatch(processing.Name)) continue;
                QueueObject(processing);
            }
        });
    }
}
