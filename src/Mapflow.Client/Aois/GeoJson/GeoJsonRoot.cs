using System.IO;
using System.Text.Json;
using Mapflow.Client.Json;

namespace Mapflow.Client.Aois.GeoJson
{
    /// <summary>
    /// What a quick first pass learns about the top-level object: its type and its <c>crs</c>. The pass streams
    /// the whole file, so it also proves the JSON well-formed before any AOI is handed out, and it finds a
    /// <c>crs</c> member written after <c>features</c>.
    /// </summary>
    internal sealed class GeoJsonRoot
    {
        private GeoJsonRoot(string type, string? unsupportedCrs)
        {
            Type = type;
            UnsupportedCrs = unsupportedCrs;
        }

        /// <summary>"FeatureCollection", "Feature" or a geometry type.</summary>
        public string Type { get; }

        public bool IsFeatureCollection => Type == "FeatureCollection";

        /// <summary>How to name the file's CRS when it is not WGS84; null when absent or fine.</summary>
        public string? UnsupportedCrs { get; }

        /// <param name="maxFeatureBytes">Features are skipped token by token, so only a <c>crs</c> can be too large.</param>
        /// <exception cref="JsonException">The stream is not well-formed JSON.</exception>
        /// <exception cref="InvalidDataException">The JSON is not a GeoJSON object.</exception>
        public static GeoJsonRoot Scan(Stream stream, long maxFeatureBytes)
        {
            // The stream is seekable here (see GeoJsonSource); zero bytes are often an export that failed.
            if (stream.Position == stream.Length)
                throw new InvalidDataException("The file is empty (0 bytes), not even an empty FeatureCollection.");
            var reader = new JsonStreamReader(stream, maxFeatureBytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new InvalidDataException("Not GeoJSON: the top-level JSON value is not an object.");

            string? type = null;
            string? unsupportedCrs = null;
            bool hasFeatures = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string member = reader.String!;
                if (member == "crs")
                {
                    unsupportedCrs = Crs(reader);
                }
                else if (member is "type" or "features")
                {
                    reader.Read();
                    if (member == "type" && reader.TokenType == JsonTokenType.String)
                        type = reader.String;
                    else if (member == "features")
                        hasFeatures = reader.TokenType == JsonTokenType.StartArray;
                    reader.SkipChildren();
                }
                else
                {
                    reader.SkipValue(); // foreign members, bbox, and a Feature's own members; any size
                }
            }

            while (reader.Read())
            {
                // Utf8JsonReader itself rejects anything but whitespace after the top-level value.
            }

            if (type is null)
                throw new InvalidDataException("Not GeoJSON: the top-level object has no \"type\" string.");
            if (type == "FeatureCollection" && !hasFeatures)
                throw new InvalidDataException("The FeatureCollection has no \"features\" array.");
            return new GeoJsonRoot(type, unsupportedCrs);
        }

        private static string? Crs(JsonStreamReader reader)
        {
            try
            {
                using var crs = JsonDocument.Parse(reader.ReadValueBytes());
                return GeoJsonCrs.Unsupported(crs.RootElement);
            }
            catch (JsonValueTooLargeException e)
            {
                throw new InvalidDataException($"The \"crs\" member is {AoiText.Count(e.Length)} bytes long; a real one takes a few hundred.");
            }
        }
    }
}
