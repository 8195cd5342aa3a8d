using System;
using System.IO;
using System.Text.Json;
using Mapflow.Client.Json;

namespace Mapflow.Client.Results;

/// <summary>
/// Reads a downloaded result once, one feature at a time, to prove it is a complete GeoJSON FeatureCollection
/// and to count (or hand on) its features; a truncated or malformed body fails here before it reaches its final name.
/// </summary>
internal static class FeatureCollectionCheck
{
    /// <summary>The number of features; throws <see cref="InvalidDataException"/> when the stream is not a whole FeatureCollection.</summary>
    public static long CountFeatures(Stream stream)
    {
        var scanner = new FeatureCollectionScanner();
        var buffer = new byte[81920];
        for (int read; (read = stream.Read(buffer, 0, buffer.Length)) > 0;)
            scanner.Append(new ReadOnlySpan<byte>(buffer, 0, read));
        return scanner.Complete();
    }

    /// <summary>Checks as <see cref="CountFeatures"/> does, passing each feature's JSON bytes to <paramref name="onFeature"/>.</summary>
    public static long ReadFeatures(Stream stream, Action<byte[]> onFeature)
    {
        try
        {
            var reader = new JsonStreamReader(stream);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new InvalidDataException("the body is not a JSON object");
            bool sawType = false, sawFeatures = false;
            long features = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.String;
                if (!reader.Read()) break;
                if (name == "type")
                {
                    if (reader.String != "FeatureCollection")
                        throw new InvalidDataException($"the GeoJSON type is '{reader.String}', not FeatureCollection");
                    sawType = true;
                }
                else if (name == "features" && reader.TokenType == JsonTokenType.StartArray)
                {
                    sawFeatures = true;
                    while (reader.ReadValueBytes() is { } feature)
                    {
                        features++;
                        onFeature(feature);
                    }
                }
                else
                {
                    reader.SkipChildren();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Depth != 0)
                throw new InvalidDataException("the body ends before the FeatureCollection is complete");
            if (!sawType) throw new InvalidDataException("the body has no \"type\": \"FeatureCollection\"");
            if (!sawFeatures) throw new InvalidDataException("the body has no \"features\" array");
            return features;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("the body is not complete, valid JSON: " + e.Message, e);
        }
    }
}
