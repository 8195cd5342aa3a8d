using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mapflow.Client.Json;
using NetTopologySuite.IO.Converters;

namespace Mapflow.Client;

/// <summary>
/// The one set of JSON options for the API: camelCase, nulls omitted (as QGIS sends), GeoJSON geometries; and
/// reading as tolerant as the public clients are (see <see cref="LenientConverters"/>, <see cref="TolerantListConverterFactory"/>).
/// </summary>
public static class MapflowJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Cyrillic names go over the wire as UTF-8, not \u escapes, so request logs stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        foreach (var converter in LenientConverters.All) options.Converters.Add(converter);
        options.Converters.Add(new TolerantListConverterFactory());
        options.Converters.Add(new PageConverterFactory());
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
