using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapflow.Emulator.Planning;

/// <summary>
/// The body of a create or cost request, v1 or v2; the two differ only in how <c>params</c> is read.
/// Absent and null fields are treated alike, since QGIS omits nulls. <c>meta</c> takes any JSON values, as the
/// public clients send them (MCP's schema allows numbers, arrays and objects).
/// </summary>
internal sealed record ProcessingRequest(
    string? Name,
    string? Description,
    string? ProjectId,
    string? WdId,
    string? WdName,
    JsonElement? Geometry,
    JsonElement? Params,
    IReadOnlyList<BlockToggle>? Blocks,
    JsonObject? Meta,
    double? AreaSqKm)
{
    public bool HasGeometry => Geometry is { ValueKind: not JsonValueKind.Null };

    /// <summary>v2: <c>{"sourceParams": {...}, "inferenceParams": {...}}</c>.</summary>
    public ProcessingParams ParamsV2()
    {
        if (Params is not { ValueKind: not JsonValueKind.Null } p)
            return new ProcessingParams(SourceParams.Default, null);
        if (p.ValueKind != JsonValueKind.Object)
            throw ApiException.BadRequest("params must be an object");
        var source = p.TryGetProperty("sourceParams", out var s) && s.ValueKind != JsonValueKind.Null
            ? SourceParams.FromV2(s)
            : SourceParams.Default;
        JsonObject? inference = null;
        if (p.TryGetProperty("inferenceParams", out var i) && i.ValueKind != JsonValueKind.Null)
            inference = i.ValueKind == JsonValueKind.Object ? JsonObject.Create(i) : throw ApiException.BadRequest("params.inferenceParams must be an object");
        return new ProcessingParams(source, inference);
    }

    /// <summary>v1: a flat string map.</summary>
    public ProcessingParams ParamsV1() => new(SourceParams.FromV1(Params), null);
}

internal sealed record BlockToggle(string? Name, bool Enabled);

internal sealed record ProcessingParams(SourceParams Source, JsonObject? Inference)
{
    public JsonObject ToV2Json() => new()
    {
        ["sourceParams"] = Source.ToV2Json(),
        ["inferenceParams"] = Inference?.DeepClone(),
    };
}
