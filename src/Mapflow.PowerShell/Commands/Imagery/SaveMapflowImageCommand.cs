using System;
using System.IO;
using System.Management.Automation;
using Mapflow.Client.Imagery;
using Mapflow.Client.Results;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Saves images' files into a folder through their presigned download links, never sending the API's credential
/// there: each into a hidden .partial file, checked against the image's size and SHA-1, then renamed into place.
/// A file already there with the image's bytes is skipped, another one is not replaced, unless -Force.
/// </summary>
[Cmdlet(VerbsData.Save, "MapflowImage", SupportsShouldProcess = true)]
[OutputType(typeof(SavedImage))]
public sealed class SaveMapflowImageCommand : MapflowSessionCmdlet
{
    private const int ProgressId = 2;
    private string _folder = "";
    private DateTime _runStart;

    /// <summary>Image objects or ids.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object[] Image { get; set; } = Array.Empty<object>();

    /// <summary>The folder to save into, made when missing; the current one by default.</summary>
    [Parameter(Position = 1)]
    public string Path { get; set; } = ".";

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void BeginProcessing()
    {
        _folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        _runStart = DateTime.UtcNow;
        if (File.Exists(_folder))
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, Path,
                $"-Path must be a folder; '{_folder}' is a file."));
    }

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        foreach (var reference in Image)
        {
            Image image = null!;
            string path = null!;
            var saved = false;
            Run(async cancel =>
            {
                try
                {
                    image = await ImageryReference.ReadImageAsync(session, reference, cancel).ConfigureAwait(false);
                    path = System.IO.Path.Combine(_folder, SafeFileName.Stem(image.Filename));
                    saved = !Force && await ImageDownloader.IsSavedAsync(image, path, cancel).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, reference);
                }
            });
            if (image is null) continue;
            // Mapflow answers 403 for such an image; said here, with why, instead of a refusal that reads like a permission problem.
            if (image.AvailableForDownload == false)
            {
                WriteError(ErrorRecords.Create("Image.NotDownloadable", ErrorCategory.InvalidOperation, image,
                    $"Image '{image.Filename}' ({image.Id}) is not available for download (available_for_download is false: it was not ingested for download). Nothing was requested."));
                continue;
            }
            if (saved)
            {
                WriteVerbose($"'{path}' holds this image already (same size and SHA-1); skipped (use -Force to download again).");
                continue;
            }
            // Another image of the same name (from another mosaic, or renamed) is not overwritten unasked.
            if (File.Exists(path) && !Force)
            {
                WriteError(ErrorRecords.Create("Image.FileExists", ErrorCategory.ResourceExists, image,
                    $"'{path}' is already there and is not this image's file; use -Force to replace it, or save into another folder."));
                continue;
            }
            if (!ShouldProcess(path, $"Save Mapflow image '{image.Filename}' ({image.Id})")) continue;
            try
            {
                Directory.CreateDirectory(_folder);
                foreach (var stale in PartialFiles.RemoveStale(_folder, _runStart))
                    WriteVerbose($"Removed '{stale}', left by an earlier run that did not finish.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorRecords.Create("Mapflow.IOError", ErrorCategory.WriteError, _folder, $"The folder '{_folder}' cannot be written: {e.Message}", e));
            }
            var size = image.FileSize;
            var progress = new DownloadProgress(this, image.Filename, size);
            Run(async cancel =>
            {
                try
                {
                    QueueObject(await new ImageDownloader(session.Client).DownloadAsync(image, path, progress, cancel).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, image);
                }
                QueueProgress(new ProgressRecord(ProgressId, "Saving Mapflow imagery", "Done") { RecordType = ProgressRecordType.Completed });
            });
        }
    }

    private sealed class DownloadProgress : IProgress<long>
    {
        private readonly SaveMapflowImageCommand _cmdlet;
        private readonly string _name;
        private readonly long? _size;

        public DownloadProgress(SaveMapflowImageCommand cmdlet, string name, long? size) => (_cmdlet, _name, _size) = (cmdlet, name, size);

        public void Report(long value) =>
            _cmdlet.QueueProgress(new ProgressRecord(ProgressId, "Saving Mapflow imagery", $"{_name}: {UploadPlan.Bytes(value)}" + (_size is { } s ? $" of {UploadPlan.Bytes(s)}" : ""))
            {
                PercentComplete = _size is > 0 ? (int)Math.Min(100, value * 100 / _size.Value) : -1,
            });
    }
}
