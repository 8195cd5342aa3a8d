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
            UserDefined => CheckedUserDefined(value),
            ImagerySearch => CheckedImagerySearch(value),
            _ => CheckedMyImagery(value),
        };
    }

    /// <summary>The source types the API takes, upper-case only (QGIS sends them so; DOCS params_ds.csv).</summary>
    public static readonly IReadOnlyList<string> SourceTypes = ["XYZ", "TMS", "QUADKEY", "SENTINEL_L2A", "LOCAL"];

    /// <summary>Lower-case, as QGIS sends them.</summary>
    public static readonly IReadOnlyList<string> Projections = ["epsg:3857", "epsg:3395"];

    private static SourceParams CheckedUserDefined(JsonElement value)
    {
        var sourceType = RequiredString(value, "sourceType", UserDefined);
        if (!SourceTypes.Contains(sourceType, StringComparer.Ordinal))
            throw ApiException.BadRequest($"sourceParams.userDefined.sourceType must be one of {string.Join(", ", SourceTypes)}, not '{sourceType}'");
        RequiredString(value, "url", UserDefined);
        if (OptionalString(value, "crs", UserDefined) is { } crs && !Projections.Contains(crs, StringComparer.Ordinal))
            throw ApiException.BadRequest($"sourceParams.userDefined.crs must be one of {string.Join(", ", Projections)}, not '{crs}'");
        OptionalString(value, "rasterLogin", UserDefined);
        OptionalString(value, "rasterPassword", UserDefined);
        OptionalZoom(value, UserDefined);
        return new SourceParams(UserDefined, JsonObject.Create(value)!);
    }

    /// <summary>
    /// Images found by /catalog/meta: the provider is required (without it the API answers 400, which QGIS 3.5.2
    /// learned, §8.2), and every id must be one the catalog lists for that provider.
    /// </summary>
    private static SourceParams CheckedImagerySearch(JsonElement value)
    {
        if (!value.TryGetProperty("dataProvider", out var p) || p.ValueKind != JsonValueKind.String || p.GetString() is not { Length: > 0 } provider)
            throw ApiException.BadRequest("sourceParams.imagerySearch.dataProvider is required with imageIds");
        var ids = StringList(value, "imageIds", ImagerySearch)
                  ?? throw ApiException.BadRequest("sourceParams.imagerySearch.imageIds is required");
        if (!ImageCatalog.IsProvider(provider))
            throw ApiException.BadRequest($"Unknown search data provider '{provider}'");
        var unknown = ids.Where(id => ImageCatalog.Find(provider, id) is null).ToList();
        if (unknown.Count > 0)
            throw new ApiException(StatusCodes.Status400BadRequest, ApiException.GenericCode,
                $"Images not found for data provider '{provider}': {string.Join(", ", unknown)}",
                new Dictionary<string, string> { ["dataProvider"] = provider, ["imageIds"] = string.Join(",", unknown) });
        OptionalZoom(value, ImagerySearch);
        return new SourceParams(ImagerySearch, JsonObject.Create(value)!);
    }

    /// <summary>
    /// The user's imagery: a mosaic or images. The docs show both keys together, but QGIS and the CLI never send them
    /// so and the docs do not say which would win; the emulator refuses the pair, so a client that sends it is caught.
    /// Whether the mosaic or images exist is the data catalog's business, not checked here.
    /// </summary>
    private static SourceParams CheckedMyImagery(JsonElement value)
    {
        var images = StringList(value, "imageIds", MyImagery);
        var mosaic = OptionalString(value, "mosaicId", MyImagery);
        if (images is not null && mosaic is not null)
            throw ApiException.BadRequest("sourceParams.myImagery takes imageIds or mosaicId, not both");
        if (images is null && mosaic is null)
            throw ApiException.BadRequest("sourceParams.myImagery needs imageIds or mosaicId");
        foreach (var id in images ?? (mosaic is null ? [] : [mosaic]))
        {
            if (!Guid.TryParse(id, out _))
                throw ApiException.BadRequest($"sourceParams.myImagery: '{id}' is not a UUID");
        }
        return new SourceParams(MyImagery, JsonObject.Create(value)!);
    }

    /// <summary>
    /// What the pipeline's source validator would fail the processing with (§7.2): a tile URL that is no link or
    /// lacks its placeholders. Not a 400: the real API accepts the start and the processing FAILS.
    /// </summary>
    public JsonNode? ValidationFailure()
    {
        if (Kind != UserDefined || (string?)Value["sourceType"] is not ("XYZ" or "TMS" or "QUADKEY") || (string?)Value["url"] is not { } url)
            return null;
        var type = (string)Value["sourceType"]!;
        string? code = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            code = "UrlMustBeLink";
        else if (type == "QUADKEY" ? !url.Contains("{q}") : !(url.Contains("{x}") && url.Contains("{y}") && url.Contains("{z}")))
            code = type switch { "XYZ" => "XYZLinkFormatError", "TMS" => "TMSLinkFormatError", _ => "QuadkeyLinkFormatError" };
        return code is null
            ? null
            : new JsonObject { ["code"] = "source-validator." + code, ["parameters"] = new JsonObject { ["level"] = "error" } };
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

    private static string? OptionalString(JsonElement value, string key, string kind)
    {
        if (!value.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw ApiException.BadRequest($"sourceParams.{kind}.{key} must be a string");
    }

    /// <summary>A non-empty array of strings, or null when absent.</summary>
    private static IReadOnlyList<string>? StringList(JsonElement value, string key, string kind)
    {
        if (!value.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
            return null;
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0 || v.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
            throw ApiException.BadRequest($"sourceParams.{kind}.{key} must be a non-empty array of strings");
        return v.EnumerateArray().Select(i => i.GetString()!).ToList();
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
