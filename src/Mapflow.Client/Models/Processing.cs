using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mapflow;

/// <summary>A processing (API v2 object): one model run over one or more AOIs.</summary>
public sealed class Processing
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public Guid ProjectId { get; set; }
    public Model? WorkflowDef { get; set; }
    public string Status { get; set; } = "";
    public int? PercentCompleted { get; set; }
    public int? AoiCount { get; set; }
    public double? AoiArea { get; set; }
    public double? Area { get; set; }
    public long? Cost { get; set; }
    public JsonElement? Params { get; set; }
    public List<ModelBlock>? Blocks { get; set; }
    public Dictionary<string, string>? Meta { get; set; }
    public List<ProcessingMessage> Messages { get; set; } = new();
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? Updated { get; set; }

    [JsonIgnore] public string? Model => WorkflowDef?.Name;
    [JsonIgnore] public double? AreaKm2 => AoiArea / 1e6;
    [JsonIgnore] public bool IsTerminal => ProcessingStatus.IsTerminal(Status);

    /// <summary>The idempotency key this client stored in meta when it started the processing, if any.</summary>
    [JsonIgnore] public string? ClientKey => Meta != null && Meta.TryGetValue(ProcessingStatus.ClientKeyMeta, out var k) ? k : null;

    public string MessageSummary() => string.Join("; ", Messages.Select(m => m.ToString()));

    public override string ToString() => $"{Name} ({Id})";
}

public sealed class ProcessingMessage
{
    public string Code { get; set; } = "";
    public Dictionary<string, string>? Parameters { get; set; }

    public override string ToString() => Parameters is { Count: > 0 }
        ? $"{Code} ({string.Join(", ", Parameters.Select(p => p.Key + "=" + p.Value))})"
        : Code;
}

/// <summary>One AOI of a processing (GET /processings/{id}/aois).</summary>
public sealed class ProcessingAoi
{
    public Guid Id { get; set; }
    public string? Status { get; set; }
    public int? PercentCompleted { get; set; }
    public double? Area { get; set; }
    public List<ProcessingMessage>? Messages { get; set; }
    public JsonElement? Geometry { get; set; }
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

    /// <summary>The meta key under which this client stores a start's idempotency key.</summary>
    public const string ClientKeyMeta = "mapflow-ps-key";

    /// <summary>Terminal per the QGIS plugin; an unknown status is not terminal, so waits keep going.</summary>
    public static bool IsTerminal(string? status) =>
        status is Ok or Failed or Cancelled or Refunded;

    public static bool IsKnown(string? status) =>
        IsTerminal(status) || status is Unprocessed or InProgress or Awaiting;
}

/// <summary>A page of a paged listing: {results, total, count}.</summary>
public sealed class Page<T>
{
    public List<T> Results { get; set; } = new();
    public int Total { get; set; }
    public int Count { get; set; }
}
