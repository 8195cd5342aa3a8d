using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client;
using Mapflow.Client.Aois;
using Mapflow.Client.Workflow;
using NetTopologySuite.Geometries.Prepared;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// What Start-MapflowProcessing and Get-MapflowProcessingCost share: AOIs in, model, source and grouping
/// resolved against the account, and the plan of processings checked against its limits.
/// </summary>
/// <remarks>
/// The imagery is one of four kinds (sourceParams, §4.4): a provider (-DataProvider, or the account's first when no
/// source is given), the user's imagery (-MosaicId or -ImageId), images found by Find-MapflowImagery (-Image, also
/// piped in by value beside the AOIs) or a tile service (-ImageryUrl). They exclude each other; every check that
/// needs no account is made before any request.
/// </remarks>
public abstract class ProcessingPlanCmdlet : MapflowSessionCmdlet
{
    protected const string ByAoi = "ByAoi";
    protected const string ByGeometry = "ByGeometry";
    private static readonly string ModuleVersion = typeof(ProcessingPlanCmdlet).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    private readonly List<Aoi> _aois = new();
    private readonly List<CatalogImage> _images = new();
    // What was taken from the current record: values given on the command line stay bound for every record and are
    // taken once; piped ones are new arrays each time.
    private Aoi[]? _aoisTaken;
    private CatalogImage[]? _imagesTaken;

    /// <summary>Whether any AOI or geometry came in.</summary>
    protected bool HasInput => _aois.Count > 0;

    [Parameter(ParameterSetName = ByAoi, Mandatory = true, ValueFromPipeline = true)]
    [Alias("InputObject")]
    public Aoi[] Aoi { get; set; } = Array.Empty<Aoi>();

    /// <summary>A Polygon or MultiPolygon as GeoJSON text, or an object that converts to it.</summary>
    [Parameter(ParameterSetName = ByGeometry, Mandatory = true)]
    public object Geometry { get; set; } = "";

    /// <summary>Model name or id; emoji, case and punctuation are ignored, so "Buildings" is "🏠 Buildings".</summary>
    [Parameter(Mandatory = true)]
    [Alias("WorkflowDef", "wdName")]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string Model { get; set; } = "";

    /// <summary>A project object, id or name; the default project when omitted.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(ProjectCompleter))]
    public object? Project { get; set; }

    /// <summary>The processing name; with several AOIs each AOI's name (or the group number) is appended.</summary>
    [Parameter]
    public string? Name { get; set; }

    /// <summary>Imagery provider name as /user/status lists it (e.g. Mapbox); the account's first provider when omitted.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(DataProviderCompleter))]
    public string? DataProvider { get; set; }

    /// <summary>The zoom of the imagery: with -DataProvider (checked against the provider's zooms), -ImageryUrl or -Image.</summary>
    [Parameter]
    [ValidateRange(0, 22)]
    public int? Zoom { get; set; }

    /// <summary>Images from Find-MapflowImagery, all of one provider: the source is imagerySearch. Piped in by value, beside the AOIs.</summary>
    [Parameter(ValueFromPipeline = true)]
    public CatalogImage[] Image { get; set; } = Array.Empty<CatalogImage>();

    /// <summary>A tile service: the source is userDefined. {x} {y} {z} (XYZ, TMS) or {q} (QUADKEY) in an http(s) URL.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("Url")]
    public string? ImageryUrl { get; set; }

    [Parameter]
    public TileSourceType SourceType { get; set; } = TileSourceType.Xyz;

    /// <summary>Login and password of the tile service (rasterLogin, rasterPassword); the password is only ever sent.</summary>
    [Parameter]
    [Credential]
    public PSCredential? ImageryCredential { get; set; }

    /// <summary>The tile grid's projection; sent lower-case, as QGIS does.</summary>
    [Parameter]
    [ValidateSet("EPSG:3857", "EPSG:3395")]
    public string? Crs { get; set; }

    /// <summary>A mosaic of the user's imagery (the data catalog): the source is myImagery.mosaicId.</summary>
    [Parameter]
    public Guid? MosaicId { get; set; }

    /// <summary>Images of the user's imagery: the source is myImagery.imageIds.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public Guid[]? ImageId { get; set; }

    /// <summary>Model settings sent as params.inferenceParams, as given.</summary>
    [Parameter]
    public Hashtable? InferenceParams { get; set; }

    /// <summary>Optional model blocks to enable, e.g. Classification; the others are sent disabled.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(OptionCompleter))]
    public string[] Option { get; set; } = Array.Empty<string>();

    /// <summary>Pack up to this many AOI polygons into one processing (capped at the account's maxAoisPerProcessing).</summary>
    [Parameter]
    [ValidateRange(1, 1000)]
    public int GroupSize { get; set; } = 1;

    /// <summary>Pack as many AOIs per processing as the account allows: the same as -GroupSize maxAoisPerProcessing.</summary>
    [Parameter]
    public SwitchParameter Group { get; set; }

    /// <summary>Validate -Geometry with the repairs of Import-MapflowAoi -Repair.</summary>
    [Parameter(ParameterSetName = ByGeometry)]
    public SwitchParameter Repair { get; set; }

    /// <summary>
    /// How many requests run at once by default: enough to hide a 50 ms round trip behind the others for hundreds of
    /// starts (the API documents no rate limit; a 429 slows every worker down). The benchmark reads it for its lower bound.
    /// </summary>
    public const int DefaultThrottleLimit = 32;

    /// <summary>The most requests at once any cmdlet allows, and the size of the session's connection pool.</summary>
    public const int MaxThrottleLimit = MapflowClientOptions.MaxConnections;

    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    protected override void BeginProcessing() => SetThrottle(ThrottleLimit);

    /// <summary>Added to every start key of this run; null for the usual keys that make re-runs idempotent.</summary>
    protected virtual string? KeySalt => null;

    protected override void ProcessRecord()
    {
        if (!ReferenceEquals(Image, _imagesTaken))
        {
            _images.AddRange(Image.Where(i => i != null));
            _imagesTaken = Image;
        }
        if (ParameterSetName == ByAoi)
        {
            if (ReferenceEquals(Aoi, _aoisTaken)) return;
            _aois.AddRange(Aoi);
            _aoisTaken = Aoi;
        }
        else if (_aois.Count == 0)
        {
            _aois.Add(InlineGeometry.Read(this, Geometry, Repair, Name ?? "Processing"));
        }
    }

    /// <summary>
    /// Resolves the run against the account and the target project and plans it; problems with single AOIs or groups
    /// become errors. The project (read fresh) gives the area limit of one processing, its owner's, and the models
    /// linked to it, which come before the account's.
    /// </summary>
    /// <param name="alongside">Work that needs neither read, run side by side with them.</param>
    protected (MapflowSession Session, Account Account, Project Project, Model Model, IReadOnlyList<PlannedStart> Plan) PlanRun(
        Func<MapflowSession, CancellationToken, Task>? alongside = null)
    {
        var session = ResolveSession();
        // A failed project look-up leaves $null in its variable; spending that run in the Default project would be
        // a quiet wrong-doing. The Default project is used only when -Project is not given at all.
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Project)) && IsNothing(Project))
        {
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, null,
                "-Project was given, but it is empty or null (did the Get-MapflowProject that set it find nothing?). Nothing was started. " +
                "Pass a project, its id or its name; leave -Project out to use the Default project."));
        }
        var source = ChosenSource();
        Account account = null!;
        Project project = null!;
        DataProvider? provider = null;
        var settings = new StartSettings
        {
            Name = ParameterSetName == ByGeometry ? Name ?? "Processing" : Name,
            InferenceParams = InferenceParams is { Count: > 0 } ? (SortedDictionary<string, object?>)InlineGeometry.ToPlain(InferenceParams)! : null,
            AppVersion = ModuleVersion,
        };
        (IPreparedGeometry? Coverage, bool EmptyMosaic) ownImagery = (null, false);
        Run(async cancel =>
        {
            // Side by side: none needs another, and each is a round trip before the first start.
            var reads = (Account: session.GetAccountAsync(refresh: true, cancel), Project: ProjectReference.ReadAsync(session, Project, cancel),
                Alongside: alongside?.Invoke(session, cancel) ?? Task.CompletedTask, OwnImagery: OwnImageryAsync(session, source?.MyImagery, cancel));
            await Task.WhenAll(reads.Account, reads.Project, reads.Alongside, reads.OwnImagery).ConfigureAwait(false);
            account = reads.Account.Result;
            project = reads.Project.Result;
            ownImagery = reads.OwnImagery.Result;
            settings.Model = ModelResolver.Resolve(project.WorkflowDefs, account.Models, Model);
            if (source is null) provider = ResolveProvider(account);
        });
        settings.Source = source ?? ProviderSource(provider!);
        settings.ProjectId = project.Id;
        if (Project is null)
            WriteVerbose($"No -Project: using the Default project '{project.Name}' ({project.Id}).");
        settings.Blocks = ResolveBlocks(settings.Model);
        settings.MaxAoisPerProcessing = account.EffectiveMaxAoisPerProcessing;
        settings.AoiAreaLimit = project.User?.AoiAreaLimit is > 0 ? project.User.AoiAreaLimit : null;
        settings.AoiAreaLimitSource = $"the limit per processing of project '{project.Name}' (its owner's user.aoiAreaLimit)";
        if (settings.AoiAreaLimit is null)
            WriteVerbose($"Project '{project.Name}' states no area limit per processing (user.aoiAreaLimit); only the server checks the area.");
        settings.GroupSize = Group ? settings.MaxAoisPerProcessing : GroupSize;
        settings.KeySalt = KeySalt;
        if (GroupSize > settings.MaxAoisPerProcessing)
            WriteWarning($"-GroupSize {GroupSize} is more than the account allows; using {settings.MaxAoisPerProcessing} (maxAoisPerProcessing).");

        if (ownImagery.EmptyMosaic)
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, MosaicId,
                $"Mosaic {MosaicId} has no images yet, so there is nothing to process; add some with Add-MapflowImage. Nothing was sent."));
        if (source?.MyImagery != null && ownImagery.Coverage is null)
            WriteVerbose($"The footprint of {source.MyImagery} is not known, so the AOIs are not checked against it; Mapflow checks them.");

        var problems = new List<AoiProblem>();
        var plan = _aois.Count == 0 ? Array.Empty<PlannedStart>() : StartPlanner.Plan(_aois, settings, problems);
        foreach (var problem in problems)
            WriteError(new ErrorRecord(new InvalidDataException(ImportMapflowAoiCommand.Describe(problem)), "Aoi." + problem.Code, ErrorCategory.LimitsExceeded, problem));
        if (ownImagery.Coverage is { } coverage)
            plan = plan.Where(start => Covered(start, coverage, source!.MyImagery!)).ToList();
        return (session, account, project, settings.Model, plan);
    }

    /// <summary>
    /// The footprint of the user's imagery a start names, read beside the account; an id that is not there ends the
    /// command before anything is sent, as a name that matches nothing does.
    /// </summary>
    private static async Task<(IPreparedGeometry?, bool)> OwnImageryAsync(MapflowSession session, MyImagerySource? source, CancellationToken cancel)
    {
        if (source is null) return (null, false);
        try
        {
            return await OwnImagery.CoverageAsync(session.Client, source, cancel).ConfigureAwait(false);
        }
        catch (MapflowApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new ItemNotFoundException($"My imagery has no {(source.MosaicId != null ? "mosaic" : "image")} {e.Path.Split('/').Last()} " +
                $"(Get-MapflowMosaic and Get-MapflowImage list yours). Nothing was sent.");
        }
    }

    /// <summary>A start whose AOIs lie outside the imagery would find no data there: an error for it, before it is paid for.</summary>
    private bool Covered(PlannedStart start, IPreparedGeometry coverage, MyImagerySource source)
    {
        if (start.Request.Geometry is not { } geometry || coverage.Covers(geometry)) return true;
        var names = string.Join(", ", start.Aois.Select(a => $"'{a.Name}'"));
        WriteError(ErrorRecords.Create("Source.NotCovered", ErrorCategory.InvalidArgument, start.Aois.Count == 1 ? start.Aois[0] : start.Aois,
            $"AOI {names} is not wholly inside the footprint of {source}, so Mapflow would find no imagery for {(start.Aois.Count == 1 ? "it" : "them")}. " +
            "It was not sent; Get-MapflowImage shows the images' footprints."));
        return false;
    }

    /// <summary>Asks /processing/cost/v2 for every planned processing, a few at a time; a failed estimate is an error for that one and leaves it out.</summary>
    protected IReadOnlyDictionary<PlannedStart, double> EstimateCosts(MapflowSession session, IReadOnlyList<PlannedStart> plan)
    {
        var costs = new Dictionary<PlannedStart, double>();
        foreach (var start in plan)
        {
            Start(async cancel =>
            {
                try
                {
                    var cost = await session.Client.GetProcessingCostAsync(start.Request, cancel).ConfigureAwait(false);
                    Post(() => costs[start] = cost);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, start.Aois.Count == 1 ? start.Aois[0] : start.Aois);
                }
            });
        }
        WaitForAll();
        return costs;
    }

    private static bool IsNothing(object? value) => (value is PSObject ps ? ps.BaseObject : value) switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        System.Collections.ICollection { Count: 0 } => true,
        _ => false,
    };

    /// <summary>
    /// The source the parameters and piped images choose, checked as far as it can be without the account; null for a
    /// provider (named or the account's first), which the account resolves.
    /// </summary>
    private SourceParams? ChosenSource()
    {
        var bound = MyInvocation.BoundParameters;
        var chosen = new List<string>();
        if (bound.ContainsKey(nameof(DataProvider))) chosen.Add("-DataProvider");
        if (ImageryUrl != null) chosen.Add("-ImageryUrl");
        if (MosaicId != null) chosen.Add("-MosaicId");
        if (ImageId != null) chosen.Add("-ImageId");
        if (_images.Count > 0) chosen.Add(bound.ContainsKey(nameof(Image)) ? "-Image" : "piped images");
        if (chosen.Count > 1)
        {
            SourceError("Source.Conflict", null,
                $"{string.Join(" and ", chosen)} name different imagery; a processing has one source. Give one of -DataProvider, -ImageryUrl, " +
                "-MosaicId, -ImageId or -Image (images from Find-MapflowImagery). Nothing was sent.");
        }
        foreach (var tileOnly in new[] { nameof(SourceType), nameof(Crs), nameof(ImageryCredential) })
        {
            if (bound.ContainsKey(tileOnly) && ImageryUrl is null)
                SourceError("Source.Conflict", null, $"-{tileOnly} describes a tile service and needs -ImageryUrl. Nothing was sent.");
        }
        if (Zoom != null && (MosaicId != null || ImageId != null))
            SourceError("Source.Conflict", Zoom, "-Zoom does not apply to your own imagery (-MosaicId, -ImageId): it is processed at its own resolution. Nothing was sent.");

        if (ImageryUrl != null)
        {
            if (SourceRules.UrlProblem(SourceType, ImageryUrl) is { } problem)
                SourceError("Source.InvalidUrl", SourceType, $"-ImageryUrl: {problem} Nothing was sent.");
            var credential = ImageryCredential?.GetNetworkCredential();
            return new SourceParams
            {
                UserDefined = new UserDefinedSource
                {
                    SourceType = SourceRules.WireName(SourceType),
                    Url = ImageryUrl,
                    Zoom = Zoom,
                    Crs = Crs?.ToLowerInvariant(),
                    RasterLogin = string.IsNullOrEmpty(credential?.UserName) ? null : credential!.UserName,
                    RasterPassword = string.IsNullOrEmpty(credential?.Password) ? null : credential!.Password,
                },
            };
        }
        if (MosaicId != null)
            return new SourceParams { MyImagery = new MyImagerySource { MosaicId = MosaicId } };
        if (ImageId != null)
            return new SourceParams { MyImagery = new MyImagerySource { ImageIds = ImageId.Distinct().OrderBy(i => i).ToList() } };
        if (_images.Count > 0)
        {
            var providers = SourceRules.ProvidersOf(_images);
            if (providers.Count > 1 || _images.Any(i => string.IsNullOrEmpty(i.ProviderName)))
            {
                SourceError("Source.MixedProviders", providers,
                    $"The {_images.Count} images come from {string.Join(", ", providers)}; one processing takes images of one provider only. " +
                    "Filter them first, e.g. | Where-Object ProviderName -eq '<name>', or use Find-MapflowImagery -DataProvider. Nothing was sent.");
            }
            return new SourceParams { ImagerySearch = SourceRules.FromImages(_images, Zoom) };
        }
        return null;
    }

    private SourceParams ProviderSource(DataProvider provider)
    {
        if (Zoom is { } zoom && SourceRules.ZoomProblem(provider, zoom) is { } problem)
            SourceError("Source.ZoomOutOfRange", zoom, $"{problem} Leave -Zoom out for the provider's default. Nothing was sent.");
        return new SourceParams { DataProvider = new DataProviderSource { ProviderName = provider.Name, Zoom = Zoom } };
    }

    private void SourceError(string id, object? target, string message) =>
        ThrowTerminatingError(ErrorRecords.Create(id, ErrorCategory.InvalidArgument, target, message));

    private DataProvider ResolveProvider(Account account)
    {
        if (DataProvider is null)
            return account.DataProviders.FirstOrDefault() ?? throw new ArgumentException("The account lists no data provider; pass -DataProvider.");
        return account.DataProviders.FirstOrDefault(p => string.Equals(p.Name, DataProvider, StringComparison.OrdinalIgnoreCase))
               ?? throw new ArgumentException($"No data provider is called '{DataProvider}'. Available: {string.Join(", ", account.DataProviders.Select(p => p.Name))}.");
    }

    private List<BlockSelection> ResolveBlocks(Model model)
    {
        var optional = model.Blocks.Where(b => b.Optional).ToList();
        var unknown = Option.Where(o => !optional.Any(b => string.Equals(b.Name, o, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            ThrowTerminatingError(ErrorRecords.Create("Model.UnknownOption", ErrorCategory.InvalidArgument, unknown,
                $"'{model.Name}' has no option {string.Join(", ", unknown)}. Its options: {string.Join(", ", optional.Select(b => b.Name))}."));
        }
        return optional.Select(b => new BlockSelection
        {
            Name = b.Name,
            Enabled = Option.Any(o => string.Equals(o, b.Name, StringComparison.OrdinalIgnoreCase)),
        }).ToList();
    }
}
