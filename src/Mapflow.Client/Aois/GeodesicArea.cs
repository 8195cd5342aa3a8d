using System;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Aois
{
    /// <summary>
    /// Areas of lon/lat geometries on a sphere, the numbers the area limits are checked against.
    /// The server checks "ellipsoidal" area (mapflow-api.md §6.3); a sphere of mean radius differs from the
    /// ellipsoid by well under 1 %, so only AOIs within a hair of the limit can be judged differently.
    /// </summary>
    public static class GeodesicArea
    {
        /// <summary>Mean Earth radius (IUGG), metres.</summary>
        public const double EarthRadiusMetres = 6371008.8;

        private const double DegreesToRadians = Math.PI / 180;

        /// <summary>Area of the polygonal parts of <paramref name="geometry"/>, holes subtracted; 0 for points and lines.</summary>
        public static double SquareMetres(Geometry geometry)
        {
            if (geometry is null)
                throw new ArgumentNullException(nameof(geometry));

            switch (geometry)
            {
                case Polygon polygon:
                    double area = RingSquareMetres(polygon.ExteriorRing.CoordinateSequence);
                    foreach (var hole in polygon.InteriorRings)
                        area -= RingSquareMetres(hole.CoordinateSequence);
                    return area;
                case GeometryCollection collection: // MultiPolygon too
                    double sum = 0;
                    for (int i = 0; i < collection.NumGeometries; i++)
                        sum += SquareMetres(collection.GetGeometryN(i));
                    return sum;
                default:
                    return 0;
            }
        }

        /// <summary>Area of the lon/lat rectangle around <paramref name="polygon"/>: what the server compares per polygon.</summary>
        public static double BoundingBoxSquareMetres(Polygon polygon)
        {
            if (polygon is null)
                throw new ArgumentNullException(nameof(polygon));
            if (polygon.IsEmpty)
                return 0;

            var box = polygon.EnvelopeInternal;
            return RectangleSquareMetres(box.MinX, box.MinY, box.MaxX, box.MaxY);
        }

        // Spherical excess of a ring: |Σ (λ2−λ1)(2 + sin φ1 + sin φ2)| · R²/2 (Chamberlain & Duquette, 2007).
        private static double RingSquareMetres(CoordinateSequence ring)
        {
            double sum = 0;
            for (int i = 0; i < ring.Count - 1; i++)
            {
                double lon1 = ring.GetX(i) * DegreesToRadians, lat1 = ring.GetY(i) * DegreesToRadians;
                double lon2 = ring.GetX(i + 1) * DegreesToRadians, lat2 = ring.GetY(i + 1) * DegreesToRadians;
                sum += (lon2 - lon1) * (2 + Math.Sin(lat1) + Math.Sin(lat2));
            }

            return Math.Abs(sum) * EarthRadiusMetres * EarthRadiusMetres / 2;
        }

        // The same formula reduced for a lon/lat rectangle.
        private static double RectangleSquareMetres(double minLon, double minLat, double maxLon, double maxLat) =>
            (maxLon - minLon) * DegreesToRadians
            * Math.Abs(Math.Sin(maxLat * DegreesToRadians) - Math.Sin(minLat * DegreesToRadians))
            * EarthRadiusMetres * EarthRadiusMetres;
    }
}
