using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Dbf.Fields;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace Mapflow.Client.Aois.Nts
{
    /// <summary>
    /// Reads an Esri shapefile record by record (the DBF attributes become properties). A .prj in another CRS is
    /// reprojected to WGS84; with no .prj the coordinates are taken as lon/lat, and the range check catches metres.
    /// </summary>
    internal static class ShapefileSource
    {
        public static IEnumerable<AoiReadResult> Read(string path, AoiReadOptions options)
        {
            using var reader = Guard(() => Shapefile.OpenRead(path, new ShapefileReaderOptions()), path);
            var crs = Wgs84Reprojection.FromWkt(reader.Projection, $"the .prj file of '{Path.GetFileName(path)}'");
            int index = -1;
            while (Guard(() => NextRecord(reader), path) is bool live)
            {
                index++; // the record's position in the file, deleted records included
                if (live)
                    yield return NtsFeature.ToResult(Geometry(reader.Geometry), Properties(reader.Fields), index, path, options, crs);
            }
        }

        // Null at the end of the file, otherwise whether the record is live (not marked deleted).
        private static bool? NextRecord(ShapefileReader reader) => reader.Read(out bool deleted) ? !deleted : null;

        // Shapefiles cannot tell a Polygon from a one-part MultiPolygon; the reader always builds the latter.
        private static Geometry? Geometry(Geometry? geometry) =>
            geometry switch
            {
                null => null,
                { IsEmpty: true } => null, // a "null shape" record
                MultiPolygon { NumGeometries: 1 } multi => multi.GetGeometryN(0),
                _ => geometry,
            };

        private static Dictionary<string, object?> Properties(DbfFieldCollection fields)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (int i = 0; i < fields.Count; i++)
                properties[fields[i].Name] = Value(fields[i].Value);
            return properties;
        }

        // The same value types as GeoJSON properties: strings, longs, doubles, bools, null.
        private static object? Value(object? value) => value switch
        {
            null => null,
            string s => s,
            bool b => b,
            int i => (long)i,
            long l => l,
            double d => d,
            float f => (double)f,
            decimal m => (double)m,
            DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        private static T Guard<T>(Func<T> read, string path)
        {
            try
            {
                return read();
            }
            catch (Exception e) when (e is ShapefileException or IOException or ArgumentException or NotSupportedException
                                          && e is not FileNotFoundException)
            {
                throw new InvalidDataException($"'{path}' cannot be read as a shapefile: {e.Message}", e);
            }
        }
    }
}
