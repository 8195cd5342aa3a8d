using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mapflow.Client.Aois.GeoJson
{
    /// <summary>
    /// The old-style (2008) GeoJSON <c>crs</c> member. RFC 7946 dropped it and fixed the CRS to WGS84 lon/lat, but
    /// exports from UTM or Web Mercator layers still carry it, and then the coordinates are metres.
    /// </summary>
    internal static class GeoJsonCrs
    {
        // CRS84 in any spelling, or EPSG 4326 (GeoJSON writers use it for lon/lat despite EPSG's lat/lon axis order).
        private static readonly Regex Wgs84Name = new Regex(
            @"^(urn:ogc:def:crs:ogc:[\d.]*:crs84|https?://www\.opengis\.net/def/crs/ogc/[\d.]+/crs84|crs84|wgs ?84"
            + @"|urn:ogc:def:crs:epsg:[\d.]*:4326|epsg:4326|https?://www\.opengis\.net/def/crs/epsg/0/4326)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>Null when the member is absent, null or names WGS84; else how to name the unsupported CRS.</summary>
        public static string? Unsupported(JsonElement crs)
        {
            if (crs.ValueKind == JsonValueKind.Null)
                return null;
            if (crs.ValueKind == JsonValueKind.Object
                && crs.TryGetProperty("type", out var type)
                && crs.TryGetProperty("properties", out var properties)
                && properties.ValueKind == JsonValueKind.Object)
            {
                if (type.ValueKind == JsonValueKind.String && type.GetString() == "name"
                    && properties.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    string text = name.GetString()!.Trim();
                    return Wgs84Name.IsMatch(text) ? null : $"'{text}'";
                }

                // The 2008 draft's {"type":"EPSG","properties":{"code":4326}}.
                if (type.ValueKind == JsonValueKind.String && type.GetString() == "EPSG"
                    && properties.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number)
                {
                    return code.GetRawText() == "4326" ? null : $"EPSG:{code.GetRawText()}";
                }
            }

            return crs.GetRawText();
        }

        public static string Message(string crs, string where) =>
            $"{where} declares the coordinate reference system {crs}; only WGS84 lon/lat (CRS84, EPSG:4326) is supported, "
            + "as RFC 7946 requires: reproject the file to EPSG:4326";
    }
}
