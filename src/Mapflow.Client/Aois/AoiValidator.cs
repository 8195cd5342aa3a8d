using System.Collections.Generic;
using System.Globalization;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Aois
{
    /// <summary>The one path every source goes through: raw positions in, a valid <see cref="Aoi"/> or a problem out.</summary>
    internal static class AoiValidator
    {
        /// <param name="readerChange">A change the reader already made, such as a reprojection, to list first.</param>
        /// <exception cref="AoiValidationException">The feature cannot be an AOI (even after repair, if asked).</exception>
        public static Aoi Validate(RawPolygonal raw, FeatureContext context,
            IReadOnlyDictionary<string, object?> properties, AoiReadOptions options, string? readerChange = null)
        {
            var repairs = new List<string>();
            if (readerChange is not null)
                repairs.Add(readerChange);
            PositionChecks.Check(raw, context, options.Repair, repairs);
            Geometry geometry = AoiGeometryBuilder.Build(raw);
            geometry = TopologyCheck.Check(geometry, raw, context, options.Repair, repairs, out bool repaired);
            if (options.SimplifyToleranceMetres is { } tolerance)
            {
                geometry = AoiSimplifier.Simplify(geometry, tolerance, repairs);
                // NTS documents that the simplifier can move an edge past a small hole or part near it: check again.
                geometry = TopologyCheck.Check(geometry, raw, context, options.Repair, repairs, out bool fixedAfter);
                repaired |= fixedAfter;
            }
            CheckVertices(geometry, raw, context, options.SimplifyToleranceMetres);
            geometry = RingOrientation.Normalise(geometry, out bool reoriented);

            // After a make-valid the rings were rebuilt anyway; "reoriented" would only be noise then.
            if (reoriented && !repaired)
                repairs.Add(AoiRepairs.ReorientedRings);
            return new Aoi(context, geometry, properties, repairs);
        }

        private static void CheckVertices(Geometry geometry, RawPolygonal raw, FeatureContext context, double? simplified)
        {
            if (geometry.NumPoints <= AoiLimits.MaxVertices)
                return;
            string advice = simplified is { } tolerance
                ? $"even after -Simplify {tolerance.ToString("G", CultureInfo.InvariantCulture)}; use a larger tolerance (in metres)"
                : "use Import-MapflowAoi -Simplify <metres>, such as -Simplify 1, to drop detail finer than that";
            throw context.Fail(AoiProblemCodes.TooManyVertices,
                $"{AoiLimits.TooManyVertices("the " + raw.TypeName, geometry.NumPoints)}; {advice}");
        }
    }
}
