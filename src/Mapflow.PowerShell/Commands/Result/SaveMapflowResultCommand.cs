using System;
using System.IO;
using System.Management.Automation;
using Mapflow.Client;
using Mapflow.Client.Results;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Downloads the GeoJSON result of each OK processing into a folder, a few at a time, each file renamed into
/// place only once complete. A file that is already there is skipped unless -Force.
/// </summary>
[Cmdlet(VerbsData.Save, "MapflowResult", DefaultParameterSetName = ByObject, SupportsShouldProcess = true)]
[OutputType(typeof(SavedResult))]
public sealed class SaveMapflowResultCommand : MapflowCmdlet
{
    private const string ByObject = "ByObject";
    private const string ById = "ById";
    private MapflowSession? _session;
    private ResultDownloader? _downloader;
    private string _folder = "";

    [Parameter(ParameterSetName = ByObject, Mandatory = true, ValueFromPipeline = true)]
    public Processing[] InputObject { get; set; } = Array.Empty<Processing>();

    [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ProcessingId")]
    public Guid[] Id { get; set; } = Array.Empty<Guid>();

    /// <summary>The folder for the files; created when missing.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public string Path { get; set; } = "";

    /// <summary>Download again even when the file is already there.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateRange(1, 32)]
    public int ThrottleLimit { get; set; } = 4;

    protected override void BeginProcessing()
    {
        _session = ResolveSession();
        _downloader = new ResultDownloader(_session.Client);
        _folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        Directory.CreateDirectory(_folder);
        SetThrottle(ThrottleLimit);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ById)
            foreach (var id in Id) Start(async cancel => await SaveAsync(await _session!.Client.GetProcessingAsync(id, cancel).ConfigureAwait(false), cancel).ConfigureAwait(false));
        else
            foreach (var processing in InputObject) Start(cancel => SaveAsync(processing, cancel));
        PumpReady();
    }

    protected override void EndProcessing() => WaitForAll();

    private async System.Threading.Tasks.Task SaveAsync(Processing processing, System.Threading.CancellationToken cancel)
    {
        if (processing.Status != ProcessingStatus.Ok)
        {
            QueueError(ErrorRecords.Create("Result.NotReady", ErrorCategory.InvalidOperation, processing,
                $"Processing '{processing.Name}' ({processing.Id}) is {processing.Status}, not OK, so it has no result to save. Pipe it through Wait-MapflowProcessing first."));
            return;
        }
        var path = System.IO.Path.Combine(_folder, SafeFileName.For(processing.Name, processing.Id, ".geojson"));
        if (File.Exists(path) && !Force)
        {
            QueueVerbose($"'{path}' is already there; skipped (use -Force to download again).");
            QueueObject(new SavedResult { Path = path, ProcessingId = processing.Id, ProcessingName = processing.Name, Length = new FileInfo(path).Length, Skipped = true });
            return;
        }
        if (!await ShouldProcessAsync(path, $"Save the result of '{processing.Name}'").ConfigureAwait(false)) return;
        try
        {
            var saved = await _downloader!.DownloadAsync(processing, null, path, cancel).ConfigureAwait(false);
            QueueObject(saved);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancel.IsCancellationRequested)
        {
            QueueFailure(e, processing);
        }
    }
}
