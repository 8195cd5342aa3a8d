using System;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>Creates an empty mosaic in the data catalog (POST /rasters/mosaic) and writes it.</summary>
[Cmdlet(VerbsCommon.New, "MapflowMosaic", SupportsShouldProcess = true)]
[OutputType(typeof(Mosaic))]
public sealed class NewMapflowMosaicCommand : MapflowSessionCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Tags")]
    public string[] Tag { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        if (!ShouldProcess(Name, "Create Mapflow mosaic")) return;
        var (name, tags) = (Name, Tag.Where(t => !string.IsNullOrWhiteSpace(t)).ToList());
        Run(async cancel =>
        {
            var created = await session.Client.CreateMosaicAsync(name, tags, cancel).ConfigureAwait(false);
            // The create's answer lacks the footprint, size and layer; the mosaic as a read gives it is written, and
            // when that read fails, the mosaic as created: it exists, and saying otherwise would make a second one.
            try
            {
                created = await session.Client.GetMosaicAsync(created.Id, cancel).ConfigureAwait(false);
            }
            catch (Exception e) when (Mapflow.Client.MapflowFailures.IsOfOneRequest(e))
            {
                QueueWarning($"Mosaic '{created.Name}' ({created.Id}) was created, but reading it back failed ({e.Message}); it is written as the create answered.");
            }
            QueueObject(created);
        });
    }
}
