using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Mapflow.Client;
using Mapflow.Client.Aois;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Searches the imagery catalog over AOIs (POST /catalog/meta) and writes every image found, page after page. The
/// images pipe into Start-MapflowProcessing and Get-MapflowProcessingCost as their source (imagerySearch).
/// </summary>
[Cmdlet(VerbsCommon.Find, "MapflowImagery", DefaultParameterSetName = ByAoi, SupportsPaging = true)]
[OutputType(typeof(CatalogImage))]
public sealed class FindMapflowImageryCommand : MapflowSessionCmdlet
{
    private const string ByAoi = "ByAoi";
    private const string ByGeometry = "ByGeometry";
    private PageWindow _window = null!;

    /// <summary>AOIs from Import-MapflowAoi; each is searched on its own.</summary>
    [Parameter(ParameterSetName = ByAoi, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("InputObject")]
    public Aoi[] Aoi { get; set; } = Array.Empty<Aoi>();

    /// <summary>One area as GeoJSON text of a Polygon or MultiPolygon, or an object that converts to it, as Start-MapflowProcessing takes it.</summary>
    [Parameter(ParameterSetName = ByGeometry, Mandatory = true)]
    public object Geometry { get; set; } = "";

    /// <summary>Acquired on or after this time (UTC when it has no zone).</summary>
    [Parameter]
    [Alias("After")]
    public DateTime? From { get; set; }

    [Parameter]
    [Alias("Before")]
    public DateTime? To { get; set; }

    /// <summary>Percent, 0–100.</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public double? MaxCloudCover { get; set; }

    [Parameter]
    [ValidateRange(0, 90)]
    public double? MinOffNadir { get; set; }

    [Parameter]
    [ValidateRange(0, 90)]
    public double? MaxOffNadir { get; set; }

    /// <summary>Metres per pixel.</summary>
    [Parameter]
    [ValidateRange(0, double.MaxValue)]
    public double? MinResolution { get; set; }

    [Parameter]
    [ValidateRange(0, double.MaxValue)]
    public double? MaxResolution { get; set; }

    /// <summary>Search providers, as /user/status lists them in searchDataProviders (e.g. orbview).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SearchProviderCompleter))]
    public string[]? DataProvider { get; set; }

    protected override void BeginProcessing()
    {
        _window = new PageWindow(PagingParameters);
        // A range upside down finds nothing: said before any request, rather than as an empty result.
        if (From > To) RangeError($"-From {From:u} is after -To {To:u}");
        if (MinOffNadir > MaxOffNadir) RangeError($"-MinOffNadir {MinOffNadir} is more than -MaxOffNadir {MaxOffNadir}");
        if (MinResolution > MaxResolution) RangeError($"-MinResolution {MinResolution} is more than -MaxResolution {MaxResolution}");
    }

    private void RangeError(string what) =>
        ThrowTerminatingError(ErrorRecords.Create("Imagery.InvalidRange", ErrorCategory.InvalidArgument, null, $"{what}; nothing would be found. Nothing was sent."));

    protected override void ProcessRecord()
    {
        var session = ResolveSession();
        var aois = ParameterSetName == ByGeometry ? new[] { InlineGeometry.Read(this, Geometry, repair: false, "Geometry") } : Aoi;
        foreach (var aoi in aois.Where(a => a != null))
        {
            if (_window.IsFull) return;
            var search = new ImagerySearch
            {
                Aoi = aoi.Geometry,
                AcquisitionDateFrom = Utc(From),
                AcquisitionDateTo = Utc(To),
                MinResolution = MinResolution,
                MaxResolution = MaxResolution,
                MaxCloudCover = MaxCloudCover,
                MinOffNadirAngle = MinOffNadir,
                MaxOffNadirAngle = MaxOffNadir,
                DataProviders = DataProvider?.ToList(),
            };
            WriteVerbose($"Searching imagery over '{aoi.Name}' ({aoi.AreaKm2:0.###} km²).");
            Run(async cancel =>
            {
                try
                {
                    await foreach (var image in session.Client.SearchImageryAsync(search, cancel).ConfigureAwait(false))
                    {
                        if (!_window.Take()) continue;
                        image.AoiName = aoi.Name;
                        QueueObject(image);
                        if (_window.IsFull) return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // This AOI's search failed (e.g. larger than searchAreaLimit); the others go on.
                    QueueFailure(e, aoi);
                }
            });
        }
    }

    protected override void EndProcessing() => _window.WriteTotal(this);

    private static DateTimeOffset? Utc(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        { } t => new DateTimeOffset(t.ToUniversalTime()),
    };
}
