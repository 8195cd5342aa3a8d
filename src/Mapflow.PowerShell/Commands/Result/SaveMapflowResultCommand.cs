using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;
using Mapflow.Client.Results;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Downloads the GeoJSON result of each OK processing, a few at a time: into a folder (one file per processing,
/// or per AOI with -PerAoi, listed in mapflow-manifest.json), or merged into one file with -Merge. Every file is
/// renamed into place only once complete; a file that is already there is skipped unless -Force.
/// </summary>
/// <remarks>
/// Each input is checked and ShouldProcess asked in ProcessRecord, on the pipeline thread, before its download
/// starts in the background: an upstream Wait-MapflowProcessing may hold the thread for hours, and a result it
/// has written must reach the disk meanwhile.
/// </remarks>
[Cmdlet(VerbsData.Save, "MapflowResult", DefaultParameterSetName = ObjectToFolder, SupportsShouldProcess = true)]
[OutputType(typeof(SavedResult))]
public sealed class SaveMapflowResultCommand : MapflowSessionCmdlet
{
    private const string ObjectToFolder = "ObjectToFolder";
    private const string IdToFolder = "IdToFolder";
    private const string ObjectToMerge = "ObjectToMerge";
    private const string IdToMerge = "IdToMerge";
    private const int ProgressId = 0x4D53;
    private readonly List<SavedResult> _saved = new();
    private readonly List<ManifestEntry> _unsaved = new();
    private bool _declined;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _targets = new(StringComparer.Ordinal);
    private readonly DateTime _runStart = DateTime.UtcNow;
    private IReadOnlyDictionary<string, ManifestEntry> _manifest = new Dictionary<string, ManifestEntry>();
    private long _bytes;
    private int _downloads;
    private readonly SemaphoreSlim _mergeLock = new(1, 1);
    private MapflowSession? _session;
    private ResultDownloader? _downloader;
    private MergedResultWriter? _merge;
    private string _folder = "";

    [Parameter(ParameterSetName = ObjectToFolder, Mandatory = true, ValueFromPipeline = true)]
    [Parameter(ParameterSetName = ObjectToMerge, Mandatory = true, ValueFromPipeline = true)]
    public Processing[] InputObject { get; set; } = Array.Empty<Processing>();

    [Parameter(ParameterSetName = IdToFolder, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = IdToMerge, ValueFromPipelineByPropertyName = true)]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    /// <summary>The processing of piped objects that belong to one (an AOI, a saved result); wins over their own Id.</summary>
    [Parameter(ParameterSetName = IdToFolder, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = IdToMerge, ValueFromPipelineByPropertyName = true)]
    public Guid[] ProcessingId { get; set; } = Array.Empty<Guid>();

    /// <summary>The folder for the files; created when missing.</summary>
    [Parameter(ParameterSetName = ObjectToFolder, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = IdToFolder, Mandatory = true, Position = 0)]
    public string Path { get; set; } = "";

    /// <summary>One GeoJSON file for every result, each feature carrying its processing and AOI as properties.</summary>
    [Parameter(ParameterSetName = ObjectToMerge, Mandatory = true)]
    [Parameter(ParameterSetName = IdToMerge, Mandatory = true)]
    public string Merge { get; set; } = "";

    /// <summary>Save each AOI of a processing on its own (a grouped start's AOIs keep their source names).</summary>
    [Parameter]
    public SwitchParameter PerAoi { get; set; }

    /// <summary>GeoJson (as the API serves it) or GeoPackage (one .gpkg per file, for QGIS).</summary>
    [Parameter]
    [ValidateSet("GeoJson", "GeoPackage", IgnoreCase = true)]
    public string Format { get; set; } = "GeoJson";

    /// <summary>Download again even when the file is already there; with -Merge, replace the merged file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateRange(1, ProcessingPlanCmdlet.MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = ProcessingPlanCmdlet.DefaultThrottleLimit;

    // Set once in BeginProcessing, not read from ParameterSetName (before pipeline input is bound it may still be the
    // default set) nor from BoundParameters later: workers read it while the pipeline thread binds the next input.
    private bool _merging;
    private bool Merging => _merging;

    private bool ToGeoPackage => string.Equals(Format, "GeoPackage", StringComparison.OrdinalIgnoreCase);

    private string Extension => ToGeoPackage ? ".gpkg" : ".geojson";

    protected override void BeginProcessing()
    {
        RefuseBothIds();
        _merging = MyInvocation.BoundParameters.ContainsKey(nameof(Merge));
        _session = ResolveSession();
        _downloader = new ResultDownloader(_session.Client);
        var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Merging ? Merge : Path);
        _folder = Merging ? System.IO.Path.GetDirectoryName(target)! : target;
        if (!Merging) CheckFolder(target);
        if (!IsWhatIf)
            foreach (var stale in PartialFiles.RemoveStale(_folder, _runStart))
                WriteVerbose($"Removed '{stale}', left by an earlier save that was stopped before it could clean up.");
        _manifest = ResultManifest.Read(System.IO.Path.Combine(_folder, ResultManifest.FileName))
            .GroupBy(e => e.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        if (Merging)
        {
            if (File.Exists(target) && !Force)
                ThrowTerminatingError(ErrorRecords.Create("Result.MergeFileExists", ErrorCategory.ResourceExists, target,
                    $"'{target}' is already there; use -Force to replace it."));
            if (ShouldProcess(target, "Merge Mapflow results into one file"))
            {
                Directory.CreateDirectory(_folder);
                _merge = new MergedResultWriter(ToGeoPackage ? MergedGeoJson(target) : target);
            }
        }
        SetThrottle(ThrottleLimit);
    }

    /// <summary>-Path names the folder for the files; a file there, or a name of a result file, is a mistake worth saying so.</summary>
    private void CheckFolder(string folder)
    {
        var extension = System.IO.Path.GetExtension(folder);
        if (File.Exists(folder) || !Directory.Exists(folder) && (extension.Equals(".geojson", StringComparison.OrdinalIgnoreCase)
                || extension.Equals(".json", StringComparison.OrdinalIgnoreCase) || extension.Equals(".gpkg", StringComparison.OrdinalIgnoreCase)))
        {
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, Path,
                $"-Path must be a folder, for one file per result; '{folder}' {(File.Exists(folder) ? "is a file" : "looks like a file name")}. " +
                "To write all results into one file, use -Merge."));
        }
    }

    protected override void ProcessRecord()
    {
        if (Merging && _merge is null) return;
        if (ParameterSetName is IdToFolder or IdToMerge)
        {
            foreach (var id in ProcessingIdsOf(Id, ProcessingId))
            {
                if (!Asked($"processing {id}", $"Save its result {(Merging ? "into " + Merge : "in " + _folder)}")) continue;
                Begin(cancel => SaveByIdAsync(id, cancel));
            }
        }
        else
        {
            foreach (var processing in InputObject) Gate(processing);
        }
        PumpReady();
    }

    /// <summary>On the pipeline thread: what to do with one processing, asked before anything starts in the background.</summary>
    private void Gate(Processing processing)
    {
        if (ResultRefusal.Of(processing, "save") is { } refusal)
        {
            // Wait-MapflowProcessing upstream already reported this failure as Processing.Failed.
            if (processing.FailureReported) WriteVerbose(refusal.Exception.Message);
            else WriteError(refusal);
            _unsaved.Add(ManifestEntry.Unsaved(processing, refusal.Exception.Message));
            return;
        }
        if (Merging)
        {
            Begin(cancel => SaveAsync(processing, cancel));
            return;
        }
        if (PerAoi)
        {
            if (Asked(_folder, $"Save the result of each AOI of '{processing.Name}'")) Begin(cancel => SaveAsync(processing, cancel));
            return;
        }
        var path = PathFor(processing.Name, processing.Id);
        if (!Claim(path)) return;
        if (File.Exists(path) && !Force)
        {
            WriteVerbose($"'{path}' is already there; skipped (use -Force to download again).");
            Done(SkippedResult(path, processing, null, null));
            return;
        }
        if (Asked(path, $"Save the result of '{processing.Name}'")) Begin(cancel => SaveAsync(processing, cancel));
    }

    /// <summary>ShouldProcess, remembering a No: a save the user turned down writes nothing, not even the manifest.</summary>
    private bool Asked(string target, string action)
    {
        if (ShouldProcess(target, action)) return true;
        _declined = true;
        return false;
    }

    /// <summary>Starts background work, with the progress bar up from the first download on.</summary>
    private void Begin(Func<CancellationToken, Task> work)
    {
        _downloads++;
        WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, ProgressText));
        Start(work);
    }

    private const string ProgressActivity = "Saving Mapflow results";

    // The number of results to come is unknown while they stream in, so the bar counts instead of filling.
    private string ProgressText => $"{_downloads} result(s) started, {_saved.Count} file(s) saved or already there, {_bytes / 1048576.0:0.0} MB downloaded";

    protected override void EndProcessing()
    {
        WaitForAll();
        WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
        if (_merge != null)
        {
            _merge.Complete();
            var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Merge);
            if (ToGeoPackage)
            {
                try
                {
                    GeoPackageResultWriter.Convert(MergedGeoJson(target), target);
                }
                finally
                {
                    File.Delete(MergedGeoJson(target));
                }
            }
            var info = new FileInfo(target);
            WriteObject(new SavedResult { Path = info.FullName, ProcessingName = "(merged)", FeatureCount = _merge.FeatureCount, Length = info.Length, Sha256 = ResultDownloader.Sha256Of(target) });
        }
        else if ((_saved.Count > 0 || _unsaved.Count > 0 && !_declined) && !IsWhatIf)
        {
            // A folder of a run in which nothing could be saved still says why.
            Directory.CreateDirectory(_folder);
            ResultManifest.Update(_folder, _saved, _unsaved);
        }
    }

    private async Task SaveByIdAsync(Guid id, CancellationToken cancel)
    {
        Processing processing;
        try
        {
            processing = await _session!.Client.GetProcessingAsync(id, cancel).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            QueueFailure(e, id);
            return;
        }
        if (ResultRefusal.Of(processing, "save") is { } refusal)
        {
            QueueError(refusal);
            Post(() => _unsaved.Add(ManifestEntry.Unsaved(processing, refusal.Exception.Message)));
            return;
        }
        await SaveAsync(processing, cancel).ConfigureAwait(false);
    }

    private async Task SaveAsync(Processing processing, CancellationToken cancel)
    {
        try
        {
            // A merge needs the AOI of each feature, so it splits grouped processings too.
            var grouped = processing.AoiCount > 1;
            if (PerAoi || Merging && grouped)
            {
                foreach (var part in await ResultParts.ForAsync(_session!.Client, processing, cancel).ConfigureAwait(false))
                    await SaveOneAsync(processing, part.AoiId, part.Name, cancel).ConfigureAwait(false);
            }
            else
            {
                await SaveOneAsync(processing, null, null, cancel).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            QueueFailure(e, processing);
        }
    }

    /// <summary>One file of a result: skipped when it is there already (a file Gate did not see: per AOI, or by -Id).</summary>
    private async Task SaveOneAsync(Processing processing, Guid? aoiId, string? aoiName, CancellationToken cancel)
    {
        if (Merging)
        {
            await MergeOneAsync(processing, aoiId, aoiName, cancel).ConfigureAwait(false);
            return;
        }
        var path = PathFor(aoiName ?? processing.Name, aoiId ?? processing.Id);
        if (aoiId != null || ParameterSetName == IdToFolder)
        {
            if (!Claim(path)) return;
            if (File.Exists(path) && !Force)
            {
                QueueVerbose($"'{path}' is already there; skipped (use -Force to download again).");
                Post(() => Done(SkippedResult(path, processing, aoiId, aoiName)));
                return;
            }
        }
        Directory.CreateDirectory(_folder);
        if (!ToGeoPackage)
        {
            var saved = await _downloader!.DownloadAsync(processing, aoiId, aoiName, path, cancel).ConfigureAwait(false);
            Post(() => Done(saved));
            return;
        }
        var geoJson = System.IO.Path.Combine(_folder, "." + System.IO.Path.GetFileNameWithoutExtension(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".download.geojson");
        try
        {
            var saved = await _downloader!.DownloadAsync(processing, aoiId, aoiName, geoJson, cancel).ConfigureAwait(false);
            using (PartialFiles.Hold(geoJson))
                GeoPackageResultWriter.Convert(geoJson, path);
            saved.Path = path;
            saved.Length = new FileInfo(path).Length;
            saved.Sha256 = ResultDownloader.Sha256Of(path);
            Post(() => Done(saved));
        }
        finally
        {
            File.Delete(geoJson);
        }
    }

    private string PathFor(string name, Guid id) => System.IO.Path.Combine(_folder, SafeFileName.For(name, id, Extension));

    /// <summary>Each file once per command, whichever input names it first.</summary>
    private bool Claim(string path)
    {
        if (_targets.TryAdd(path, true)) return true;
        QueueVerbose($"'{path}' is already being saved by this command; the repeated input is skipped.");
        return false;
    }

    /// <summary>A file already there, with its feature count and hash from the manifest when the manifest has it.</summary>
    private SavedResult SkippedResult(string path, Processing processing, Guid? aoiId, string? aoiName)
    {
        var entry = _manifest.TryGetValue(System.IO.Path.GetFileName(path), out var e) ? e : null;
        return new SavedResult
        {
            Path = path, ProcessingId = processing.Id, ProcessingName = processing.Name, AoiId = aoiId, AoiName = aoiName,
            Length = new FileInfo(path).Length, Skipped = true, FeatureCount = entry?.FeatureCount ?? 0, Sha256 = entry?.Sha256 ?? "",
        };
    }

    /// <summary>Where a merge into a GeoPackage first collects its GeoJSON.</summary>
    private static string MergedGeoJson(string target) => System.IO.Path.ChangeExtension(target, ".merge.geojson");

    private async Task MergeOneAsync(Processing processing, Guid? aoiId, string? aoiName, CancellationToken cancel)
    {
        var part = System.IO.Path.Combine(_folder, "." + Guid.NewGuid().ToString("N") + ".part.geojson");
        try
        {
            await _downloader!.DownloadAsync(processing, aoiId, aoiName, part, cancel).ConfigureAwait(false);
            // Held while it waits its turn, so a save starting in the folder meanwhile does not take it for a stale one.
            using var held = PartialFiles.Hold(part);
            await _mergeLock.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                _merge!.Append(part, new Dictionary<string, string?>
                {
                    [MergedResultWriter.ProcessingIdProperty] = processing.Id.ToString(),
                    [MergedResultWriter.ProcessingNameProperty] = processing.Name,
                    [MergedResultWriter.AoiIdProperty] = aoiId?.ToString(),
                    [MergedResultWriter.AoiNameProperty] = aoiName ?? processing.Name,
                });
            }
            finally
            {
                _mergeLock.Release();
            }
        }
        finally
        {
            File.Delete(part);
        }
    }

    protected override void ReleaseResources()
    {
        // Deletes the temporary merge file when the merge did not complete.
        _merge?.Dispose();
        _mergeLock.Dispose();
    }

    /// <summary>Pipeline thread only.</summary>
    private void Done(SavedResult result)
    {
        _saved.Add(result);
        _bytes += result.Skipped ? 0 : result.Length;
        WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, ProgressText));
        WriteObject(result);
    }
}
