using System.Collections.Generic;

namespace Mapflow.Client.Aois
{
    /// <summary>
    /// Checks on the raw positions, before any NTS geometry exists: emptiness, M, range, ring size and closure;
    /// heights are noted as dropped. Order matters: the first failing check is the one reported.
    /// </summary>
    internal static class PositionChecks
    {
        public static void Check(RawPolygonal raw, FeatureContext context, bool repair, List<string> repairs)
        {
            CheckNotEmpty(raw, context);
            CheckNoMeasures(raw, context);
            CheckRange(raw, context);
            NoteDroppedZ(raw, repairs);
            CheckRings(raw, context, repair, repairs);
        }

        private static void CheckNotEmpty(RawPolygonal raw, FeatureContext context)
        {
            if (raw.Polygons.Count == 0)
                throw context.Fail(AoiProblemCodes.EmptyGeometry, $"the {raw.TypeName} has no coordinates");
            for (int p = 0; p < raw.Polygons.Count; p++)
            {
                if (raw.Polygons[p].Count == 0)
                {
                    string which = raw.IsMulti ? $"polygon {p} of the MultiPolygon" : "the Polygon";
                    throw context.Fail(AoiProblemCodes.EmptyGeometry, $"{which} has no rings");
                }
            }
        }

        // M is never dropped: a measure in the third slot would be read as a height, so the data is ambiguous.
        private static void CheckNoMeasures(RawPolygonal raw, FeatureContext context)
        {
            foreach (var (polygon, ring, position) in Positions(raw))
            {
                if (position.HasM)
                {
                    throw context.Fail(AoiProblemCodes.MeasureCoordinates,
                        $"{raw.RingLabel(polygon, ring)} has a position with an M (measure) value at {AoiText.Point(position)}; "
                        + "measured (4D) coordinates are not supported and are not repaired");
                }
            }
        }

        private static void CheckRange(RawPolygonal raw, FeatureContext context)
        {
            foreach (var (polygon, ring, position) in Positions(raw))
            {
                // Written as "not inside" so NaN (possible from a caller's NTS geometry) fails too.
                if (!(position.X >= -180 && position.X <= 180 && position.Y >= -90 && position.Y <= 90))
                {
                    throw context.Fail(AoiProblemCodes.CoordinatesOutOfRange,
                        $"{raw.RingLabel(polygon, ring)} has position {AoiText.Point(position)} outside longitude -180..180 / latitude -90..90; "
                        + "the file is probably in a projected CRS (e.g. metres of UTM or EPSG:3857): "
                        + "reproject it to WGS84 lon/lat (EPSG:4326)");
                }
            }
        }

        // RFC 7946 allows a height as the third value; the API works in 2D, and the geometry built later leaves it out.
        private static void NoteDroppedZ(RawPolygonal raw, List<string> repairs)
        {
            foreach (var (_, _, position) in Positions(raw))
            {
                if (position.HasZ)
                {
                    repairs.Add(AoiRepairs.DroppedZ);
                    return;
                }
            }
        }

        private static void CheckRings(RawPolygonal raw, FeatureContext context, bool repair, List<string> repairs)
        {
            bool closedAny = false;
            for (int p = 0; p < raw.Polygons.Count; p++)
            {
                var rings = raw.Polygons[p];
                for (int r = 0; r < rings.Count; r++)
                {
                    var ring = rings[r];
                    bool closed = ring.Count > 0 && ring[0].SameXY(ring[ring.Count - 1]);
                    int positionsOnceClosed = closed ? ring.Count : ring.Count + 1;
                    if (positionsOnceClosed < 4)
                    {
                        throw context.Fail(AoiProblemCodes.TooFewPositions,
                            $"{raw.RingLabel(p, r)} has {ring.Count} positions, at least 4 are needed "
                            + "(the last one repeating the first)");
                    }

                    if (closed)
                        continue;
                    if (!repair)
                    {
                        throw context.Fail(AoiProblemCodes.UnclosedRing,
                            $"{raw.RingLabel(p, r)} is not closed: it starts at {AoiText.Point(ring[0])} "
                            + $"and ends at {AoiText.Point(ring[ring.Count - 1])}; use -Repair to close it");
                    }

                    ring.Add(ring[0]);
                    closedAny = true;
                }
            }

            if (closedAny)
                repairs.Add(AoiRepairs.ClosedRings);
        }

        // Ring labels are built only for a failure, so the happy path allocates no strings per position.
        private static IEnumerable<(int Polygon, int Ring, RawPosition Position)> Positions(RawPolygonal raw)
        {
            for (int p = 0; p < raw.Polygons.Count; p++)
            {
                for (int r = 0; r < raw.Polygons[p].Count; r++)
                {
                    foreach (var position in raw.Polygons[p][r])
                        yield return (p, r, position);
                }
            }
        }
    }
}
