using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Mapflow.Client.Json;

namespace Mapflow.Client.Reports;

/// <summary>The features of a saved GeoJSON result, one small document at a time, so memory does not grow with the file.</summary>
internal static class ResultFeatures
{
    public static IEnumerable<JsonDocument> Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var reader = new JsonStreamReader(file);
        if (!MoveIntoFeatures(reader)) yield break;
        while (reader.ReadValueBytes() is { } bytes)
            yield return JsonDocument.Parse(bytes);
    }

    // To the start of the top-level "features" array; false for a file without one.
    private static bool MoveIntoFeatures(JsonStreamReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.Depth >= 1)
        {
            if (reader.Depth != 1 || reader.TokenType != JsonTokenType.PropertyName) continue;
            if (reader.String == "features")
                return reader.Read() && reader.TokenType == JsonTokenType.StartArray;
            reader.SkipValue();
        }
        return false;
    }
}
