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
        new DoubleConverter(), new NullableDoubleConverter(),
        new Int64Converter(), new NullableInt64Converter(),
        new Int32Converter(), new NullableInt32Converter(),
        new BooleanConverter(), new NullableBooleanConverter(),
        new DateConverter(),
        new GuidConverter(),
    };

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

    private sealed class DoubleConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadNumber(ref reader) ?? 0;
        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class NullableDoubleConverter : JsonConverter<double?>
    {
        public override bool HandleNull => true;
        public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : ReadNumber(ref reader);

        public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
        {
            if (value is { } v) writer.WriteNumberValue(v);
            else writer.WriteNullValue();
        }
    }

    private sealed class Int64Converter : JsonConverter<long>
    {
        public override bool HandleNull => true;
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ToInt64(ReadNumber(ref reader)) ?? 0;
        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class NullableInt64Converter : JsonConverter<long?>
    {
        public override bool HandleNull => true;
        public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : ToInt64(ReadNumber(ref reader));

        public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
        {
            if (value is { } v) writer.WriteNumberValue(v);
            else writer.WriteNullValue();
        }
    }

    private sealed class Int32Converter : JsonConverter<int>
    {
        public override bool HandleNull => true;
        public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ToInt32(ReadNumber(ref reader)) ?? 0;
        public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    private sealed class NullableInt32Converter : JsonConverter<int?>
    {
        public override bool HandleNull => true;
        public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : ToInt32(ReadNumber(ref reader));

        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options)
        {
            if (value is { } v) writer.WriteNumberValue(v);
            else writer.WriteNullValue();
        }
    }

    private sealed class BooleanConverter : JsonConverter<bool>
    {
        public override bool HandleNull => true;
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadBoolean(ref reader) ?? false;
        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    private sealed class NullableBooleanConverter : JsonConverter<bool?>
    {
        public override bool HandleNull => true;
        public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : ReadBoolean(ref reader);

        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
        {
            if (value is { } v) writer.WriteBooleanValue(v);
            else writer.WriteNullValue();
        }
    }

    /// <summary>ISO-8601; a time without a zone is UTC, as QGIS reads the data catalog's naive timestamps. Unreadable is null.</summary>
    private sealed class DateConverter : JsonConverter<DateTimeOffset?>
    {
        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
                return null;
            }
            return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value) ? value : null;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is { } v) writer.WriteStringValue(v);
            else writer.WriteNullValue();
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
