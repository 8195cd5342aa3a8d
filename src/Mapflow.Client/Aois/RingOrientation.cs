using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Aois
{
    /// <summary>
    /// RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. Parsers should accept either, so the
    /// source orientation is never a problem; we always write the RFC order. NTS's own Normalize() does the
    /// opposite (shell clockwise), hence this small helper.
    /// </summary>
    internal static class RingOrientation
    {
        public static Geometry Normalise(Geometry geometry, out bool changed)
        {
            changed = false;
            if (geometry is Polygon polygon)
                return Normalise(polygon, ref changed);

            var parts = new Polygon[geometry.NumGeometries];
            for (int i = 0; i < parts.Length; i++)
                parts[i] = Normalise((Polygon)geometry.GetGeometryN(i), ref changed);
            return changed ? geometry.Factory.CreateMultiPolygon(parts) : geometry;
        }

        private static Polygon Normalise(Polygon polygon, ref bool changed)
        {
            bool changedHere = false;
            var shell = Orient(polygon.Shell, counterClockwise: true, ref changedHere);
            var holes = new LinearRing[polygon.NumInteriorRings];
            for (int h = 0; h < holes.Length; h++)
                holes[h] = Orient(polygon.Holes[h], counterClockwise: false, ref changedHere);

            if (!changedHere)
                return polygon;
            changed = true;
            return polygon.Factory.CreatePolygon(shell, holes);
        }

        private static LinearRing Orient(LinearRing ring, bool counterClockwise, ref bool changed)
        {
            if (Orientation.IsCCW(ring.CoordinateSequence) == counterClockwise)
                return ring;
            changed = true;
            return (LinearRing)ring.Reverse();
        }
    }
}
