using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mapflow.Client.Json;

/// <summary>
/// Readers for the scalar shapes the API and other clients are seen to send (mapflow-api.md §11.4): numbers as
/// text or with fractions, 0/1 and "true" for booleans, null where a value is usual, dates without a zone. A value
/// of the wrong kind altogether (an object where a number goes) reads as absent rather than failing the whole
/// object. Writing is plain JSON.
/// </summary>
internal static class LenientConverters
{
    public static IEnumerable<JsonConverter> All { get; } = new JsonConverter[]
    {
        new StringConverter(),
        new MapConverter(),
        new Value<double>(ReadNumber, (w, v) => w.WriteNumberValue(v)),
        new NullableValue<double>(ReadNumber, (w, v) => w.WriteNumberValue(v)),
        new Value<long>((ref Utf8JsonReader r) => ToInt64(ReadNumber(ref r)), (w, v) => w.WriteNumberValue(v)),
        new NullableValue<long>((ref Utf8JsonReader r) => ToInt64(ReadNumber(ref r)), (w, v) => w.WriteNumberValue(v)),
        new Value<int>((ref Utf8JsonReader r) => ToInt32(ReadNumber(ref r)), (w, v) => w.WriteNumberValue(v)),
        new NullableValue<int>((ref Utf8JsonReader r) => ToInt32(ReadNumber(ref r)), (w, v) => w.WriteNumberValue(v)),
        new Value<bool>(ReadBoolean, (w, v) => w.WriteBooleanValue(v)),
        new NullableValue<bool>(ReadBoolean, (w, v) => w.WriteBooleanValue(v)),
        new NullableValue<DateTimeOffset>(ReadDate, (w, v) => w.WriteStringValue(v)),
        new GuidConverter(),
    };

    private delegate T? ReadValue<T>(ref Utf8JsonReader reader) where T : struct;

    /// <summary>A value type where JSON null or a value of the wrong kind reads as its default.</summary>
    private sealed class Value<T>(ReadValue<T> read, Action<Utf8JsonWriter, T> write) : JsonConverter<T> where T : struct
    {
        public override bool HandleNull => true;
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => read(ref reader) ?? default;
        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => write(writer, value);
    }

    /// <summary>A nullable value type where JSON null or a value of the wrong kind reads as null.</summary>
    private sealed class NullableValue<T>(ReadValue<T> read, Action<Utf8JsonWriter, T> write) : JsonConverter<T?> where T : struct
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : read(ref reader);

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is { } v) write(writer, v);
            else writer.WriteNullValue();
        }
    }

    /// <summary>A number from a number or numeric text; null for anything else.</summary>
    private static double? ReadNumber(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String:
                return double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    private static long? ToInt64(double? value) =>
        value is { } v && !double.IsNaN(v) && v >= long.MinValue && v <= long.MaxValue ? (long)Math.Round(v) : null;

    private static int? ToInt32(double? value) =>
        value is { } v && !double.IsNaN(v) && v >= int.MinValue && v <= int.MaxValue ? (int)Math.Round(v) : null;

    private static bool? ReadBoolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                return reader.GetDouble() != 0;
            case JsonTokenType.String:
                return reader.GetString()?.Trim().ToLowerInvariant() switch
                {
                    "true" or "1" or "yes" => true,
                    "false" or "0" or "no" or "" => false,
                    _ => null,
                };
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>Text from a string, a number or a boolean; an object or array as its JSON text.</summary>
    private sealed class StringConverter : JsonConverter<string?>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Null:
                    return null;
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                case JsonTokenType.Number:
                    return reader.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : reader.GetDouble().ToString("R", CultureInfo.InvariantCulture);
                default:
                    using (var document = JsonDocument.ParseValue(ref reader))
                        return document.RootElement.GetRawText();
            }
        }

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue();
            else writer.WriteStringValue(value);
        }
    }

    /// <summary>ISO-8601; a time without a zone is UTC, as QGIS reads the data catalog's naive timestamps. Unreadable is null.</summary>
    private static DateTimeOffset? ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value) ? value : null;
    }

    /// <summary>A string map (meta, a message's parameters): values of any kind as text (see <see cref="StringConverter"/>); not an object, null.</summary>
    private sealed class MapConverter : JsonConverter<Dictionary<string, string?>?>
    {
        public override Dictionary<string, string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return null;
            }
            var text = (JsonConverter<string?>)options.GetConverter(typeof(string));
            var map = new Dictionary<string, string?>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var key = reader.GetString()!;
                reader.Read();
                map[key] = text.Read(ref reader, typeof(string), options);
            }
            return map;
        }

        public override void Write(Utf8JsonWriter writer, Dictionary<string, string?>? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartObject();
            foreach (var pair in value)
            {
                writer.WritePropertyName(pair.Key);
                if (pair.Value is null) writer.WriteNullValue();
                else writer.WriteStringValue(pair.Value);
            }
            writer.WriteEndObject();
        }
    }

    /// <summary>Ids: null is no id (Guid.Empty); text that is not a UUID makes the object unreadable.</summary>
    private sealed class GuidConverter : JsonConverter<Guid>
    {
        public override bool HandleNull => true;

        public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return Guid.Empty;
            if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var id)) return id;
            throw new JsonException($"'{(reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.TokenType.ToString())}' is not an id (a UUID).");
        }

        public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
