using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mapflow;

/// <summary>A processing (API v2 object): one model run over one or more AOIs.</summary>
public sealed class Processing : IJsonOnDeserialized
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public Guid ProjectId { get; set; }
    public Model? WorkflowDef { get; set; }

    /// <summary>As the server spells it; a value this module does not know is kept as it came.</summary>
    public string Status { get; set; } = "";

    /// <summary>The server's value, kept as it came (fractions and values out of 0–100 included).</summary>
    public double? PercentCompleted { get; set; }
    public int? AoiCount { get; set; }
    public double? AoiArea { get; set; }
    public double? Area { get; set; }

    /// <summary>Credits; may be fractional.</summary>
    public double? Cost { get; set; }
    /// <summary>As the server echoes them, except a tile service's rasterPassword, which is masked (see <see cref="SourceCredential"/>).</summary>
    public JsonElement? Params { get; set; }
    public List<ModelBlock>? Blocks { get; set; }

    /// <summary>Other clients write numbers, arrays and objects here too; those values are kept as their JSON text.</summary>
    public Dictionary<string, string?>? Meta { get; set; }
    public List<ProcessingMessage> Messages { get; set; } = new();

    /// <summary>Set when the account reviews results (reviewWorkflowEnabled); null otherwise.</summary>
    public ReviewStatus? ReviewStatus { get; set; }

    /// <summary>The account's rating of the result (PUT /processings/{id}/rate); null until rated.</summary>
    public ProcessingRating? Rating { get; set; }
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? Updated { get; set; }

    [JsonIgnore] public string? Model => WorkflowDef?.Name;
    [JsonIgnore] public double? AreaKm2 => AoiArea / 1e6;
    [JsonIgnore] public bool IsTerminal => ProcessingStatus.IsTerminal(Status);

    /// <summary>Waiting for the account's review (QGIS is_in_review): only such a result can be approved or denied.</summary>
    [JsonIgnore] public bool IsInReview => ReviewStatus?.Status == ProcessingStatus.InReview;

    /// <summary>
    /// Done for good, as QGIS decides (is_final_state): a terminal status, unless a reviewer rejected the result
    /// (NOT_ACCEPTED), which is then reviewed again and may change.
    /// </summary>
    [JsonIgnore] public bool IsFinal => IsTerminal && !ProcessingStatus.IsRejectedInReview(ReviewStatus?.Status);

    /// <summary>
    /// Set on this object once its failure was reported (Wait-MapflowProcessing's Processing.Failed), so a later
    /// command in the same pipeline says it once more only in its verbose output.
    /// </summary>
    [JsonIgnore] internal bool FailureReported { get; set; }

    /// <summary>The idempotency key this client stored in meta when it started the processing, if any.</summary>
    [JsonIgnore] public string? ClientKey => Meta != null && Meta.TryGetValue(ProcessingStatus.ClientKeyMeta, out var k) ? k : null;

    public string MessageSummary() => string.Join("; ", Messages.Select(m => m.ToString()));

    public override string ToString() => $"{Name} ({Id})";

    void IJsonOnDeserialized.OnDeserialized()
    {
        Name ??= "";
        Status ??= "";
        Messages ??= new();
        Params = SourceCredential.Masked(Params);
    }
}

/// <summary>
/// reviewStatus of a processing. QGIS reads {reviewStatus, inReviewUntil}; older docs show {reviewStatus, feedback}
/// and the MCP schema {status, feedback}: all are read.
/// </summary>
[JsonConverter(typeof(ReviewStatusConverter))]
public sealed class ReviewStatus
{
    /// <summary>IN_REVIEW, NOT_ACCEPTED, ACCEPTED, REFUNDED, or a value this module does not know, as it came.</summary>
    public string? Status { get; set; }
    public DateTimeOffset? InReviewUntil { get; set; }
    public string? Feedback { get; set; }

    public override string ToString() => Status ?? "";
}

internal sealed class ReviewStatusConverter : JsonConverter<ReviewStatus?>
{
    public override ReviewStatus? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.String) return new ReviewStatus { Status = root.GetString() };
        if (root.ValueKind != JsonValueKind.Object) return null;
        string? Text(string name) => root.TryGetProperty(name, out var v) ? v.Deserialize<string?>(options) : null;
        var until = root.TryGetProperty("inReviewUntil", out var u) ? u.Deserialize<DateTimeOffset?>(options) : null;
        return new ReviewStatus { Status = Text("reviewStatus") ?? Text("status"), InReviewUntil = until, Feedback = Text("feedback") };
    }

    public override void Write(Utf8JsonWriter writer, ReviewStatus? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("reviewStatus", value.Status);
        if (value.InReviewUntil is { } until) writer.WriteString("inReviewUntil", until);
        if (value.Feedback is { } feedback) writer.WriteString("feedback", feedback);
        writer.WriteEndObject();
    }
}

public sealed class ProcessingMessage
{
    public string Code { get; set; } = "";
    public Dictionary<string, string?>? Parameters { get; set; }

    public override string ToString() => Parameters is { Count: > 0 }
        ? $"{Code} ({string.Join(", ", Parameters.Select(p => p.Key + "=" + p.Value))})"
        : Code;
}

/// <summary>rating of a processing: 1 to 5 and the feedback sent with it.</summary>
public sealed class ProcessingRating
{
    public int? Rating { get; set; }
    public string? Feedback { get; set; }

    public override string ToString() => Rating is { } r ? $"{r}/5" + (string.IsNullOrEmpty(Feedback) ? "" : $" ({Feedback})") : "";
}

/// <summary>One AOI of a processing (GET /processings/{id}/aois).</summary>
public sealed class ProcessingAoi : IJsonOnDeserialized
{
    /// <summary>The processing the AOI belongs to: not in the API's object, set by the client that read it.</summary>
    [JsonIgnore] public Guid ProcessingId { get; set; }
    public Guid Id { get; set; }
    public string? Status { get; set; }
    public double? PercentCompleted { get; set; }

    /// <summary>m², as the API sends it.</summary>
    public double? Area { get; set; }
    public List<ProcessingMessage> Messages { get; set; } = new();

    /// <summary>The GeoJSON geometry object as text (lon/lat), ready for ConvertFrom-Json or a GIS.</summary>
    public string? Geometry { get; set; }

    /// <summary>The same as Id, under the name Get-MapflowResult -AoiId binds from the pipeline.</summary>
    [JsonIgnore] public Guid AoiId => Id;

    [JsonIgnore] public double? AreaSqKm => Area / 1e6;

    public override string ToString() => $"AOI {Id} of processing {ProcessingId}";

    void IJsonOnDeserialized.OnDeserialized() => Messages ??= new();
}

public static class ProcessingStatus
{
    public const string Unprocessed = "UNPROCESSED";
    public const string InProgress = "IN_PROGRESS";
    public const string Awaiting = "AWAITING";
    public const string Ok = "OK";
    public const string Failed = "FAILED";
    public const string Cancelled = "CANCELLED";
    public const string Refunded = "REFUNDED";

    /// <summary>reviewStatus.reviewStatus of a result a reviewer rejected; it is reviewed again.</summary>
    public const string NotAccepted = "NOT_ACCEPTED";

    /// <summary>reviewStatus.reviewStatus of a result that waits for the account's review.</summary>
    public const string InReview = "IN_REVIEW";

    /// <summary>The meta key under which this client stores a start's idempotency key.</summary>
    public const string ClientKeyMeta = "mapflow-ps-key";

    /// <summary>Terminal per the QGIS plugin; an unknown status is not terminal, so waits keep going.</summary>
    public static bool IsTerminal(string? status) =>
        status is Ok or Failed or Cancelled or Refunded;

    public static bool IsKnown(string? status) =>
        IsTerminal(status) || status is Unprocessed or InProgress or Awaiting;

    public static bool IsRejectedInReview(string? reviewStatus) => reviewStatus == NotAccepted;
}

/// <summary>A page of a paged listing: {results, total, count}. Total is null when the server leaves it out.</summary>
public sealed class Page<T> where T : class
{
    public List<T> Results { get; set; } = new();
    public int? Total { get; set; }
    public int? Count { get; set; }

    /// <summary>How many items the server returned, including any that could not be read and were left out of Results.</summary>
    [JsonIgnore] public int Returned { get; set; }
}
