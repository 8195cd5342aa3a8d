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
    public long AoiAreaLimit { get; set; } = 25_000_000;
    public bool ListsIncludeMeta { get; set; }

    internal EmulatorConfig ToConfig() => new(
        ProcessingDurationMs, FeaturesPerAoi, RemainingCredits, MaxAoisPerProcessing, AoiAreaLimit, ListsIncludeMeta);
}

/// <summary>The settings tests may change at run time through <c>/_emulator/config</c>.</summary>
internal sealed record EmulatorConfig(
    int ProcessingDurationMs,
    int FeaturesPerAoi,
    int RemainingCredits,
    int MaxAoisPerProcessing,
    long AoiAreaLimit,
    bool ListsIncludeMeta);

/// <summary>A partial <see cref="EmulatorConfig"/>: absent keys keep their current value.</summary>
internal sealed record EmulatorConfigPatch(
    int? ProcessingDurationMs,
    int? FeaturesPerAoi,
    int? RemainingCredits,
    int? MaxAoisPerProcessing,
    long? AoiAreaLimit,
    bool? ListsIncludeMeta)
{
    public EmulatorConfig ApplyTo(EmulatorConfig current)
    {
        if (ProcessingDurationMs < 0 || FeaturesPerAoi < 0 || RemainingCredits < 0 || MaxAoisPerProcessing < 0 || AoiAreaLimit < 0)
            throw ApiException.BadRequest("Config values must not be negative");
        return new EmulatorConfig(
            ProcessingDurationMs ?? current.ProcessingDurationMs,
            FeaturesPerAoi ?? current.FeaturesPerAoi,
            RemainingCredits ?? current.RemainingCredits,
            MaxAoisPerProcessing ?? current.MaxAoisPerProcessing,
            AoiAreaLimit ?? current.AoiAreaLimit,
            ListsIncludeMeta ?? current.ListsIncludeMeta);
    }
}
