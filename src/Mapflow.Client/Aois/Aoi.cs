using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Mapflow.Client.Aois;
using NetTopologySuite.IO.Converters;

namespace Mapflow
{
    /// <summary>
    /// One valid area of interest, ready to send: a 2D Polygon or MultiPolygon in WGS84 lon/lat with RFC 7946 ring
    /// orientation. Only <see cref="AoiReader"/> and <see cref="FromGeometry"/> create one, so every instance passed
    /// validation. Treat <see cref="Geometry"/> as read-only.
    /// </summary>
    public sealed class Aoi
    {
        private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

        private static readonly JsonSerializerOptions GeoJsonOptions = new JsonSerializerOptions
        {
            Converters = { new GeoJsonConverterFactory(false, "id", RingOrientationOption.EnforceRfc9746) },
        };

        internal Aoi(FeatureContext context, Geometry geometry, IReadOnlyDictionary<string, object?> properties,
            IReadOnlyList<string> repairs)
        {
            Name = context.Name;
            Index = context.Index;
            SourcePath = context.SourcePath;
            Geometry = geometry;
            Properties = properties;
            Repairs = repairs;
            AreaKm2 = GeodesicArea.SquareMetres(geometry) / 1e6;
            PolygonCount = geometry.NumGeometries;
            VertexCount = geometry.NumPoints;
        }

        /// <summary>The name property's value, or the feature index as text when that is missing or empty.</summary>
        public string Name { get; }

        /// <summary>0-based feature index in the source.</summary>
        public int Index { get; }

        public Geometry Geometry { get; }

        /// <summary>Strings, longs, doubles, bools and nulls; nested objects and arrays as JSON text.</summary>
        public IReadOnlyDictionary<string, object?> Properties { get; }

        /// <summary>Geodesic area (see <see cref="GeodesicArea"/>).</summary>
        public double AreaKm2 { get; }

        /// <summary>Polygons in the geometry; each counts once toward maxAoisPerProcessing.</summary>
        public int PolygonCount { get; }

        /// <summary>Positions of all rings, each ring's closing one included; at most <see cref="AoiLimits.MaxVertices"/>.</summary>
        public int VertexCount { get; }

        public string? SourcePath { get; }

        /// <summary>
        /// Every change made to the source geometry (see <see cref="AoiRepairs"/>); empty if none. Without -Repair
        /// only "reoriented rings", "dropped Z" and "reprojected to WGS84" can appear.
        /// </summary>
        public IReadOnlyList<string> Repairs { get; }

        /// <summary>The geometry as a GeoJSON geometry object, coordinates as numbers.</summary>
        public string ToGeoJson() => JsonSerializer.Serialize(Geometry, GeoJsonOptions);

        public override string ToString() =>
            $"{Name} (#{Index}, {PolygonCount} polygon(s), {AreaKm2.ToString("0.###", CultureInfo.InvariantCulture)} km²)";

        /// <summary>Validates a geometry given directly (not read from a file) and wraps it as an AOI.</summary>
        /// <param name="name">The AOI's name; the index as text when null or empty.</param>
        /// <param name="repair">Apply the same repairs as <see cref="AoiReadOptions.Repair"/>.</param>
        /// <exception cref="AoiValidationException">With the problem, when the geometry cannot be an AOI.</exception>
        public static Aoi FromGeometry(Geometry? geometry, string? name, int index = 0,
            IReadOnlyDictionary<string, object?>? properties = null, bool repair = false, string? sourcePath = null)
        {
            var context = new FeatureContext(sourcePath, index,
                string.IsNullOrWhiteSpace(name) ? AoiText.Index(index) : name!);
            if (geometry is null)
                throw context.Fail(AoiProblemCodes.NullGeometry, "the geometry is null");
            if (geometry.SRID != 0 && geometry.SRID != AoiGeometryBuilder.Wgs84Srid)
            {
                throw context.Fail(AoiProblemCodes.UnsupportedCrs,
                    $"the geometry has SRID {geometry.SRID}; only WGS84 lon/lat (EPSG:4326) is supported");
            }

            var raw = NtsGeometryReader.ToRaw(geometry, context);
            return AoiValidator.Validate(raw, context, properties is null ? NoProperties : Copy(properties),
                new AoiReadOptions { Repair = repair });
        }

        // A copy, so the caller changing its dictionary later cannot change the AOI.
        private static Dictionary<string, object?> Copy(IReadOnlyDictionary<string, object?> source)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var pair in source)
                result[pair.Key] = pair.Value;
            return result;
        }
    }
}
