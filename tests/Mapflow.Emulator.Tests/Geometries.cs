namespace Mapflow.Emulator.Tests;

/// <summary>GeoJSON geometries for tests, built as plain objects.</summary>
internal static class Geometries
{
    private const double KmPerDegree = 111.195;

    /// <summary>A lon/lat square about <paramref name="sideKm"/> km across, its south-west corner at (lon, lat).</summary>
    public static object Square(double lon, double lat, double sideKm) => Polygon(SquareRing(lon, lat, sideKm));

    public static object Polygon(double[][] ring) => new { type = "Polygon", coordinates = new[] { ring } };

    public static double[][] SquareRing(double lon, double lat, double sideKm)
    {
        var dLat = sideKm / KmPerDegree;
        var dLon = sideKm / (KmPerDegree * Math.Cos((lat + dLat / 2) * Math.PI / 180));
        return [[lon, lat], [lon + dLon, lat], [lon + dLon, lat + dLat], [lon, lat + dLat], [lon, lat]];
    }

    /// <summary><paramref name="count"/> small squares in a row, as one MultiPolygon.</summary>
    public static object Squares(int count, double sideKm = 0.2) => new
    {
        type = "MultiPolygon",
        coordinates = Enumerable.Range(0, count).Select(i => new[] { SquareRing(37.6 + i * 0.01, 55.75, sideKm) }).ToArray(),
    };

    /// <summary>A figure-of-eight ring that crosses itself.</summary>
    public static object BowTie() => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { 37.0, 55.0 }, new[] { 37.01, 55.01 }, new[] { 37.01, 55.0 }, new[] { 37.0, 55.01 }, new[] { 37.0, 55.0 } } },
    };

    /// <summary>A ~40 m wide strip running diagonally for ~9 km: tiny area, but a lon/lat bounding box of ~35 km².</summary>
    public static object ThinDiagonal() => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { 37.0, 55.0 }, new[] { 37.0005, 55.0 }, new[] { 37.1005, 55.05 }, new[] { 37.1, 55.05 }, new[] { 37.0, 55.0 } } },
    };
}
