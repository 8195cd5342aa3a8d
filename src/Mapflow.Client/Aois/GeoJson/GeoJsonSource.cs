using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using Mapflow.Client.Json;

namespace Mapflow.Client.Aois.GeoJson
{
    /// <summary>
    /// Streams AOIs out of GeoJSON: a FeatureCollection (every feature), a single Feature, or a bare geometry.
    /// Two passes over the stream: <see cref="GeoJsonRoot.Scan"/>, then one feature at a time, each parsed into
    /// its own small JsonDocument and dropped before the next, so memory does not grow with the file. A feature
    /// over <see cref="AoiReadOptions.MaxFeatureBytes"/> is skipped unread, so memory stays bounded by it too.
    /// </summary>
    internal static class GeoJsonSource
    {
        public static IEnumerable<AoiReadResult> Read(Stream stream, string? sourcePath, AoiReadOptions options)
        {
            var seekable = stream.CanSeek ? stream : SpoolToTemporaryFile(stream);
            try
            {
                long origin = seekable.Position;
                var root = Guard(() => GeoJsonRoot.Scan(seekable, options.MaxFeatureBytes), sourcePath);
                seekable.Position = origin;
                var reader = new JsonStreamReader(seekable, options.MaxFeatureBytes);

                if (!root.IsFeatureCollection)
                {
                    yield return Next(reader, 0, root, sourcePath, options)!;
                    yield break;
                }

                Guard(() => MoveIntoFeatures(reader), sourcePath);
                int index = 0;
                while (Next(reader, index++, root, sourcePath, options) is { } result)
                    yield return result;
            }
            finally
            {
                if (!ReferenceEquals(seekable, stream))
                    seekable.Dispose();
            }
        }

        // The result for the next feature (or the file's one Feature or geometry); null after the last feature.
        private static AoiReadResult? Next(JsonStreamReader reader, int index, GeoJsonRoot root, string? sourcePath,
            AoiReadOptions options)
        {
            byte[]? bytes;
            try
            {
                bytes = Guard(() => reader.ReadValueBytes(), sourcePath);
            }
            catch (JsonValueTooLargeException e)
            {
                var context = new FeatureContext(sourcePath, index, AoiText.Index(index));
                return context.Result(context.Problem(AoiProblemCodes.FeatureTooLarge,
                    $"the feature is {AoiText.Bytes(e.Length)} of GeoJSON, over the limit of {AoiText.Bytes(e.Limit)} for "
                    + "one feature, so it was skipped unread; remove large properties, or simplify or split the geometry in a GIS"));
            }

            if (bytes is null)
                return null;
            using var document = Guard(() => JsonDocument.Parse(bytes), sourcePath); // only limits such as depth can fail here
            var element = document.RootElement;
            try
            {
                return !root.IsFeatureCollection && root.Type != "Feature"
                    ? GeoJsonFeatureParser.BareGeometry(element, sourcePath, options, root.UnsupportedCrs)
                    : GeoJsonFeatureParser.Feature(element, index, sourcePath, options, root.UnsupportedCrs);
            }
            catch (InvalidOperationException) when (GeoJsonText.FindInvalid(bytes) is { } invalid)
            {
                // JsonElement turns text into strings only when asked, so a bad string shows up deep in the parser.
                var context = new FeatureContext(sourcePath, index, AoiText.Index(index));
                return context.Result(context.Problem(AoiProblemCodes.InvalidText, invalid));
            }
        }

        private static bool MoveIntoFeatures(JsonStreamReader reader)
        {
            reader.Read(); // the top-level StartObject
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.String == "features")
                {
                    reader.Read();
                    return true;
                }

                reader.SkipValue();
            }

            throw new InvalidDataException("The FeatureCollection has no \"features\" array.");
        }

        // Whole-file failures throw; the message names the file and, for bad JSON, where it breaks.
        private static T Guard<T>(Func<T> read, string? sourcePath)
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
            catch (InvalidOperationException e)
            {
                // Only a string outside the features gets here, such as a member name in another encoding.
                throw new InvalidDataException($"{Describe(sourcePath)} has text outside its features that cannot be read: {e.Message}", e);
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
