using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Mapflow.Client.Aois.GeoJson
{
    /// <summary>One Feature (or a bare geometry) as a JsonElement in, one <see cref="AoiReadResult"/> out.</summary>
    internal static class GeoJsonFeatureParser
    {
        /// <param name="fileCrs">The file's unsupported <c>crs</c>, if any: then every feature gets UnsupportedCrs.</param>
        public static AoiReadResult Feature(JsonElement feature, int index, string? sourcePath, AoiReadOptions options,
            string? fileCrs)
        {
            var context = new FeatureContext(sourcePath, index, AoiText.Index(index));
            try
            {
                if (feature.ValueKind != JsonValueKind.Object)
                    throw Invalid(context, $"the feature is a JSON {GeoJsonGeometryParser.Kind(feature)}, not an object");

                var properties = Properties(feature, context);
                context = new FeatureContext(sourcePath, index, AoiNames.From(properties, options.NameProperty, index));

                if (!feature.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                    || type.GetString() != "Feature")
                {
                    string found = feature.TryGetProperty("type", out type) ? type.GetRawText() : "no type";
                    throw Invalid(context, $"a member of \"features\" has {found}, expected \"Feature\"");
                }

                CheckCrs(feature, fileCrs, context);
                if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind == JsonValueKind.Null)
                    throw context.Fail(AoiProblemCodes.NullGeometry, "the feature has no geometry (null)");

                var raw = GeoJsonGeometryParser.ToRaw(geometry, context);
                return context.Result(AoiValidator.Validate(raw, context, properties, options));
            }
            catch (AoiValidationException e)
            {
                return context.Result(e.Problem);
            }
        }

        /// <summary>A file that is just a geometry: one AOI named "0" with no properties.</summary>
        public static AoiReadResult BareGeometry(JsonElement geometry, string? sourcePath, AoiReadOptions options,
            string? fileCrs)
        {
            var context = new FeatureContext(sourcePath, 0, AoiText.Index(0));
            try
            {
                CheckCrs(geometry, fileCrs, context);
                var raw = GeoJsonGeometryParser.ToRaw(geometry, context);
                var properties = new Dictionary<string, object?>();
                return context.Result(AoiValidator.Validate(raw, context, properties, options));
            }
            catch (AoiValidationException e)
            {
                return context.Result(e.Problem);
            }
        }

        private static void CheckCrs(JsonElement element, string? fileCrs, FeatureContext context)
        {
            if (fileCrs is not null)
                throw context.Fail(AoiProblemCodes.UnsupportedCrs, GeoJsonCrs.Message(fileCrs, "the file"));
            if (element.TryGetProperty("crs", out var crs) && GeoJsonCrs.Unsupported(crs) is { } own)
                throw context.Fail(AoiProblemCodes.UnsupportedCrs, GeoJsonCrs.Message(own, "the feature"));
        }

        private static Dictionary<string, object?> Properties(JsonElement feature, FeatureContext context)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind == JsonValueKind.Null)
                return result;
            if (properties.ValueKind != JsonValueKind.Object)
                throw Invalid(context, $"\"properties\" is a JSON {GeoJsonGeometryParser.Kind(properties)}, not an object");

            foreach (var property in properties.EnumerateObject())
                result[property.Name] = PropertyValue(property.Value);
            return result;
        }

        /// <summary>A property value as the module hands it on: a string, long, double, bool or null; an object or array as its JSON text.</summary>
        internal static object? PropertyValue(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out long whole) ? (object)whole : value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => value.GetRawText(), // nested objects and arrays stay JSON text
        };

        private static AoiValidationException Invalid(FeatureContext context, string message) =>
            context.Fail(AoiProblemCodes.InvalidFeature, message);
    }
}
