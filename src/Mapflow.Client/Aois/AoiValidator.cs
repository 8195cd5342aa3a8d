using System.Collections.Generic;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Aois
{
    /// <summary>The one path every source goes through: raw positions in, a valid <see cref="Aoi"/> or a problem out.</summary>
    internal static class AoiValidator
    {
        /// <param name="readerChange">A change the reader already made, such as a reprojection, to list first.</param>
        /// <exception cref="AoiValidationException">The feature cannot be an AOI (even after repair, if asked).</exception>
        public static Aoi Validate(RawPolygonal raw, FeatureContext context,
            IReadOnlyDictionary<string, object?> properties, bool repair, string? readerChange = null)
        {
            var repairs = new List<string>();
            if (readerChange is not null)
                repairs.Add(readerChange);
            PositionChecks.Check(raw, context, repair, repairs);
            Geometry geometry = AoiGeometryBuilder.Build(raw);
            geometry = TopologyCheck.Check(geometry, raw, context, repair, repairs, out bool repaired);
            geometry = RingOrientation.Normalise(geometry, out bool reoriented);

            // After a make-valid the rings were rebuilt anyway; "reoriented" would only be noise then.
            if (reoriented && !repaired)
                repairs.Add(AoiRepairs.ReorientedRings);
            return new Aoi(context, geometry, properties, repairs);
        }
    }
}
