using System;
using System.Buffers;
using System.IO;
using System.Text.Json;

namespace Mapflow.Client.Results;

/// <summary>
/// Reads a downloaded result once, in a fixed-size buffer, to prove it is a complete GeoJSON FeatureCollection
/// and to count its features; a truncated or malformed body fails here before it reaches its final name.
/// </summary>
internal static class FeatureCollectionCheck
{
    private const int BufferSize = 64 * 1024;

    /// <summary>The number of features; throws <see cref="InvalidDataException"/> when the file is not a whole FeatureCollection.</summary>
    public static long CountFeatures(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var state = new JsonReaderState();
            int filled = 0;
            bool final = false, sawType = false, sawFeatures = false;
            long features = 0;
            string? pendingProperty = null;
            var depth = 0;
            var done = false;
            while (!done)
            {
                if (!final)
                {
                    var read = stream.Read(buffer, filled, buffer.Length - filled);
                    filled += read;
                    final = read == 0;
                }
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, 0, filled), final, state);
                try
                {
                    while (reader.Read())
                    {
                        switch (reader.TokenType)
                        {
                            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                                depth++;
                                // Each object directly inside the top-level "features" array is one feature.
                                if (depth == 3 && reader.TokenType == JsonTokenType.StartObject && pendingProperty == "features") features++;
                                if (depth == 2 && reader.TokenType == JsonTokenType.StartArray && pendingProperty == "features") sawFeatures = true;
                                break;
                            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                                depth--;
                                if (depth == 1) pendingProperty = null;
                                if (depth == 0) done = true;
                                break;
                            case JsonTokenType.PropertyName when depth == 1:
                                pendingProperty = reader.GetString();
                                break;
                            case JsonTokenType.String when depth == 1 && pendingProperty == "type":
                                if (reader.GetString() != "FeatureCollection")
                                    throw new InvalidDataException($"the GeoJSON type is '{reader.GetString()}', not FeatureCollection");
                                sawType = true;
                                break;
                        }
                        if (depth == 0 && reader.TokenType != JsonTokenType.EndObject)
                            throw new InvalidDataException("the body is not a JSON object");
                    }
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException("the body is not valid JSON: " + e.Message, e);
                }
                if (done) break;
                if (final) throw new InvalidDataException("the body ends before the FeatureCollection is complete");
                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
                filled -= consumed;
                // One JSON token longer than the buffer (a huge string): grow rather than fail.
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            if (!sawType) throw new InvalidDataException("the body has no \"type\": \"FeatureCollection\"");
            if (!sawFeatures) throw new InvalidDataException("the body has no \"features\" array");
            return features;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
