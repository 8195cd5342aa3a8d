using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Mapflow.Client.Imagery;

namespace Mapflow.PowerShell.Commands;

/// <summary>Deletes images from their mosaics (DELETE /rasters/image/{id}) after one confirmation; their storage is freed.</summary>
[Cmdlet(VerbsCommon.Remove, "MapflowImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Image))]
public sealed class RemoveMapflowImageCommand : MapflowSessionCmdlet
{
    private readonly List<object> _references = new();

    /// <summary>Image objects or ids.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object[] Image { get; set; } = Array.Empty<object>();

    /// <summary>Deletes without asking, for scripts; -WhatIf still only tells.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() => _references.AddRange(Image);

    protected override void EndProcessing()
    {
        var session = ResolveSession();
        var found = ReadAll(_references, (reference, cancel) => ImageryReference.ReadImageAsync(session, reference, cancel));
        var doomed = found.GroupBy(i => i.Id).Select(g => g.First()).ToList();
        if (doomed.Count == 0) return;
        var names = FirstFew(doomed, i => $"'{i.Filename}'");
        var target = doomed.Count == 1 ? names : $"{doomed.Count} images: {names}";
        if (!ShouldProcessUnlessForced(Force, target,
                $"Delete {doomed.Count} Mapflow image(s) ({UploadPlan.Bytes(doomed.Sum(i => i.FileSize ?? 0))}), for good")) return;
        DeleteEach(doomed, (i, cancel) => session.Client.DeleteImageAsync(i.Id, cancel), i => $"Deleted image '{i.Filename}' ({i.Id}).", PassThru);
    }
}
