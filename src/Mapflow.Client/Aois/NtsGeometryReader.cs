using System.Collections.Generic;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Aois
{
    /// <summary>Reads an NTS geometry (from a caller, a shapefile or a GeoPackage) into raw positions, keeping Z and M.</summary>
    internal static class NtsGeometryReader
    {
        public static RawPolygonal ToRaw(Geometry geometry, FeatureContext context)
        {
            switch (geometry)
            {
                case Polygon polygon:
                    return new RawPolygonal(false, polygon.IsEmpty
                        ? new List<List<List<RawPosition>>>()
                        : new List<List<List<RawPosition>>> { Rings(polygon) });
                case MultiPolygon multi:
                    var polygons = new List<List<List<RawPosition>>>(multi.NumGeometries);
                    for (int i = 0; i < multi.NumGeometries; i++)
                        polygons.Add(Rings((Polygon)multi.GetGeometryN(i)));
                    return new RawPolygonal(true, polygons);
                default:
                    throw context.Fail(AoiProblemCodes.UnsupportedGeometryType,
                        UnsupportedGeometryMessage.For(geometry.GeometryType));
            }
        }

        private static List<List<RawPosition>> Rings(Polygon polygon)
        {
            var rings = new List<List<RawPosition>>(polygon.NumInteriorRings + 1);
            if (polygon.IsEmpty)
                return rings;
            rings.Add(Positions(polygon.ExteriorRing.CoordinateSequence));
            foreach (var hole in polygon.InteriorRings)
                rings.Add(Positions(hole.CoordinateSequence));
            return rings;
        }

        private static List<RawPosition> Positions(CoordinateSequence sequence)
        {
            var positions = new List<RawPosition>(sequence.Count);
            for (int i = 0; i < sequence.Count; i++)
            {
                double z = sequence.HasZ ? sequence.GetZ(i) : double.NaN;
                bool hasM = sequence.HasM && !double.IsNaN(sequence.GetM(i));
                positions.Add(new RawPosition(sequence.GetX(i), sequence.GetY(i), z, hasM));
            }

            return positions;
        }
    }
}
