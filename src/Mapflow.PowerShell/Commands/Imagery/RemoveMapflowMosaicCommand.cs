using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mapflow.Client.Imagery;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Deletes mosaics with all their images (DELETE /rasters/mosaic/{id}), after one confirmation that says how many
/// images and bytes go with them; the storage they took is freed.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MapflowMosaic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Mosaic))]
public sealed class RemoveMapflowMosaicCommand : MapflowSessionCmdlet
{
    private readonly List<object> _references = new();

    /// <summary>Mosaic objects, ids or names; an image stands for its mosaic.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("MosaicId")]
    [ArgumentCompleter(typeof(MosaicCompleter))]
    public object[] Mosaic { get; set; } = Array.Empty<object>();

    /// <summary>Deletes without asking, for scripts; -WhatIf still only tells.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => _references.AddRange(Mosaic);

    protected override void EndProcessing()
    {
        var session = ResolveSession();
        // Each mosaic read fresh, with the number of images it holds now.
        var found = ReadAll(_references, async (reference, cancel) =>
        {
            var mosaic = await ImageryReference.ReadMosaicAsync(session, reference, cancel).ConfigureAwait(false);
            var images = await session.Client.GetImagesAsync(mosaic.Id, cancel).ConfigureAwait(false);
            return (Mosaic: mosaic, Images: images.Count);
        });

        var doomed = found.GroupBy(f => f.Mosaic.Id).Select(g => g.First()).ToList();
        if (doomed.Count == 0) return;
        var images = doomed.Sum(d => d.Images);
        var bytes = doomed.Sum(d => d.Mosaic.SizeInBytes ?? 0);
        var names = FirstFew(doomed, d => $"'{d.Mosaic.Name}' ({d.Images} image(s))");
        var target = doomed.Count == 1 ? names : $"{doomed.Count} mosaics: {names}";
        if (!ShouldProcessUnlessForced(Force, target,
                $"Delete {doomed.Count} Mapflow mosaic(s) with their {images} image(s) ({UploadPlan.Bytes(bytes)}), for good")) return;
        DeleteEach(doomed.Select(d => d.Mosaic), (m, cancel) => session.Client.DeleteMosaicAsync(m.Id, cancel), m => $"Deleted mosaic '{m.Name}' ({m.Id}).", PassThru);
    }
}
