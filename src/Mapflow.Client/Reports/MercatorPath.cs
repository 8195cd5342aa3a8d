using System;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mapflow.Client.Reports;

/// <summary>
/// GeoJSON polygons as SVG path data in Web Mercator, scaled so the map's extent spans <see cref="Span"/> units on
/// its longer side and rounded to whole units: enough detail for a building at any zoom of a run's extent, and few
/// characters, since each vertex after the first is written relative to the one before.
/// </summary>
internal sealed class MercatorPath
{
    public const double Span = 1_000_000;
    private const double MaxLatitude = 85.05112878;
    private readonly double _minX;
    private readonly double _maxY;
    private readonly double _scale;

    public MercatorPath(double minLon, double minLat, double maxLon, double maxLat)
    {
        _minX = X(minLon);
        _maxY = Y(maxLat);
        var width = Math.Max(X(maxLon) - _minX, 1e-9);
        var height = Math.Max(_maxY - Y(minLat), 1e-9);
        _scale = Span / Math.Max(width, height);
        Width = Math.Ceiling(width * _scale);
        Height = Math.Ceiling(height * _scale);
    }

    public double Width { get; }
    public double Height { get; }

    private static double X(double lon) => lon * Math.PI / 180;

    private static double Y(double lat)
    {
        var clamped = Math.Max(-MaxLatitude, Math.Min(MaxLatitude, lat)) * Math.PI / 180;
        return Math.Log(Math.Tan(Math.PI / 4 + clamped / 2));
    }

    /// <summary>Appends the rings of a Polygon or MultiPolygon; other geometry types add nothing. Returns the vertices written.</summary>
    public int Append(StringBuilder path, JsonElement geometry)
    {
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("coordinates", out var coordinates)) return 0;
        var type = geometry.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var written = 0;
        if (type == "Polygon") written += AppendPolygon(path, coordinates);
        else if (type == "MultiPolygon" && coordinates.ValueKind == JsonValueKind.Array)
            foreach (var polygon in coordinates.EnumerateArray()) written += AppendPolygon(path, polygon);
        return written;
    }

    private int AppendPolygon(StringBuilder path, JsonElement rings)
    {
        if (rings.ValueKind != JsonValueKind.Array) return 0;
        var written = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array) continue;
            long lastX = 0, lastY = 0;
            var count = 0;
            foreach (var position in ring.EnumerateArray())
            {
                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2) continue;
                var x = (long)Math.Round((X(position[0].GetDouble()) - _minX) * _scale);
                var y = (long)Math.Round((_maxY - Y(position[1].GetDouble())) * _scale);
                if (count == 0) path.Append('M').Append(x.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString(CultureInfo.InvariantCulture)).Append('l');
                else if (x == lastX && y == lastY) continue;
                else path.Append((x - lastX).ToString(CultureInfo.InvariantCulture)).Append(' ').Append((y - lastY).ToString(CultureInfo.InvariantCulture)).Append(' ');
                lastX = x;
                lastY = y;
                count++;
            }
            if (count == 0) continue;
            path.Append('z');
            written += count;
        }
        return written;
    }
}
