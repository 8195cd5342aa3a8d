using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Mapflow.Client.Reports;
using Mapflow.Client.Results;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Writes one self-contained HTML page about a run: its totals, a map of the AOIs coloured by status with the
/// result footprints inside them, and a table of the AOIs. Fed the SavedResult objects of Save-MapflowResult
/// (and processings, for those without a result), or a results folder through its manifest, or both.
/// </summary>
[Cmdlet(VerbsData.Export, "MapflowReport", SupportsShouldProcess = true)]
[OutputType(typeof(RunReportFile))]
public sealed class ExportMapflowReportCommand : MapflowSessionCmdlet
{
    private readonly ReportInput _input = new();

    /// <summary>The HTML file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string Path { get; set; } = "";

    /// <summary>SavedResult objects from Save-MapflowResult, or processings.</summary>
    [Parameter(ValueFromPipeline = true)]
    public object[] InputObject { get; set; } = Array.Empty<object>();

    /// <summary>A folder Save-MapflowResult wrote, read through its mapflow-manifest.json.</summary>
    [Parameter]
    public string? ResultPath { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            switch (item is PSObject ps ? ps.BaseObject : item)
            {
                case SavedResult saved:
                    _input.Saved.Add(saved);
                    break;
                case Processing processing:
                    _input.Processings.Add(processing);
                    break;
                case var other:
                    WriteError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, other,
                        $"Export-MapflowReport takes the output of Save-MapflowResult or processings, not {other?.GetType().Name ?? "$null"}; it is left out of the report."));
                    break;
            }
        }
    }

    protected override void EndProcessing()
    {
        var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        // The processings a save could not save are in the manifest of the folder its files went to.
        foreach (var folder in _input.Saved.Where(s => s.ProcessingId != Guid.Empty).Select(s => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(s.Path))!).Distinct(StringComparer.Ordinal))
            ReadFolder(folder, whole: false);
        if (ResultPath != null) ReadFolder(SessionState.Path.GetUnresolvedProviderPathFromPSPath(ResultPath), whole: true);
        if (_input.Saved.Count == 0 && _input.Processings.Count == 0 && _input.Unsaved.Count == 0)
        {
            ThrowTerminatingError(ErrorRecords.Create("Report.NoInput", ErrorCategory.InvalidArgument, null,
                "Nothing to report: no saved result, processing or results folder came in. If the save before this saved nothing, give its folder with -ResultPath."));
        }
        if (!ShouldProcess(target, "Write a Mapflow run report")) return;

        var session = ResolveSession();
        var folderOfReport = System.IO.Path.GetDirectoryName(target)!;
        _input.Folder = folderOfReport;
        var title = Title ?? DefaultTitle();
        WriteProgress(new ProgressRecord(0x4D52, "Writing the Mapflow run report", $"Reading {ProcessingCount} processing(s)"));
        RunReport report = null!;
        Run(async cancel => report = await RunReportBuilder.BuildAsync(session.Client, _input, title, cancel).ConfigureAwait(false));

        ReportMapInfo map = null!;
        var temp = ResultDownloader.TemporaryPathFor(target);
        try
        {
            Directory.CreateDirectory(folderOfReport);
            using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false), 1 << 16))
                map = ReportHtml.Write(report, writer);
            ResultDownloader.MoveIntoPlace(temp, target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temp)) File.Delete(temp);
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.IOError", ErrorCategory.WriteError, target, $"The report could not be written to '{target}': {e.Message}", e));
        }
        WriteProgress(new ProgressRecord(0x4D52, "Writing the Mapflow run report", "Done") { RecordType = ProgressRecordType.Completed });
        if (map.Stride > 1)
            WriteWarning($"The report draws one in every {map.Stride} of {map.Footprints} result footprints, so that it stays small enough to mail; the table and totals count them all.");
        WriteObject(new RunReportFile
        {
            Path = target, Processings = report.Processings, Aois = report.Rows.Count, AreaKm2 = report.AreaKm2, Credits = report.Credits,
            Features = report.Features, Failed = report.Failed, Skipped = report.Skipped, FootprintsDrawn = map.Drawn, FootprintStride = map.Stride,
            Length = new FileInfo(target).Length,
        });
    }

    /// <summary>
    /// Adds a results folder's processings without a result and, for the folder of -ResultPath (whole), its files:
    /// each file once, whichever way it came.
    /// </summary>
    private void ReadFolder(string folder, bool whole)
    {
        var manifest = System.IO.Path.Combine(folder, ResultManifest.FileName);
        if (!File.Exists(manifest))
        {
            if (whole)
                ThrowTerminatingError(ErrorRecords.Create("Report.NoManifest", ErrorCategory.ObjectNotFound, folder,
                    $"'{folder}' has no {ResultManifest.FileName}: it is not a folder Save-MapflowResult wrote (a -Merge file has none; pipe Save's output instead)."));
            return;
        }
        var known = new HashSet<string>(_input.Saved.Select(s => System.IO.Path.GetFullPath(s.Path)), StringComparer.Ordinal);
        var unsaved = new HashSet<Guid>(_input.Unsaved.Select(u => u.ProcessingId));
        foreach (var entry in ResultManifest.Read(manifest))
        {
            if (entry.IsUnsaved)
            {
                if (unsaved.Add(entry.ProcessingId)) _input.Unsaved.Add(entry);
                continue;
            }
            if (!whole) continue;
            var path = System.IO.Path.Combine(folder, entry.File);
            if (!known.Add(path)) continue;
            if (!File.Exists(path))
            {
                WriteWarning($"'{path}' is in {ResultManifest.FileName} but not on disk; its row has no file.");
                continue;
            }
            _input.Saved.Add(new SavedResult
            {
                Path = path, ProcessingId = entry.ProcessingId, ProcessingName = entry.ProcessingName, AoiId = entry.AoiId, AoiName = entry.AoiName,
                FeatureCount = entry.FeatureCount, Length = entry.Length, Sha256 = entry.Sha256,
            });
        }
    }

    /// <summary>The processings named so far, for the progress and the title; a merged file's are known only once it is read.</summary>
    private int ProcessingCount => _input.Saved.Select(s => s.ProcessingId).Concat(_input.Processings.Select(p => p.Id))
        .Concat(_input.Unsaved.Select(u => u.ProcessingId)).Where(id => id != Guid.Empty).Distinct().Count();

    private string DefaultTitle()
    {
        var count = ProcessingCount;
        return $"Mapflow run of {DateTime.Now:yyyy-MM-dd}" + (count > 0 ? $": {count} processing(s)" : "");
    }
}
