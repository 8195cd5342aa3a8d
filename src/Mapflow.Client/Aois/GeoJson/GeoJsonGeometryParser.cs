using System.Collections.Generic;
using System.Text.Json;

namespace Mapflow.Client.Aois.GeoJson
{
    /// <summary>
    /// Reads a GeoJSON geometry object into raw positions by hand rather than through NTS's GeoJSON reader, which
    /// would accept unclosed or short rings and would not tell us which positions had Z or M.
    /// </summary>
    internal static class GeoJsonGeometryParser
    {
        public static RawPolygonal ToRaw(JsonElement geometry, FeatureContext context)
        {
            if (geometry.ValueKind != JsonValueKind.Object)
                throw Invalid(context, $"the geometry is a JSON {Kind(geometry)}, not an object");
            if (!geometry.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
                throw Invalid(context, "the geometry has no \"type\" string");

            string type = typeElement.GetString()!;
            bool isMulti = type == "MultiPolygon";
            if (!isMulti && type != "Polygon")
                throw context.Fail(AoiProblemCodes.UnsupportedGeometryType, UnsupportedGeometryMessage.For(type));

            if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
                throw Invalid(context, $"the {type} has no \"coordinates\" array");

            var polygons = new List<List<List<RawPosition>>>();
            if (isMulti)
            {
                int p = 0;
                foreach (var polygon in coordinates.EnumerateArray())
                    polygons.Add(Polygon(polygon, isMulti, p++, context));
            }
            else if (coordinates.GetArrayLength() > 0)
            {
                polygons.Add(Polygon(coordinates, isMulti, 0, context));
            }

            return new RawPolygonal(isMulti, polygons);
        }

        private static List<List<RawPosition>> Polygon(JsonElement polygon, bool isMulti, int p, FeatureContext context)
        {
            if (polygon.ValueKind != JsonValueKind.Array)
                throw Invalid(context, $"polygon {p} is a JSON {Kind(polygon)}, not an array of rings");

            var rings = new List<List<RawPosition>>(polygon.GetArrayLength());
            int r = 0;
            foreach (var ring in polygon.EnumerateArray())
            {
                // Named only for an error: most rings never need their label.
                var at = (isMulti, p, r++);
                if (ring.ValueKind != JsonValueKind.Array)
                    throw Invalid(context, $"{Label(at)} is a JSON {Kind(ring)}, not an array of positions");
                var positions = new List<RawPosition>(ring.GetArrayLength());
                foreach (var position in ring.EnumerateArray())
                    positions.Add(Position(position, at, context));
                rings.Add(positions);
            }

            return rings;
        }

        private static string Label((bool IsMulti, int Polygon, int Ring) at) => RawPolygonal.RingLabel(at.IsMulti, at.Polygon, at.Ring);

        private static RawPosition Position(JsonElement position, (bool, int, int) at, FeatureContext context)
        {
            if (position.ValueKind != JsonValueKind.Array)
                throw Invalid(context, $"{Label(at)} has a position that is a JSON {Kind(position)}, not an array of numbers");
            int count = position.GetArrayLength();
            if (count < 2)
                throw Invalid(context, $"{Label(at)} has a position with {count} value(s); longitude and latitude are needed");

            double x = 0, y = 0, z = double.NaN;
            int i = 0;
            foreach (var value in position.EnumerateArray())
            {
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double number))
                    throw Invalid(context, $"{Label(at)} has a position value {value.GetRawText()} that is not a number");
                switch (i++)
                {
                    case 0: x = number; break;
                    case 1: y = number; break;
                    case 2: z = number; break;
                }
            }

            // A 4th value is M (or something else RFC 7946 says not to write): never guessed away.
            return new RawPosition(x, y, z, hasM: count > 3);
        }

        private static AoiValidationException Invalid(FeatureContext context, string message) =>
            context.Fail(AoiProblemCodes.InvalidFeature, message);

        internal static string Kind(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        };
    }
}
