using System;
using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Mapflow.Client.Aois.Nts
{
    /// <summary>
    /// Brings a shapefile's or GeoPackage's coordinates to WGS84 lon/lat with ProjNET, given the source CRS as WKT.
    /// A CRS that ProjNET cannot read or transform is reported (<see cref="Problem"/>), never guessed.
    /// </summary>
    internal sealed class Wgs84Reprojection
    {
        public static readonly Wgs84Reprojection None = new Wgs84Reprojection(null, null);

        private static readonly Regex CrsName = new Regex(@"^\s*\w+\[\s*""([^""]*)""", RegexOptions.CultureInvariant);

        private readonly MathTransform? _transform;

        private Wgs84Reprojection(MathTransform? transform, string? problem)
        {
            _transform = transform;
            Problem = problem;
        }

        /// <summary>Why the source CRS is unsupported; null when the coordinates can be used.</summary>
        public string? Problem { get; }

        /// <summary>True when coordinates are transformed (the CRS was not already WGS84 lon/lat).</summary>
        public bool Reprojects => _transform is not null;

        public static Wgs84Reprojection Unsupported(string problem) => new Wgs84Reprojection(null, problem);

        /// <param name="wkt">The CRS as WKT; null or blank means none was given, so WGS84 is assumed.</param>
        /// <param name="source">Names where the WKT came from in messages, e.g. "the .prj file".</param>
        public static Wgs84Reprojection FromWkt(string? wkt, string source)
        {
            if (string.IsNullOrWhiteSpace(wkt))
                return None;

            string name = CrsName.Match(wkt).Groups[1].Value;
            try
            {
                var crs = new CoordinateSystemFactory().CreateFromWkt(wkt);
                if (crs is GeographicCoordinateSystem geographic && IsWgs84(geographic.HorizontalDatum))
                    return None;
                var transform = new CoordinateTransformationFactory()
                    .CreateFromCoordinateSystems(crs, GeographicCoordinateSystem.WGS84);
                return new Wgs84Reprojection(transform.MathTransform, null);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or NotImplementedException
                                          or InvalidOperationException or FormatException)
            {
                return Unsupported(
                    $"{source} gives the coordinate reference system '{name}', which cannot be converted to WGS84 "
                    + $"({e.Message}); reproject the data to WGS84 lon/lat (EPSG:4326)");
            }
        }

        /// <summary>A transformed copy (Z and M kept, so M is still reported); the geometry itself when nothing to do.</summary>
        public Geometry Apply(Geometry geometry)
        {
            if (_transform is null)
                return geometry;
            var copy = geometry.Copy();
            copy.Apply(new TransformFilter(_transform));
            copy.GeometryChanged();
            copy.SRID = 4326;
            return copy;
        }

        // ESRI writes D_WGS_1984, OGC WKT WGS_1984 or "WGS 84": compare letters and digits only.
        private static bool IsWgs84(HorizontalDatum datum)
        {
            string compact = Regex.Replace(datum.Name ?? "", "[^A-Za-z0-9]", "").ToUpperInvariant();
            return compact.EndsWith("WGS1984", StringComparison.Ordinal) || compact.EndsWith("WGS84", StringComparison.Ordinal);
        }

        private sealed class TransformFilter : IEntireCoordinateSequenceFilter
        {
            private readonly MathTransform _transform;

            public TransformFilter(MathTransform transform) => _transform = transform;

            public bool Done => false;

            public bool GeometryChanged => true;

            public void Filter(CoordinateSequence sequence)
            {
                for (int i = 0; i < sequence.Count; i++)
                {
                    var (x, y) = _transform.Transform(sequence.GetX(i), sequence.GetY(i));
                    sequence.SetX(i, x);
                    sequence.SetY(i, y);
                }
            }
        }
    }
}
