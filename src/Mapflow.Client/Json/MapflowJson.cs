using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.IO.Converters;

namespace Mapflow.Client;

/// <summary>The one set of JSON options for the API: camelCase, nulls omitted (as QGIS sends), GeoJSON geometries.</summary>
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
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
