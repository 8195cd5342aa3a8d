namespace Mapflow.Client.Aois
{
    /// <summary>The texts that can appear in <see cref="Aoi.Repairs"/>.</summary>
    public static class AoiRepairs
    {
        public const string ClosedRings = "closed rings";
        public const string FixedSelfIntersection = "fixed self-intersection";
        public const string FixedInvalidHole = "fixed invalid hole";

        /// <summary>Made without -Repair too: RFC 7946 wants exterior rings CCW and holes CW.</summary>
        public const string ReorientedRings = "reoriented rings";

        /// <summary>Made without -Repair too: RFC 7946 allows heights, but AOIs are 2D.</summary>
        public const string DroppedZ = "dropped Z";

        /// <summary>Made without -Repair too: a shapefile or GeoPackage in another CRS was converted to WGS84 lon/lat.</summary>
        public const string Reprojected = "reprojected to WGS84";

        /// <summary>
        /// Made only when asked (<see cref="AoiReadOptions.SimplifyToleranceMetres"/>); the text starts with
        /// "simplified" and gives the vertices before and after, such as "simplified from 150001 to 812 vertices".
        /// </summary>
        public static string Simplified(int before, int after) =>
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "simplified from {0} to {1} vertices", before, after);

        /// <summary>True for the changes that only <see cref="AoiReadOptions.Repair"/> makes.</summary>
        public static bool NeedsRepair(string change) =>
            change is ClosedRings or FixedSelfIntersection or FixedInvalidHole;
    }
}
