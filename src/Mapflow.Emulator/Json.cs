using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.IO.Converters;

namespace Mapflow.Emulator;

/// <summary>One set of JSON rules for everything the emulator reads and writes.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        // Case-sensitive reading, like the real (JVM) backend: a mis-cased key is ignored, not silently accepted.
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new GeoJsonConverterFactory());
        options.Converters.Add(new MicrosecondUtcConverter());
        return options;
    }

    public static IResult Ok(object value) => Results.Json(value, Options);

    public static IResult Error(ApiError error, int status) => Results.Json(error, Options, statusCode: status);

    /// <summary>Reads a required JSON body; anything unreadable becomes a 400 BAD_REQUEST.</summary>
    public static async Task<T> ReadBodyAsync<T>(HttpRequest request) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted)
                ?? throw ApiException.BadRequest("Request body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"Malformed JSON body: {e.Message}");
        }
    }

    /// <summary>The API's timestamps: ISO-8601 UTC with microseconds and a Z, e.g. 2026-04-23T14:02:11.729870Z.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private sealed class MicrosecondUtcConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Timestamp(value));
    }
}
