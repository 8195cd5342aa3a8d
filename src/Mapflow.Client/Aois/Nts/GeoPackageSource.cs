using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Mapflow.Client.Aois.Nts
{
    /// <summary>
    /// Reads every feature table of a GeoPackage, in gpkg_contents order, row by row; the index runs on across
    /// tables. All tables rather than the first, so a second layer is never dropped silently. Each table's SRS is
    /// reprojected to WGS84 unless it is EPSG:4326 (or undefined, when the range check still guards).
    /// </summary>
    internal static class GeoPackageSource
    {
        public static IEnumerable<AoiReadResult> Read(string path, AoiReadOptions options)
        {
            NativeSqlite.EnsureLoaded();
            var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            using var connection = new SqliteConnection(builder.ToString());
            var tables = Guard(() =>
            {
                connection.Open();
                return FeatureTables(connection);
            }, path);

            int index = 0;
            foreach (var table in tables)
            {
                var crs = Crs(connection, table, path);
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {Quote(table.Name)}";
                using var rows = Guard(() => command.ExecuteReader(), path);
                int geometryColumn = rows.GetOrdinal(table.GeometryColumn);
                var reader = new GeoPackageGeoReader { HandleOrdinates = Ordinates.XYZM, RepairRings = false };
                while (Guard(() => rows.Read(), path))
                    yield return Row(rows, geometryColumn, reader, index++, path, options, crs);
            }
        }

        private static AoiReadResult Row(SqliteDataReader rows, int geometryColumn, GeoPackageGeoReader reader, int index,
            string path, AoiReadOptions options, Wgs84Reprojection crs)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (int i = 0; i < rows.FieldCount; i++)
            {
                if (i != geometryColumn)
                    properties[rows.GetName(i)] = Value(rows.GetValue(i));
            }

            Geometry? geometry;
            try
            {
                geometry = rows.IsDBNull(geometryColumn) ? null : reader.Read((byte[])rows.GetValue(geometryColumn));
            }
            catch (Exception e) when (e is ArgumentException or ParseException or InvalidCastException or IOException)
            {
                var context = new FeatureContext(path, index, AoiNames.From(properties, options.NameProperty, index));
                return context.Result(context.Problem(AoiProblemCodes.InvalidFeature, $"the geometry blob cannot be read: {e.Message}"));
            }

            return NtsFeature.ToResult(geometry, properties, index, path, options, crs);
        }

        private static List<FeatureTable> FeatureTables(SqliteConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c "
                + "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
                + "WHERE c.data_type = 'features' ORDER BY c.rowid";
            using var rows = command.ExecuteReader();
            var tables = new List<FeatureTable>();
            while (rows.Read())
                tables.Add(new FeatureTable(rows.GetString(0), rows.GetString(1), rows.GetInt32(2)));
            return tables;
        }

        // GeoPackage reserves srs_id 0 and -1 for "undefined"; 4326 is the only one taken as is.
        private static Wgs84Reprojection Crs(SqliteConnection connection, FeatureTable table, string path)
        {
            if (table.SrsId is 0 or -1)
                return Wgs84Reprojection.None;

            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
            command.Parameters.AddWithValue("$id", table.SrsId);
            using var rows = Guard(() => command.ExecuteReader(), path);
            if (!rows.Read())
                return Wgs84Reprojection.Unsupported($"table '{table.Name}' uses srs_id {table.SrsId}, which the GeoPackage does not define");

            string organization = rows.IsDBNull(0) ? "" : rows.GetString(0);
            long code = rows.IsDBNull(1) ? 0 : rows.GetInt64(1);
            if (organization.Equals("EPSG", StringComparison.OrdinalIgnoreCase) && code == 4326)
                return Wgs84Reprojection.None;

            string srs = $"table '{table.Name}' (SRS {organization}:{code})";
            if (rows.IsDBNull(2) || string.IsNullOrWhiteSpace(rows.GetString(2)))
                return Wgs84Reprojection.Unsupported($"{srs} has no WKT definition; reproject the data to WGS84 lon/lat (EPSG:4326)");
            return Wgs84Reprojection.FromWkt(rows.GetString(2), srs);
        }

        // The same value types as GeoJSON properties; SQLite has no boolean, blobs become base64 text.
        private static object? Value(object value) => value switch
        {
            DBNull => null,
            byte[] bytes => Convert.ToBase64String(bytes),
            long or double or string => value,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

        private static T Guard<T>(Func<T> read, string path)
        {
            try
            {
                return read();
            }
            catch (SqliteException e)
            {
                throw new InvalidDataException($"'{path}' cannot be read as a GeoPackage: {e.Message}", e);
            }
        }

        private sealed class FeatureTable
        {
            public FeatureTable(string name, string geometryColumn, int srsId)
            {
                Name = name;
                GeometryColumn = geometryColumn;
                SrsId = srsId;
            }

            public string Name { get; }

            public string GeometryColumn { get; }

            public int SrsId { get; }
        }
    }
}
