using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mapflow.Client.Json;

/// <summary>
/// Lists of the API's objects (processings, projects, models…) read item by item: an item that cannot be read is
/// left out and noted in <see cref="SkippedItems"/>, so one odd object never fails a whole listing. A null or
/// missing list reads as empty.
/// </summary>
internal sealed class TolerantListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>)
        && typeToConvert.GetGenericArguments()[0] is { IsClass: true } item && item != typeof(string)
        && item.Namespace is "Mapflow";

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(TolerantListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class TolerantListConverter<T> : JsonConverter<List<T>> where T : class
    {
        public override bool HandleNull => true;

        public override List<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TolerantItems.Read<T>(ref reader, options, out _);

        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value) JsonSerializer.Serialize(writer, item, options);
            writer.WriteEndArray();
        }
    }
}

/// <summary>
/// Pages ({results, total, count}) read with the same tolerance, keeping how many items the server returned, read
/// or not: paging must move on by that, or a page with an unreadable item would be asked for again.
/// </summary>
internal sealed class PageConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Page<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(PageConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class PageConverter<T> : JsonConverter<Page<T>> where T : class
    {
        public override Page<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"A page is {reader.TokenType}, not an object.");
            var page = new Page<T>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "results":
                        page.Results = TolerantItems.Read<T>(ref reader, options, out var returned);
                        page.Returned = returned;
                        break;
                    case "total":
                        page.Total = JsonSerializer.Deserialize<int?>(ref reader, options);
                        break;
                    case "count":
                        page.Count = JsonSerializer.Deserialize<int?>(ref reader, options);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            return page;
        }

        public override void Write(Utf8JsonWriter writer, Page<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("results");
            JsonSerializer.Serialize(writer, value.Results, options);
            if (value.Total is { } total) writer.WriteNumber("total", total);
            if (value.Count is { } count) writer.WriteNumber("count", count);
            writer.WriteEndObject();
        }
    }
}

internal static class TolerantItems
{
    /// <summary>Reads an array item by item; <paramref name="returned"/> counts every item, read or left out.</summary>
    public static List<T> Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, out int returned) where T : class
    {
        var list = new List<T>();
        returned = 0;
        if (reader.TokenType == JsonTokenType.Null) return list;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            SkippedItems.Note($"a list of {typeof(T).Name} objects was {reader.TokenType}, not an array; read as empty");
            reader.Skip();
            return list;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            returned++;
            using var item = JsonDocument.ParseValue(ref reader);
            try
            {
                if (item.RootElement.Deserialize<T>(options) is { } value) list.Add(value);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
            {
                SkippedItems.Note($"left out one {typeof(T).Name}{IdOf(item.RootElement)} that could not be read: {e.Message}");
            }
        }
        return list;
    }

    private static string IdOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) ? $" (id {id})" : "";
}

/// <summary>What the tolerant readers left out of the answer being read on this thread (deserialization is synchronous).</summary>
internal static class SkippedItems
{
    [ThreadStatic] private static List<string>? _notes;

    public static void Note(string note) => (_notes ??= new List<string>()).Add(note);

    /// <summary>Forgets what an earlier answer on this thread left, before reading the next.</summary>
    public static void Clear() => _notes?.Clear();

    /// <summary>The notes of the answer just read, which are then forgotten.</summary>
    public static IReadOnlyList<string> Take()
    {
        var notes = _notes is { Count: > 0 } n ? n.ToArray() : Array.Empty<string>();
        _notes?.Clear();
        return notes;
    }
}
