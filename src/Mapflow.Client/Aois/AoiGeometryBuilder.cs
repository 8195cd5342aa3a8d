using System.Collections.Generic;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Aois
{
    /// <summary>Turns checked raw positions into a 2D NTS Polygon or MultiPolygon in WGS84.</summary>
    internal static class AoiGeometryBuilder
    {
        public const int Wgs84Srid = 4326;

        public static readonly GeometryFactory Factory = new GeometryFactory(new PrecisionModel(), Wgs84Srid);

        /// <summary>Rings must already be closed and have at least 4 positions (see <see cref="PositionChecks"/>).</summary>
        public static Geometry Build(RawPolygonal raw)
        {
            var polygons = new Polygon[raw.Polygons.Count];
            for (int p = 0; p < polygons.Length; p++)
                polygons[p] = BuildPolygon(raw.Polygons[p]);
            return raw.IsMulti ? Factory.CreateMultiPolygon(polygons) : polygons[0];
        }

        private static Polygon BuildPolygon(List<List<RawPosition>> rings)
        {
            var shell = BuildRing(rings[0]);
            var holes = new LinearRing[rings.Count - 1];
            for (int h = 0; h < holes.Length; h++)
                holes[h] = BuildRing(rings[h + 1]);
            return Factory.CreatePolygon(shell, holes);
        }

        private static LinearRing BuildRing(List<RawPosition> positions)
        {
            var coordinates = new Coordinate[positions.Count];
            for (int i = 0; i < coordinates.Length; i++)
                coordinates[i] = new Coordinate(positions[i].X, positions[i].Y); // XY only: Z is dropped here
            return Factory.CreateLinearRing(coordinates);
        }
    }
}
