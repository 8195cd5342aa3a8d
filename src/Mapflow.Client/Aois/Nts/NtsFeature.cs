using System.Collections.Generic;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Aois.Nts
{
    /// <summary>One feature read by an NTS-based reader (shapefile, GeoPackage) to one result.</summary>
    internal static class NtsFeature
    {
        public static AoiReadResult ToResult(Geometry? geometry, IReadOnlyDictionary<string, object?> properties, int index,
            string sourcePath, AoiReadOptions options, Wgs84Reprojection crs)
        {
            var context = new FeatureContext(sourcePath, index, AoiNames.From(properties, options.NameProperty, index));
            try
            {
                if (crs.Problem is not null)
                    throw context.Fail(AoiProblemCodes.UnsupportedCrs, crs.Problem);
                if (geometry is null)
                    throw context.Fail(AoiProblemCodes.NullGeometry, "the feature has no geometry (null shape)");
                if (geometry is not (Polygon or MultiPolygon))
                {
                    throw context.Fail(AoiProblemCodes.UnsupportedGeometryType,
                        UnsupportedGeometryMessage.For(geometry.GeometryType));
                }

                var raw = NtsGeometryReader.ToRaw(crs.Apply(geometry), context);
                string? change = crs.Reprojects ? AoiRepairs.Reprojected : null;
                return context.Result(AoiValidator.Validate(raw, context, properties, options, change));
            }
            catch (AoiValidationException e)
            {
                return context.Result(e.Problem);
            }
        }
    }
}
