using System;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>Writes the images of mosaics (GET /rasters/mosaic/{id}/image), optionally by file name (wildcards), or images by id.</summary>
[Cmdlet(VerbsCommon.Get, "MapflowImage", DefaultParameterSetName = ByMosaic)]
[OutputType(typeof(Image))]
public sealed class GetMapflowImageCommand : MapflowSessionCmdlet
{
    private const string ByMosaic = "ByMosaic";
    private const string ById = "ById";

    /// <summary>Mosaic objects, ids or names.</summary>
    [Parameter(ParameterSetName = ByMosaic, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("MosaicId")]
    [ArgumentCompleter(typeof(MosaicCompleter))]
    public object[] Mosaic { get; set; } = Array.Empty<object>();

    /// <summary>Only the images whose file name matches one of these.</summary>
    [Parameter(ParameterSetName = ByMosaic, Position = 1)]
    [SupportsWildcards]
    [Alias("Filename")]
    public string[]? Name { get; set; }

    [Parameter(ParameterSetName = ById, Mandatory = true)]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        if (ParameterSetName == ById)
        {
            RunEach(Id, async (id, cancel) => await session.Client.GetImageAsync(id, cancel).ConfigureAwait(false));
            return;
        }
        foreach (var reference in Mosaic)
        {
            var filter = new NameFilter(Name);
            Run(async cancel =>
            {
                try
                {
                    var mosaic = await ImageryReference.ReadMosaicAsync(session, reference, cancel).ConfigureAwait(false);
                    var images = await session.Client.GetImagesAsync(mosaic.Id, cancel).ConfigureAwait(false);
                    foreach (var image in images.Where(i => filter.Matches((_, pattern) => pattern.IsMatch(i.Filename))))
                        QueueObject(image);
                    foreach (var error in filter.NotFound(n => $"Mosaic '{mosaic.Name}' has no image called '{n}'."))
                        QueueError(error);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, reference);
                }
            });
        }
    }
}
