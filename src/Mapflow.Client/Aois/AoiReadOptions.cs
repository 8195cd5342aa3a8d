namespace Mapflow.Client.Aois
{
    public sealed class AoiReadOptions
    {
        /// <summary>The feature property that names an AOI; the feature index is used when it is missing or empty.</summary>
        public string NameProperty { get; set; } = "name";

        /// <summary>
        /// Fix what can be fixed safely: close unclosed rings, make self-intersecting polygons and bad holes valid.
        /// M values, out-of-range coordinates, non-polygons and a foreign CRS are never repaired.
        /// </summary>
        public bool Repair { get; set; }
    }
}
