namespace Mapflow.Emulator;

/// <summary>
/// Start-up options, bound from the "Emulator" configuration section,
/// e.g. <c>--Emulator:ProcessingDurationMs=0</c> on the command line.
/// </summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    /// <summary>Semicolon-separated <c>email:secret</c> pairs; the first one is the demo user.</summary>
    public string Users { get; set; } = "demo@mapflow.local:demo-secret";

    public int ProcessingDurationMs { get; set; } = 3000;
    public int FeaturesPerAoi { get; set; } = 25;
    public int RemainingCredits { get; set; } = 250;
    public int MaxAoisPerProcessing { get; set; } = 10;

    /// <summary>The project owner's limit on one processing (user.aoiAreaLimit of every project), m².</summary>
    public long AoiAreaLimit { get; set; } = 25_000_000;

    /// <summary>The account's total quota (areaLimit of /user/status), m²: the docs' example of 100,000 km².</summary>
    public long AccountAreaLimit { get; set; } = 100_000_000_000;

    public bool ListsIncludeMeta { get; set; }

    /// <summary>The most a page listing returns, whatever limit was asked for; applied silently, as a real server may.</summary>
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Processings "made by other clients" (QGIS, the SDK, MCP) that every new project starts with, in their odd shapes.</summary>
    public int OtherClientProcessings { get; set; } = 3;

    public bool ReviewWorkflowEnabled { get; set; }

    /// <summary>Comma-separated providers listed in /user/status but outside the plan: a create with one gets a 403.</summary>
    public string ForbiddenProviders { get; set; } = "Maxar";

    /// <summary>How long a new processing takes to show in the listings' terms search, as a search index may lag.</summary>
    public int SearchIndexLagMs { get; set; }

    /// <summary>Added to every API request before it is handled, as a distant server's round trip (for benchmarks).</summary>
    public int LatencyMs { get; set; }

    /// <summary>The data catalog's storage quota per user (memoryLimit of /rasters/memory), bytes: 5 GB.</summary>
    public long RasterMemoryLimit { get; set; } = 5L << 30;

    /// <summary>The largest GeoTIFF one upload may send (maxUploadFileSize), bytes: the free plan's 1 GB.</summary>
    public long RasterMaxUploadFileSize { get; set; } = 1L << 30;

    /// <summary>The most pixels (width × height) one image may have (maxPixelCount).</summary>
    public long RasterMaxPixelCount { get; set; } = 65535L * 65535;

    internal EmulatorConfig ToConfig() => new(
        ProcessingDurationMs, FeaturesPerAoi, RemainingCredits, MaxAoisPerProcessing, AoiAreaLimit, AccountAreaLimit, ListsIncludeMeta,
        MaxPageSize, OtherClientProcessings, ReviewWorkflowEnabled, ForbiddenProviders, SearchIndexLagMs, LatencyMs);
}

/// <summary>The settings tests may change at run time through <c>/_emulator/config</c>.</summary>
internal sealed record EmulatorConfig(
    int ProcessingDurationMs,
    int FeaturesPerAoi,
    int RemainingCredits,
    int MaxAoisPerProcessing,
    long AoiAreaLimit,
    long AccountAreaLimit,
    bool ListsIncludeMeta,
    int MaxPageSize,
    int OtherClientProcessings,
    bool ReviewWorkflowEnabled,
    string ForbiddenProviders,
    int SearchIndexLagMs,
    int LatencyMs)
{
    public bool IsForbidden(string providerName) =>
        ForbiddenProviders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Contains(providerName, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A partial <see cref="EmulatorConfig"/>: absent keys keep their current value.</summary>
internal sealed record EmulatorConfigPatch(
    int? ProcessingDurationMs,
    int? FeaturesPerAoi,
    int? RemainingCredits,
    int? MaxAoisPerProcessing,
    long? AoiAreaLimit,
    long? AccountAreaLimit,
    bool? ListsIncludeMeta,
    int? MaxPageSize,
    int? OtherClientProcessings,
    bool? ReviewWorkflowEnabled,
    string? ForbiddenProviders,
    int? SearchIndexLagMs,
    int? LatencyMs)
{
    public EmulatorConfig ApplyTo(EmulatorConfig current)
    {
        if (ProcessingDurationMs < 0 || FeaturesPerAoi < 0 || RemainingCredits < 0 || MaxAoisPerProcessing < 0 || AoiAreaLimit < 0
            || AccountAreaLimit < 0 || OtherClientProcessings < 0 || SearchIndexLagMs < 0 || LatencyMs < 0)
            throw ApiException.BadRequest("Config values must not be negative");
        if (MaxPageSize < 1)
            throw ApiException.BadRequest("maxPageSize must be at least 1");
        return new EmulatorConfig(
            ProcessingDurationMs ?? current.ProcessingDurationMs,
            FeaturesPerAoi ?? current.FeaturesPerAoi,
            RemainingCredits ?? current.RemainingCredits,
            MaxAoisPerProcessing ?? current.MaxAoisPerProcessing,
            AoiAreaLimit ?? current.AoiAreaLimit,
            AccountAreaLimit ?? current.AccountAreaLimit,
            ListsIncludeMeta ?? current.ListsIncludeMeta,
            MaxPageSize ?? current.MaxPageSize,
            OtherClientProcessings ?? current.OtherClientProcessings,
            ReviewWorkflowEnabled ?? current.ReviewWorkflowEnabled,
            ForbiddenProviders ?? current.ForbiddenProviders,
            SearchIndexLagMs ?? current.SearchIndexLagMs,
            LatencyMs ?? current.LatencyMs);
    }
}
