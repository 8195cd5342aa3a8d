using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.IO;
using System.Text;
using System.Text.Json;
using Mapflow.Client;
using Mapflow.Client.Aois;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Starts one processing per AOI (POST /processings/v2), a few at a time. Every start carries a key of its
/// content in meta, so running the same command again emits the processings it already made instead of paying
/// twice. Processings are emitted as their starts complete, which is not necessarily input order.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "MapflowProcessing", DefaultParameterSetName = ByAoi, SupportsShouldProcess = true)]
[OutputType(typeof(Processing))]
public sealed class StartMapflowProcessingCommand : MapflowCmdlet
{
    private const string ByAoi = "ByAoi";
    private const string ByGeometry = "ByGeometry";
    private static readonly string ModuleVersion = typeof(StartMapflowProcessingCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    private readonly List<Aoi> _aois = new();

    [Parameter(ParameterSetName = ByAoi, Mandatory = true, ValueFromPipeline = true)]
    [Alias("InputObject")]
    public Aoi[] Aoi { get; set; } = Array.Empty<Aoi>();

    /// <summary>A Polygon or MultiPolygon as GeoJSON text, or an object that converts to it.</summary>
    [Parameter(ParameterSetName = ByGeometry, Mandatory = true)]
    public object Geometry { get; set; } = "";

    /// <summary>Model name or id; emoji, case and punctuation are ignored, so "Buildings" is "🏠 Buildings".</summary>
    [Parameter(Mandatory = true)]
    [Alias("WorkflowDef", "wdName")]
    public string Model { get; set; } = "";

    /// <summary>A project object, id or name; the default project when omitted.</summary>
    [Parameter]
    public object? Project { get; set; }

    /// <summary>The processing name; with AOIs from the pipeline each AOI's name is appended.</summary>
    [Parameter]
    public string? Name { get; set; }

    /// <summary>Imagery provider name as /user/status lists it (e.g. Mapbox); the account's first provider when omitted.</summary>
    [Parameter]
    public string? DataProvider { get; set; }

    [Parameter]
    [ValidateRange(0, 22)]
    public int? Zoom { get; set; }

    /// <summary>Optional model blocks to enable, e.g. Classification; the others are sent disabled.</summary>
    [Parameter]
    public string[] Option { get; set; } = Array.Empty<string>();

    /// <summary>Create even when a processing with the same content already exists in the project.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateRange(1, 16)]
    public int ThrottleLimit { get; set; } = 4;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByAoi)
        {
            _aois.AddRange(Aoi);
            return;
        }
        // The same reader and checks as Import-MapflowAoi, so a geometry given inline is held to the same rules.
        AoiReadResult? result;
        try
        {
            using var text = new MemoryStream(Encoding.UTF8.GetBytes(GeometryText()));
            result = AoiReader.ReadGeoJson(text, "-Geometry", new AoiReadOptions()).FirstOrDefault();
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            ThrowTerminatingError(new ErrorRecord(e, "Aoi.InvalidGeometry", ErrorCategory.InvalidData, Geometry));
            return;
        }
        if (result?.Problem is { } problem)
            ThrowTerminatingError(new ErrorRecord(new InvalidDataException(ImportMapflowAoiCommand.Describe(problem)), "Aoi." + problem.Code, ErrorCategory.InvalidData, Geometry));
        if (result?.Aoi is { } aoi) _aois.Add(aoi);
    }

    protected override void EndProcessing()
    {
        if (_aois.Count == 0) return;
        var session = ResolveSession();
        Model model = null!;
        DataProvider provider = null!;
        Guid projectId = default;
        Run(async cancel =>
        {
            var account = await session.GetAccountAsync(refresh: false, cancel).ConfigureAwait(false);
            model = ModelResolver.Resolve(account.Models, Model);
            provider = ResolveProvider(account);
            projectId = await ProjectReference.ResolveAsync(session, Project, cancel).ConfigureAwait(false)
                        ?? (await session.Client.GetDefaultProjectAsync(cancel).ConfigureAwait(false)).Id;
        });
        var blocks = ResolveBlocks(model);
        var starter = new ProcessingStarter(session.Client, projectId);
        SetThrottle(ThrottleLimit);

        foreach (var aoi in _aois)
        {
            var request = BuildRequest(aoi, model, provider, blocks, projectId);
            PumpReady();
            if (!ShouldProcess(request.Name, $"Start '{model.Name}' on {aoi.AreaKm2:0.###} km² ({aoi.PolygonCount} polygon(s)) with {provider.Name}")) continue;
            Start(async cancel =>
            {
                try
                {
                    var result = await starter.StartAsync(request, Force, cancel).ConfigureAwait(false);
                    switch (result.Outcome)
                    {
                        case StartOutcome.Existing:
                            QueueVerbose($"'{request.Name}' was already started as {result.Processing.Id}; not starting it again (use -Force to start anyway).");
                            break;
                        case StartOutcome.Recovered:
                            QueueVerbose($"'{request.Name}': the create's answer was lost, but the processing {result.Processing.Id} was found by its key; not created again.");
                            break;
                    }
                    QueueObject(result.Processing);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    QueueFailure(e, aoi);
                }
            });
        }
        WaitForAll();
    }

    private ProcessingRequest BuildRequest(Aoi aoi, Model model, DataProvider provider, List<BlockSelection> blocks, Guid projectId)
    {
        var name = ParameterSetName == ByGeometry ? Name ?? "Processing"
            : Name is null ? aoi.Name
            : _aois.Count == 1 ? Name : $"{Name} {aoi.Name}";
        var request = new ProcessingRequest
        {
            Name = name,
            ProjectId = projectId,
            WdId = model.Id,
            Geometry = aoi.Geometry,
            Params = new ProcessingParams { SourceParams = { DataProvider = new DataProviderSource { ProviderName = provider.Name, Zoom = Zoom } } },
            Blocks = blocks.Count > 0 ? blocks : null,
        };
        request.Meta = new Dictionary<string, string>
        {
            ["source-app"] = "mapflow-powershell",
            ["version"] = ModuleVersion,
            [ProcessingStatus.ClientKeyMeta] = StartKey.Compute(request),
        };
        return request;
    }

    private DataProvider ResolveProvider(Account account)
    {
        if (DataProvider is null)
            return account.DataProviders.FirstOrDefault() ?? throw new InvalidOperationException("The account lists no data provider; pass -DataProvider.");
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

    private string GeometryText() => (Geometry is PSObject ps ? ps.BaseObject : Geometry) switch
    {
        string text => text,
        var other => JsonSerializer.Serialize(other is System.Collections.IDictionary d ? ToPlain(d) : other),
    };

    private static object? ToPlain(object? value) => value switch
    {
        PSObject ps => ToPlain(ps.BaseObject),
        System.Collections.IDictionary d => d.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => ToPlain(d[k])),
        string s => s,
        System.Collections.IEnumerable e => e.Cast<object?>().Select(ToPlain).ToList(),
        _ => value,
    };
}
