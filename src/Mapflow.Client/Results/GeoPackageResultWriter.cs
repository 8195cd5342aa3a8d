using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Mapflow.Client.Aois.Nts;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Mapflow.Client.Results;

/// <summary>
/// Turns a saved GeoJSON result into a GeoPackage, the format QGIS opens fastest (compressed, indexed). Reads the
/// GeoJSON twice, one feature at a time: once for the attribute columns, once to insert the rows. Nested property
/// values are stored as JSON text, as QGIS does. The .gpkg appears at its final name only when complete.
/// </summary>
public static class GeoPackageResultWriter
{
    private const string Table = "result";

    public static long Convert(string geoJsonPath, string gpkgPath)
    {
        NativeSqlite.EnsureLoaded();
        var columns = ReadColumns(geoJsonPath);
        var temp = ResultDownloader.TemporaryPathFor(gpkgPath);
        try
        {
            long count;
            using (PartialFiles.Hold(temp))
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
            {
                connection.Open();
                CreateSchema(connection, columns);
                count = InsertRows(connection, geoJsonPath, columns);
                connection.Close();
                ResultDownloader.MoveIntoPlace(temp, gpkgPath);
            }
            return count;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static List<(string Name, string Type)> ReadColumns(string path)
    {
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        using var stream = File.OpenRead(path);
        FeatureCollectionCheck.ReadFeatures(stream, bytes =>
        {
            using var feature = JsonDocument.Parse(bytes);
            if (!feature.RootElement.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object) return;
            foreach (var property in properties.EnumerateObject())
            {
                var type = SqlType(property.Value);
                if (type is null) continue;
                if (!types.TryGetValue(property.Name, out var known)) order.Add(property.Name);
                types[property.Name] = known is null || known == type ? type : known == "INTEGER" && type == "REAL" || known == "REAL" && type == "INTEGER" ? "REAL" : "TEXT";
            }
        });
        return order.Where(n => !string.Equals(n, "fid", StringComparison.OrdinalIgnoreCase) && !string.Equals(n, "geom", StringComparison.OrdinalIgnoreCase))
            .Select(n => (n, types[n])).ToList();
    }

    private static string? SqlType(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out _) ? "INTEGER" : "REAL",
        JsonValueKind.True or JsonValueKind.False => "INTEGER",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => "TEXT",
    };

    private static void CreateSchema(SqliteConnection connection, List<(string Name, string Type)> columns)
    {
        var definitions = string.Concat(columns.Select(c => $", {Quote(c.Name)} {c.Type}"));
        Execute(connection,
            "PRAGMA application_id = 1196444487",
            "PRAGMA user_version = 10300",
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)",
            "INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL), ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL), " +
            "('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]', NULL)",
            "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)",
            "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))",
            $"CREATE TABLE {Table} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY{definitions})",
            $"INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('{Table}', 'features', '{Table}', 4326)",
            $"INSERT INTO gpkg_geometry_columns VALUES ('{Table}', 'geom', 'GEOMETRY', 4326, 0, 0)");
    }

    private static long InsertRows(SqliteConnection connection, string path, List<(string Name, string Type)> columns)
    {
        var envelope = new Envelope();
        var writer = new GeoPackageGeoWriter();
        var options = MapflowJson.Options;
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {Table} (geom{string.Concat(columns.Select(c => ", " + Quote(c.Name)))}) VALUES ($geom{string.Concat(columns.Select((_, i) => $", $p{i}"))})";
        var geom = insert.Parameters.Add("$geom", SqliteType.Blob);
        // No declared type: each value keeps its own (INTEGER, REAL or TEXT).
        var values = columns.Select((_, i) =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToList();

        using var stream = File.OpenRead(path);
        var count = FeatureCollectionCheck.ReadFeatures(stream, bytes =>
        {
            using var feature = JsonDocument.Parse(bytes);
            var root = feature.RootElement;
            Geometry? geometry = root.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object
                ? JsonSerializer.Deserialize<Geometry>(g.GetRawText(), options)
                : null;
            if (geometry != null)
            {
                geometry.SRID = 4326;
                envelope.ExpandToInclude(geometry.EnvelopeInternal);
            }
            geom.Value = geometry is null ? DBNull.Value : writer.Write(geometry);
            var properties = root.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            for (var i = 0; i < columns.Count; i++)
                values[i].Value = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(columns[i].Name, out var v) ? Value(v) : DBNull.Value;
            insert.ExecuteNonQuery();
        });
        if (!envelope.IsNull)
        {
            using var bounds = connection.CreateCommand();
            bounds.Transaction = transaction;
            bounds.CommandText = $"UPDATE gpkg_contents SET min_x = {F(envelope.MinX)}, min_y = {F(envelope.MinY)}, max_x = {F(envelope.MaxX)}, max_y = {F(envelope.MaxY)}";
            bounds.ExecuteNonQuery();
        }
        transaction.Commit();
        return count;
    }

    private static object Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
        JsonValueKind.True => 1L,
        JsonValueKind.False => 0L,
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => DBNull.Value,
        _ => value.GetRawText(),
    };

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static void Execute(SqliteConnection connection, params string[] statements)
    {
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }
}
