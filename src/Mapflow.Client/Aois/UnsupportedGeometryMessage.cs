namespace Mapflow.Client.Aois
{
    internal static class UnsupportedGeometryMessage
    {
        public static string For(string geometryType)
        {
            string hint = geometryType switch
            {
                "Point" or "MultiPoint" =>
                    " (OSM place=* features are often nodes, i.e. Points: use the place's boundary polygon instead)",
                "LineString" or "MultiLineString" or "LinearRing" =>
                    " (a closed line is not an area: make it a Polygon)",
                "GeometryCollection" => " (split it, or keep only its polygons)",
                _ => "",
            };
            return $"a {geometryType} cannot be an AOI, only Polygon and MultiPolygon can{hint}";
        }
    }
}
