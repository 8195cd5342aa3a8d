using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapflow;

/// <summary>
/// Keeps a tile service's password out of what the module shows. The API may echo
/// params.sourceParams.userDefined.rasterPassword in processings (ISSUE#283 shows sourceParams echoed whole), and a
/// processing is printed, logged and exported; so the value read is replaced by a mask.
/// </summary>
public static class SourceCredential
{
    public const string Mask = "********";

    public static JsonElement? Masked(JsonElement? parameters)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } p
            || !p.TryGetProperty("sourceParams", out var source) || source.ValueKind != JsonValueKind.Object
            || !source.TryGetProperty("userDefined", out var user) || user.ValueKind != JsonValueKind.Object
            || !user.TryGetProperty("rasterPassword", out var password) || password.ValueKind == JsonValueKind.Null)
            return parameters;
        var node = JsonNode.Parse(p.GetRawText())!;
        node["sourceParams"]!["userDefined"]!["rasterPassword"] = Mask;
        return JsonSerializer.SerializeToElement(node);
    }
}
