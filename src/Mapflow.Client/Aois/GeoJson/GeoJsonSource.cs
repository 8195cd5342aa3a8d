using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Mapflow.Client.Json;

namespace Mapflow.Client.Aois.GeoJson
{
    /// <summary>
    /// Streams AOIs out of GeoJSON: a FeatureCollection (every feature), a single Feature, or a bare geometry.
    /// Two passes over the stream: <see cref="GeoJsonRoot.Scan"/>, then one feature at a time, each parsed into
    /// its own small JsonDocument and dropped before the next, so memory does not grow with the file.
    /// </summary>
    internal static class GeoJsonSource
    {
        public static IEnumerable<AoiReadResult> Read(Stream stream, string? sourcePath, AoiReadOptions options)
        {
            var seekable = stream.CanSeek ? stream : SpoolToTemporaryFile(stream);
            try
            {
                long origin = seekable.Position;
                var root = Guard(() => GeoJsonRoot.Scan(seekable), sourcePath);
                seekable.Position = origin;
                var reader = new JsonStreamReader(seekable);

                if (!root.IsFeatureCollection)
                {
                    var bytes = Guard(() => reader.ReadValueBytes()!, sourcePath);
                    yield return Single(bytes, root, sourcePath, options);
                    yield break;
                }

                Guard(() => MoveIntoFeatures(reader), sourcePath);
                int index = 0;
                while (Guard(() => reader.ReadValueBytes(), sourcePath) is { } feature)
                    yield return Feature(feature, index++, root, sourcePath, options);
            }
            finally
            {
                if (!ReferenceEquals(seekable, stream))
                    seekable.Dispose();
            }
        }

        private static AoiReadResult Feature(byte[] bytes, int index, GeoJsonRoot root, string? sourcePath,
            AoiReadOptions options)
        {
            using var document = Parse(bytes, sourcePath);
            return GeoJsonFeatureParser.Feature(document.RootElement, index, sourcePath, options, root.UnsupportedCrs);
        }

        private static AoiReadResult Single(byte[] bytes, GeoJsonRoot root, string? sourcePath, AoiReadOptions options)
        {
            using var document = Parse(bytes, sourcePath);
            return root.Type == "Feature"
                ? GeoJsonFeatureParser.Feature(document.RootElement, 0, sourcePath, options, root.UnsupportedCrs)
                : GeoJsonFeatureParser.BareGeometry(document.RootElement, sourcePath, options, root.UnsupportedCrs);
        }

        // The first pass proved the syntax; only limits such as nesting depth can still fail here.
        private static JsonDocument Parse(byte[] bytes, string? sourcePath) =>
            Guard(() => JsonDocument.Parse(bytes), sourcePath);

        private static bool MoveIntoFeatures(JsonStreamReader reader)
        {
            reader.Read(); // the top-level StartObject
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isFeatures = reader.String == "features";
                reader.Read();
                if (isFeatures)
                    return true;
                reader.SkipChildren();
            }

            throw new InvalidDataException("The FeatureCollection has no \"features\" array.");
        }

        // Whole-file failures throw; the message names the file and, for bad JSON, where it breaks.
        private static T Guard<T>(System.Func<T> read, string? sourcePath)
        {
            try
            {
                return read();
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{Describe(sourcePath)} is not valid JSON: {e.Message}", e);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{Describe(sourcePath)}: {e.Message}", e);
            }
        }

        private static string Describe(string? sourcePath) => sourcePath is null ? "The GeoJSON input" : $"'{sourcePath}'";

        // Two passes need a seekable stream; a network or pipe stream is copied to a temporary file, not to memory.
        private static Stream SpoolToTemporaryFile(Stream stream)
        {
            var temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite,
                FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            stream.CopyTo(temporary);
            temporary.Position = 0;
            return temporary;
        }
    }
}
