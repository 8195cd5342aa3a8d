using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using Mapflow.Client.Imagery;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Uploads GeoTIFF files to a mosaic (POST /rasters/mosaic/{id}/image), one after another as QGIS does, under one
/// progress bar over all their bytes. Before anything is sent, each file is checked locally (a georeferenced TIFF)
/// and against the account's limits (maxUploadFileSize, maxPixelCount, the free storage); a file refused, or
/// failing on the way, is an error of its own and the others go on. Writes each image once it is there.
/// </summary>
[Cmdlet(VerbsCommon.Add, "MapflowImage", SupportsShouldProcess = true, DefaultParameterSetName = ByPath)]
[OutputType(typeof(Image))]
public sealed class AddMapflowImageCommand : MapflowSessionCmdlet
{
    private const string ByPath = "Path";
    private const string ByLiteralPath = "LiteralPath";
    private const int ProgressId = 1;
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(200);
    private readonly List<(string Path, object Mosaic)> _files = new();

    /// <summary>The mosaic to add to: a mosaic object, its id or its name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("MosaicId")]
    [ArgumentCompleter(typeof(MosaicCompleter))]
    public object Mosaic { get; set; } = null!;

    [Parameter(ParameterSetName = ByPath, Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [SupportsWildcards]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = ByLiteralPath, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (var path in ParameterSetName == ByLiteralPath ? LiteralPath : Path)
        {
            try
            {
                var resolved = ParameterSetName == ByLiteralPath
                    ? new[] { SessionState.Path.GetUnresolvedProviderPathFromPSPath(path) }
                    : GetResolvedProviderPathFromPSPath(path, out _).ToArray();
                foreach (var file in resolved) _files.Add((file, Mosaic));
            }
            catch (Exception e) when (e is ItemNotFoundException or DriveNotFoundException or ProviderNotFoundException)
            {
                WriteError(new ErrorRecord(e, "Image.PathNotFound", ErrorCategory.ObjectNotFound, path));
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_files.Count == 0) return;
        var session = ResolveSession();

        // Local checks first: a file that is no GeoTIFF costs no request.
        var files = new List<(GeoTiffFile File, object Mosaic)>();
        foreach (var (path, mosaic) in _files)
        {
            try
            {
                files.Add((GeoTiffFile.Read(path), mosaic));
            }
            catch (Exception e) when (e is ImageFileException or System.IO.IOException or UnauthorizedAccessException)
            {
                WriteError(e is ImageFileException ? ErrorRecords.From(e, path) : new ErrorRecord(e, "Image.PathNotFound", ErrorCategory.ReadError, path));
            }
        }
        if (files.Count == 0) return;

        ImageryStorage storage = null!;
        var mosaics = new Dictionary<object, Mosaic>();
        Run(async cancel =>
        {
            storage = await session.Client.GetImageryStorageAsync(cancel).ConfigureAwait(false);
            foreach (var reference in files.Select(f => f.Mosaic).Distinct())
            {
                try
                {
                    var mosaic = await ImageryReference.ReadMosaicAsync(session, reference, cancel).ConfigureAwait(false);
                    Post(() => mosaics[reference] = mosaic);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, reference);
                }
            }
        });

        var plan = UploadPlan.For(files.Where(f => mosaics.ContainsKey(f.Mosaic)).Select(f => f.File), storage);
        foreach (var refused in plan.Refused) WriteError(ErrorRecords.From(refused, refused.Path));
        var mosaicOf = files.ToDictionary(f => f.File, f => f.Mosaic);
        var uploads = plan.Accepted
            .Select(f => (File: f, Mosaic: mosaics[mosaicOf[f]]))
            .Where(u => ShouldProcess($"'{u.File.Path}' ({UploadPlan.Bytes(u.File.Length)})", $"Upload to Mapflow mosaic '{u.Mosaic.Name}'"))
            .ToList();
        if (uploads.Count == 0) return;

        var progress = new UploadProgress(this, uploads.Sum(u => u.File.Length), uploads.Count);
        Run(async cancel =>
        {
            foreach (var (file, mosaic) in uploads)
            {
                progress.Begin(file);
                try
                {
                    QueueObject(await session.Client.UploadImageAsync(mosaic.Id, file.Path, progress, cancel).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, file.Path);
                }
                progress.End(file);
            }
            progress.Complete();
        });
    }

    /// <summary>One bar over every file's bytes, with the rate; at most one record per <see cref="ProgressInterval"/>.</summary>
    private sealed class UploadProgress : IProgress<long>
    {
        private readonly AddMapflowImageCommand _cmdlet;
        private readonly long _total;
        private readonly int _count;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;
        private int _index;
        private string _name = "";
        private long _length;
        private TimeSpan? _last;

        public UploadProgress(AddMapflowImageCommand cmdlet, long total, int count)
        {
            _cmdlet = cmdlet;
            _total = Math.Max(1, total);
            _count = count;
        }

        public void Begin(GeoTiffFile file)
        {
            _index++;
            _name = file.Name;
            _length = file.Length;
            Report(0);
        }

        /// <summary>The file's bytes count as done whether it went up or failed, so the bar never goes back.</summary>
        public void End(GeoTiffFile file) => _done += file.Length;

        public void Report(long value)
        {
            var now = _clock.Elapsed;
            // A file's start and end always show; what lies between, at most once an interval.
            if (_last is { } last && now - last < ProgressInterval && value != 0 && value != _length) return;
            _last = now;
            var sent = _done + value;
            var rate = now.TotalSeconds > 0 ? sent / now.TotalSeconds : 0;
            _cmdlet.QueueProgress(new ProgressRecord(ProgressId, "Uploading imagery to Mapflow",
                $"{UploadPlan.Bytes(sent)} of {UploadPlan.Bytes(_total)} at {UploadPlan.Bytes((long)rate)}/s")
            {
                CurrentOperation = $"File {_index} of {_count}: {_name}",
                PercentComplete = (int)Math.Min(100, sent * 100 / _total),
            });
        }

        public void Complete() =>
            _cmdlet.QueueProgress(new ProgressRecord(ProgressId, "Uploading imagery to Mapflow", "Done") { RecordType = ProgressRecordType.Completed });
    }
}
