using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mapflow.Emulator.Catalog;

namespace Mapflow.Emulator.Planning;

/// <summary>
/// The imagery source of a processing: exactly one of the four v2 <c>sourceParams</c> kinds (§4.4),
/// kept as the JSON the client sent so it can be echoed back.
/// </summary>
internal sealed record SourceParams(string Kind, JsonObject Value)
{
    public const string MyImagery = "myImagery";
    public const string ImagerySearch = "imagerySearch";
    public const string DataProvider = "dataProvider";
    public const string UserDefined = "userDefined";

    private static readonly string[] Kinds = [MyImagery, ImagerySearch, DataProvider, UserDefined];

    /// <summary>What the API uses when a request has no params at all.</summary>
    public static SourceParams Default => FromProvider(DataProviders.DefaultName, null);

    public string? ProviderName => Kind == DataProvider ? (string?)Value["providerName"] : null;

    public int? Zoom => Value["zoom"] is JsonValue zoom ? zoom.GetValue<int>() : null;

    public static SourceParams FromProvider(string providerName, int? zoom) =>
        new(DataProvider, new JsonObject { ["providerName"] = providerName, ["zoom"] = zoom });

    /// <summary>Parses v2 <c>sourceParams</c>; an empty or absent object means the default provider.</summary>
    public static SourceParams FromV2(JsonElement sourceParams)
    {
        if (sourceParams.ValueKind != JsonValueKind.Object)
            throw ApiException.BadRequest("params.sourceParams must be an object");
        var given = new List<(string Kind, JsonElement Value)>();
        foreach (var property in sourceParams.EnumerateObject())
        {
            if (!Kinds.Contains(property.Name, StringComparer.Ordinal))
                throw ApiException.BadRequest($"Unknown sourceParams key '{property.Name}'; expected one of {string.Join(", ", Kinds)}");
            if (property.Value.ValueKind == JsonValueKind.Null)
                continue;
            if (property.Value.ValueKind != JsonValueKind.Object)
                throw ApiException.BadRequest($"sourceParams.{property.Name} must be an object");
            given.Add((property.Name, property.Value));
        }
        if (given.Count > 1)
            throw ApiException.BadRequest($"sourceParams must contain exactly one of {string.Join(", ", Kinds)}; got {string.Join(", ", given.Select(g => g.Kind))}");
        if (given.Count == 0)
            return Default;

        var (kind, value) = given[0];
        return kind switch
        {
            DataProvider => FromProvider(RequiredString(value, "providerName", kind), OptionalZoom(value, kind)),
            UserDefined => Checked(kind, value, "sourceType", "url"),
            _ => Checked(kind, value),
        };
    }

    /// <summary>Parses v1's flat string map: <c>data_provider</c>, or <c>url</c> + <c>source_type</c> (+ zoom, crs/projection, raster_login/password).</summary>
    public static SourceParams FromV1(JsonElement? parameters)
    {
        if (parameters is not { ValueKind: not JsonValueKind.Null } p)
            return Default;
        if (p.ValueKind != JsonValueKind.Object)
            throw ApiException.BadRequest("params must be a flat object of strings");
        var map = p.EnumerateObject()
            .Where(kv => kv.Value.ValueKind != JsonValueKind.Null)
            .ToDictionary(kv => kv.Name, kv => kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString()! : kv.Value.GetRawText());
        int? zoom = map.TryGetValue("zoom", out var z)
            ? int.TryParse(z, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw ApiException.BadRequest($"zoom must be an integer, not '{z}'")
            : null;

        if (map.TryGetValue("data_provider", out var provider))
            return FromProvider(provider, zoom);
        if (map.TryGetValue("url", out var url))
        {
            var value = new JsonObject
            {
                ["sourceType"] = map.GetValueOrDefault("source_type", "xyz").ToUpperInvariant(),
                ["url"] = url,
                ["zoom"] = zoom,
                ["crs"] = map.GetValueOrDefault("crs") ?? map.GetValueOrDefault("projection"),
            };
            return new SourceParams(UserDefined, value);
        }
        if (map.Count == 0)
            return Default;
        throw ApiException.BadRequest("params must contain data_provider, or url and source_type");
    }

    /// <summary>All four keys, the unused ones null, as the API returns them.</summary>
    public JsonObject ToV2Json()
    {
        var json = new JsonObject();
        foreach (var kind in Kinds)
            json[kind] = kind == Kind ? Value.DeepClone() : null;
        return json;
    }

    /// <summary>The flat v1 form of the same source; credentials are never echoed.</summary>
    public IReadOnlyDictionary<string, string> ToV1Map()
    {
        var map = new Dictionary<string, string>();
        switch (Kind)
        {
            case DataProvider:
                map["data_provider"] = ProviderName!;
                break;
            case ImagerySearch:
                map["data_provider"] = (string?)Value["dataProvider"] ?? "";
                map["image_ids"] = string.Join(",", Value["imageIds"]?.AsArray().Select(i => (string?)i) ?? []);
                break;
            case MyImagery:
                map["source_type"] = "local";
                if (Value["mosaicId"] is { } mosaic) map["mosaic_id"] = (string)mosaic!;
                if (Value["imageIds"] is JsonArray images) map["image_ids"] = string.Join(",", images.Select(i => (string?)i));
                break;
            case UserDefined:
                map["url"] = (string?)Value["url"] ?? "";
                map["source_type"] = ((string?)Value["sourceType"] ?? "").ToLowerInvariant();
                if (Value["crs"] is { } crs) map["crs"] = (string)crs!;
                break;
        }
        if (Zoom is { } zoom)
            map["zoom"] = zoom.ToString(CultureInfo.InvariantCulture);
        return map;
    }

    private static SourceParams Checked(string kind, JsonElement value, params string[] required)
    {
        foreach (var key in required)
            RequiredString(value, key, kind);
        OptionalZoom(value, kind);
        return new SourceParams(kind, JsonObject.Create(value)!);
    }

    private static string RequiredString(JsonElement value, string key, string kind) =>
        value.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw ApiException.BadRequest($"sourceParams.{kind}.{key} is required");

    private static int? OptionalZoom(JsonElement value, string kind)
    {
        if (!value.TryGetProperty("zoom", out var zoom) || zoom.ValueKind == JsonValueKind.Null)
            return null;
        return zoom.ValueKind == JsonValueKind.Number && zoom.TryGetInt32(out var z)
            ? z
            : throw ApiException.BadRequest($"sourceParams.{kind}.zoom must be an integer");
    }
}
