using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Geo;

/// <summary>
/// Areas of lon/lat polygons in m², on a sphere of radius 6371008.8 m (the IUGG mean Earth radius),
/// treating edges as great-circle arcs and summing each edge's spherical excess.
/// It is within about 0.5 % of the WGS84 ellipsoidal area QGIS shows, and easy for a client to reproduce exactly.
/// </summary>
internal static class GeodesicArea
{
    public const double EarthRadiusM = 6371008.8;

    /// <summary>Outer ring minus holes.</summary>
    public static double Of(Polygon polygon)
    {
        var area = Math.Abs(OfRing(polygon.ExteriorRing.Coordinates));
        foreach (var hole in polygon.InteriorRings)
            area -= Math.Abs(OfRing(hole.Coordinates));
        return Math.Max(area, 0);
    }

    /// <summary>The same measure applied to the polygon's lon/lat bounding-box rectangle (the second area check, §6.3).</summary>
    public static double OfBoundingBox(Polygon polygon)
    {
        var e = polygon.EnvelopeInternal;
        return Math.Abs(OfRing(
        [
            new(e.MinX, e.MinY), new(e.MaxX, e.MinY), new(e.MaxX, e.MaxY), new(e.MinX, e.MaxY), new(e.MinX, e.MinY),
        ]));
    }

    /// <summary>Signed area of a closed ring.</summary>
    private static double OfRing(Coordinate[] ring)
    {
        var excess = 0.0;
        for (var i = 0; i + 1 < ring.Length; i++)
            excess += EdgeExcess(ring[i], ring[i + 1]);
        return excess * EarthRadiusM * EarthRadiusM;
    }

    /// <summary>Spherical excess of the triangle (pole, a, b): 2·atan2(tan(Δλ/2)·(tan(φa/2)+tan(φb/2)), 1+tan(φa/2)·tan(φb/2)).</summary>
    private static double EdgeExcess(Coordinate a, Coordinate b)
    {
        var dLon = Radians(b.X - a.X);
        // Take the short way round across the antimeridian.
        if (dLon > Math.PI) dLon -= 2 * Math.PI;
        if (dLon < -Math.PI) dLon += 2 * Math.PI;
        var ta = Math.Tan(Radians(a.Y) / 2);
        var tb = Math.Tan(Radians(b.Y) / 2);
        return 2 * Math.Atan2(Math.Tan(dLon / 2) * (ta + tb), 1 + ta * tb);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
