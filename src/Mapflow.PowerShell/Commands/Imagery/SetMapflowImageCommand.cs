using System;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>Renames an image (PUT /rasters/image/{id}?name=).</summary>
[Cmdlet(VerbsCommon.Set, "MapflowImage", SupportsShouldProcess = true)]
[OutputType(typeof(Image))]
public sealed class SetMapflowImageCommand : MapflowSessionCmdlet
{
    /// <summary>An image object or its id.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object Image { get; set; } = null!;

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string NewName { get; set; } = "";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        Image image = null!;
        var reference = Image;
        if (!RunFor(reference, async cancel => image = await ImageryReference.ReadImageAsync(session, reference, cancel).ConfigureAwait(false))) return;
        if (!ShouldProcess($"'{image.Filename}' ({image.Id})", $"Rename the Mapflow image '{NewName}'")) return;
        var name = NewName;
        RunFor(image, async cancel =>
        {
            var renamed = await session.Client.RenameImageAsync(image.Id, name, cancel).ConfigureAwait(false);
            if (PassThru) QueueObject(renamed);
        });
    }
}
