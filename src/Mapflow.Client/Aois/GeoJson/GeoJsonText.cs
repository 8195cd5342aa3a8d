using System;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mapflow.Client.Aois.GeoJson
{
    /// <summary>
    /// Says which string of a feature is not text, and why: bytes that are not UTF-8 (a file saved in a legacy code
    /// page such as Windows-1251) or a \u escape that is half a UTF-16 surrogate pair. Utf8JsonReader checks neither
    /// until a string is asked for, so this runs only after such a request failed.
    /// </summary>
    internal static class GeoJsonText
    {
        private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        private static readonly Regex LoneSurrogate = new Regex(
            @"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}",
            RegexOptions.CultureInvariant);

        /// <summary>What is wrong with the first string that cannot be read, or null when every string can.</summary>
        public static string? FindInvalid(byte[] feature)
        {
            var reader = new Utf8JsonReader(feature);
            string? property = null;
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.PropertyName or JsonTokenType.String))
                    continue;
                try
                {
                    string text = reader.GetString()!;
                    if (reader.TokenType == JsonTokenType.PropertyName)
                        property = text;
                }
                catch (InvalidOperationException)
                {
                    string which = reader.TokenType == JsonTokenType.PropertyName
                        ? property is null ? "a property name" : $"the property name after \"{property}\""
                        : property is null ? "a string" : $"the value of \"{property}\"";
                    return $"{which} (at byte {AoiText.Count(reader.TokenStartIndex)} of the feature) {Why(reader.ValueSpan.ToArray())}";
                }
            }

            return null;
        }

        private static string Why(byte[] raw)
        {
            string text;
            try
            {
                text = StrictUtf8.GetString(raw);
            }
            catch (DecoderFallbackException e)
            {
                return $"has bytes that are not UTF-8 ({Hex(e.BytesUnknown)}); the file was probably saved in another "
                       + "encoding, such as Windows-1251 or Latin-1: save it as UTF-8, as GeoJSON requires (RFC 7946 §11)";
            }

            string escape = LoneSurrogate.Match(text) is { Success: true } match ? match.Value : @"a \u escape";
            return $"has {escape}, half of a UTF-16 surrogate pair, which is no character: the program that wrote "
                   + "the file cut a character in two; fix or remove the value";
        }

        private static string Hex(byte[] bytes) => "0x" + BitConverter.ToString(bytes).Replace("-", " 0x");
    }
}
