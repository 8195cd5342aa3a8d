using System;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>Writes the account's mosaics (GET /rasters/mosaic), by name (wildcards), by tag, or by id.</summary>
[Cmdlet(VerbsCommon.Get, "MapflowMosaic", DefaultParameterSetName = ByName)]
[OutputType(typeof(Mosaic))]
public sealed class GetMapflowMosaicCommand : MapflowSessionCmdlet
{
    private const string ByName = "ByName";
    private const string ById = "ById";

    [Parameter(ParameterSetName = ByName, Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(MosaicCompleter))]
    public string[]? Name { get; set; }

    /// <summary>Mosaics that carry any of these tags; the service filters.</summary>
    [Parameter(ParameterSetName = ByName)]
    [Alias("Tags")]
    public string[]? Tag { get; set; }

    [Parameter(ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    /// <summary>The mosaic of piped images. In the same set as -Id, so an image binds both, and this one wins: its Id is not a mosaic's.</summary>
    [Parameter(ParameterSetName = ById, ValueFromPipelineByPropertyName = true)]
    public Guid[] MosaicId { get; set; } = Array.Empty<Guid>();

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        if (ParameterSetName == ById)
        {
            RunEach(MosaicId.Length > 0 ? MosaicId : Id, async (id, cancel) => await session.Client.GetMosaicAsync(id, cancel).ConfigureAwait(false));
            return;
        }
        var filter = new NameFilter(Name);
        var tags = Tag;
        Run(async cancel =>
        {
            var mosaics = await session.Client.GetMosaicsAsync(tags, cancel).ConfigureAwait(false);
            // An id typed where the name goes is taken as the id.
            foreach (var mosaic in mosaics.Where(m => filter.Matches((name, pattern) => pattern.IsMatch(m.Name) || Guid.TryParse(name, out var id) && m.Id == id)))
                QueueObject(mosaic);
            foreach (var error in filter.NotFound(n => $"No Mapflow mosaic{(tags is { Length: > 0 } ? " with these tags" : "")} is called '{n}'."))
                QueueError(error);
        });
    }
}
