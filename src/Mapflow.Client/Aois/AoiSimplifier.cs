using System.Collections.Generic;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace Mapflow.Client.Aois
{
    /// <summary>
    /// Simplification on request, with NTS's TopologyPreservingSimplifier: the same rings, holes and parts, and no ring
    /// crossing another. Its documentation admits one exception (a small hole or part close to an edge can end up
    /// outside it), so the validator checks the topology again afterwards.
    /// </summary>
    internal static class AoiSimplifier
    {
        // Metres in a degree of latitude (and of longitude at the equator). Coordinates are degrees, so a tolerance
        // converted with it is about right north-south and stricter east-west away from the equator, never looser.
        private const double MetresPerDegree = 111_320;

        public static Geometry Simplify(Geometry geometry, double toleranceMetres, List<string> repairs)
        {
            var simplified = TopologyPreservingSimplifier.Simplify(geometry, toleranceMetres / MetresPerDegree);
            if (simplified.NumPoints == geometry.NumPoints)
                return geometry;
            repairs.Add(AoiRepairs.Simplified(geometry.NumPoints, simplified.NumPoints));
            return simplified;
        }
    }
}
