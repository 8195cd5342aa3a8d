using System.Collections.Generic;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Mapflow.Client.Aois
{
    /// <summary>
    /// OGC validity through NTS: reports self-intersections and bad holes with a location, and with -Repair fixes
    /// them with NTS's make-valid (GeometryFixer), keeping only polygonal parts.
    /// </summary>
    internal static class TopologyCheck
    {
        public static Geometry Check(Geometry geometry, RawPolygonal raw, FeatureContext context, bool repair,
            List<string> repairs, out bool repaired)
        {
            repaired = false;
            if (geometry.IsValid)
                return geometry;

            var problem = Diagnose(geometry, raw, context);
            if (!repair || problem.Code == AoiProblemCodes.TooFewPositions)
                throw new AoiValidationException(problem);

            var fixedGeometry = Repair(geometry, raw.IsMulti);
            if (fixedGeometry is null)
            {
                throw context.Fail(problem.Code, problem.Message + "; -Repair left no polygon area");
            }

            repairs.Add(problem.Code == AoiProblemCodes.InvalidHole
                ? AoiRepairs.FixedInvalidHole
                : AoiRepairs.FixedSelfIntersection);
            repaired = true;
            return fixedGeometry;
        }

        // Narrow the NTS error down: a ring crossing itself, then a hole against its shell, then parts against each other.
        private static AoiProblem Diagnose(Geometry geometry, RawPolygonal raw, FeatureContext context)
        {
            for (int p = 0; p < geometry.NumGeometries; p++)
            {
                var polygon = (Polygon)geometry.GetGeometryN(p);
                for (int r = 0; r <= polygon.NumInteriorRings; r++)
                {
                    var ring = r == 0 ? polygon.Shell : polygon.Holes[r - 1];
                    var ringError = new IsValidOp(polygon.Factory.CreatePolygon(ring)).ValidationError;
                    if (ringError is null)
                        continue;
                    if (ringError.ErrorType == TopologyValidationErrors.TooFewPoints)
                    {
                        return context.Problem(AoiProblemCodes.TooFewPositions,
                            $"{raw.RingLabel(p, r)} has fewer than 4 distinct positions");
                    }

                    return context.Problem(AoiProblemCodes.SelfIntersection,
                        $"{raw.RingLabel(p, r)} has a self-intersection at {At(ringError)}; use -Repair to fix it");
                }

                var holeError = new IsValidOp(polygon).ValidationError;
                if (holeError is not null)
                {
                    string where = raw.IsMulti ? $" in polygon {p}" : "";
                    return context.Problem(AoiProblemCodes.InvalidHole,
                        $"{HoleReason(holeError)}{where} at {At(holeError)}; use -Repair to fix it");
                }
            }

            var error = new IsValidOp(geometry).ValidationError!;
            string reason = error.ErrorType == TopologyValidationErrors.NestedShells
                ? "one polygon of the MultiPolygon lies inside another"
                : "polygons of the MultiPolygon overlap";
            return context.Problem(AoiProblemCodes.SelfIntersection, $"{reason} at {At(error)}; use -Repair to merge them");
        }

        private static string HoleReason(TopologyValidationError error) => error.ErrorType switch
        {
            TopologyValidationErrors.HoleOutsideShell => "a hole lies outside the exterior ring",
            TopologyValidationErrors.NestedHoles => "a hole lies inside another hole",
            TopologyValidationErrors.DisconnectedInteriors => "holes cut the polygon's interior in pieces",
            _ => "a hole crosses or touches the exterior ring or another hole",
        };

        private static string At(TopologyValidationError error) =>
            error.Coordinate is null ? "an unknown position" : AoiText.Point(error.Coordinate.X, error.Coordinate.Y);

        /// <summary>The polygonal part of the made-valid geometry, or null when nothing with area is left.</summary>
        private static Geometry? Repair(Geometry geometry, bool keepMulti)
        {
            var result = Polygonal(GeometryFixer.Fix(geometry), keepMulti);
            if (result is not null && !result.IsValid)
                result = Polygonal(result.Buffer(0), keepMulti); // last resort; GeometryFixer is normally enough
            return result is not null && result.IsValid ? result : null;
        }

        private static Geometry? Polygonal(Geometry geometry, bool keepMulti)
        {
            var polygons = new List<Polygon>();
            foreach (var part in PolygonExtracter.GetPolygons(geometry))
            {
                if (part is Polygon polygon && !polygon.IsEmpty && polygon.Area > 0)
                    polygons.Add(polygon);
            }

            if (polygons.Count == 0)
                return null;
            if (polygons.Count == 1 && !keepMulti)
                return polygons[0];
            return geometry.Factory.CreateMultiPolygon(polygons.ToArray());
        }
    }
}
