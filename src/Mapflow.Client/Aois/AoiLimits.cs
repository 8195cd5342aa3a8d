using System;
using System.Collections.Generic;
using System.Linq;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Aois
{
    /// <summary>
    /// The server's limits for one processing, checked locally before anything is spent (mapflow-api.md §6.3):
    /// every polygon (MultiPolygon parts too) counts toward maxAoisPerProcessing; the total area and each
    /// polygon's lon/lat bounding box must stay within aoiAreaLimit, the project owner's limit (§11.1). And the
    /// module's own: at most <see cref="MaxVertices"/> in one request.
    /// </summary>
    public static class AoiLimits
    {
        /// <summary>
        /// The most vertices one processing may hold, all its AOIs together: about 4 MB of GeoJSON at the ~40 bytes
        /// a vertex takes. A 1,000,000-vertex AOI (40 MB) was sent five times and ended in a connection error; no
        /// AOI needs that detail (100,000 vertices around a 25 km² square are 20 cm apart).
        /// </summary>
        public const int MaxVertices = 100_000;

        /// <param name="group">The AOIs meant for one processing.</param>
        /// <param name="maxAoisPerProcessing">From /user/status.</param>
        /// <param name="aoiAreaLimitSquareMetres">user.aoiAreaLimit of the project, in m² as the API gives it.</param>
        /// <param name="limitSource">Where that limit came from, named in the problem's message.</param>
        /// <returns>Empty when the group can be sent. Group-wide problems have Index -1 unless the group is one AOI.</returns>
        public static IReadOnlyList<AoiProblem> Check(IReadOnlyList<Aoi> group, int maxAoisPerProcessing,
            double aoiAreaLimitSquareMetres, string? limitSource = null)
        {
            if (group is null)
                throw new ArgumentNullException(nameof(group));
            if (maxAoisPerProcessing < 1)
                throw new ArgumentOutOfRangeException(nameof(maxAoisPerProcessing), maxAoisPerProcessing, "Must be at least 1.");
            if (!(aoiAreaLimitSquareMetres > 0))
                throw new ArgumentOutOfRangeException(nameof(aoiAreaLimitSquareMetres), aoiAreaLimitSquareMetres, "Must be positive.");

            var problems = new List<AoiProblem>();
            int polygons = group.Sum(aoi => aoi.PolygonCount);
            if (polygons > maxAoisPerProcessing)
            {
                problems.Add(GroupProblem(group, AoiProblemCodes.TooManyPolygons,
                    $"{Describe(group)} has {polygons} polygons (each MultiPolygon part counts); "
                    + $"at most {maxAoisPerProcessing} are allowed in one processing"));
            }

            double area = group.Sum(aoi => GeodesicArea.SquareMetres(aoi.Geometry));
            if (area > aoiAreaLimitSquareMetres)
            {
                problems.Add(GroupProblem(group, AoiProblemCodes.AreaTooLarge,
                    $"{Describe(group)} covers {AoiText.Area(area)}, over the limit of {Limit(aoiAreaLimitSquareMetres, limitSource)}"));
            }

            int vertices = group.Sum(aoi => aoi.VertexCount);
            if (vertices > MaxVertices)
            {
                problems.Add(GroupProblem(group, AoiProblemCodes.TooManyVertices,
                    TooManyVertices(Describe(group), vertices) + "; group fewer AOIs, or simplify them (Import-MapflowAoi -Simplify)"));
            }

            foreach (var aoi in group)
                CheckBoundingBoxes(aoi, aoiAreaLimitSquareMetres, limitSource, problems);
            return problems;
        }

        internal static string TooManyVertices(string what, int vertices) =>
            $"{what} has {AoiText.Count(vertices)} vertices, more than the {AoiText.Count(MaxVertices)} that one processing "
            + "can take (about 4 MB of GeoJSON)";

        private static string Limit(double limit, string? source) =>
            source is null ? AoiText.Area(limit) : $"{AoiText.Area(limit)}, {source}";

        private static void CheckBoundingBoxes(Aoi aoi, double limit, string? limitSource, List<AoiProblem> problems)
        {
            for (int p = 0; p < aoi.Geometry.NumGeometries; p++)
            {
                var polygon = (Polygon)aoi.Geometry.GetGeometryN(p);
                double box = GeodesicArea.BoundingBoxSquareMetres(polygon);
                if (box <= limit)
                    continue;
                string which = aoi.PolygonCount > 1 ? $"polygon {p} of AOI '{aoi.Name}'" : $"AOI '{aoi.Name}'";
                problems.Add(new AoiProblem(aoi.SourcePath, aoi.Index, aoi.Name, AoiProblemCodes.BoundingBoxTooLarge,
                    $"{which} has a lon/lat bounding box of {AoiText.Area(box)}, over the limit of {Limit(limit, limitSource)}; "
                    + $"the server checks each polygon's bounding box, not only its area ({AoiText.Area(GeodesicArea.SquareMetres(polygon))}), "
                    + "so split long diagonal shapes"));
            }
        }

        private static string Describe(IReadOnlyList<Aoi> group) =>
            group.Count == 1 ? $"AOI '{group[0].Name}'" : $"the group of {group.Count} AOIs";

        private static AoiProblem GroupProblem(IReadOnlyList<Aoi> group, string code, string message)
        {
            if (group.Count == 1)
                return new AoiProblem(group[0].SourcePath, group[0].Index, group[0].Name, code, message);
            string? path = group.Select(aoi => aoi.SourcePath).Distinct().Count() == 1 ? group[0].SourcePath : null;
            return new AoiProblem(path, -1, null, code, message);
        }
    }
}
