namespace Mapflow.Client.Aois
{
    /// <summary>The stable values of <see cref="AoiProblem.Code"/>. Never rename one: scripts match on them.</summary>
    public static class AoiProblemCodes
    {
        public const string NullGeometry = nameof(NullGeometry);
        public const string UnsupportedGeometryType = nameof(UnsupportedGeometryType);
        public const string UnclosedRing = nameof(UnclosedRing);
        public const string TooFewPositions = nameof(TooFewPositions);
        public const string SelfIntersection = nameof(SelfIntersection);
        public const string InvalidHole = nameof(InvalidHole);
        public const string CoordinatesOutOfRange = nameof(CoordinatesOutOfRange);
        public const string MeasureCoordinates = nameof(MeasureCoordinates);

        /// <summary>No longer reported: heights are valid GeoJSON and are dropped (<see cref="AoiRepairs.DroppedZ"/>).</summary>
        [System.Obsolete("Heights are dropped on import now; the code is kept because codes are never removed.")]
        public const string ZCoordinates = nameof(ZCoordinates);

        public const string UnsupportedCrs = nameof(UnsupportedCrs);
        public const string InvalidFeature = nameof(InvalidFeature);
        public const string EmptyGeometry = nameof(EmptyGeometry);
        public const string InvalidText = nameof(InvalidText);
        public const string FeatureTooLarge = nameof(FeatureTooLarge);
        public const string TooManyPolygons = nameof(TooManyPolygons);
        public const string AreaTooLarge = nameof(AreaTooLarge);
        public const string BoundingBoxTooLarge = nameof(BoundingBoxTooLarge);
        public const string TooManyVertices = nameof(TooManyVertices);
    }
}
