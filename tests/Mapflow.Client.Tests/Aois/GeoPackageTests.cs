using Mapflow.Client.Aois;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Xunit;

namespace Mapflow.Client.Tests.Aois;

/// <summary>GeoPackages built here with the GeoPackage tables, then read back as AOIs.</summary>
public class GeoPackageTests : IDisposable
{
    private const string Utm42NWkt =
        "PROJCS[\"WGS 84 / UTM zone 42N\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
        + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
        + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",69],PARAMETER[\"scale_factor\",0.9996],"
        + "PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"32642\"]]";

    private static readonly GeometryFactory Factory = new();
    private readonly AoiTestData.TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static List<AoiReadResult> Read(string path) => AoiReader.Read(path, new AoiReadOptions()).ToList();

    private static SqliteConnection Create(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection,
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, "
            + "organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)",
            "CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, srs_id INTEGER)",
            "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, "
            + "geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL)",
            "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS[\"WGS 84\"]', NULL)",
            $"INSERT INTO gpkg_spatial_ref_sys VALUES ('UTM 42N', 32642, 'EPSG', 32642, '{Utm42NWkt}', NULL)");
        return connection;
    }

    private static void AddTable(SqliteConnection connection, string table, int srsId, params (Geometry? Geometry, string Name)[] rows)
    {
        Execute(connection,
            $"CREATE TABLE \"{table}\" (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT, population INTEGER)",
            $"INSERT INTO gpkg_contents VALUES ('{table}', 'features', '{table}', {srsId})",
            $"INSERT INTO gpkg_geometry_columns VALUES ('{table}', 'geom', 'GEOMETRY', {srsId}, 0, 0)");
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XYZ };
        foreach (var (geometry, name) in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO \"{table}\" (geom, name, population) VALUES ($geom, $name, 100)";
            if (geometry is not null)
                geometry.SRID = srsId;
            insert.Parameters.AddWithValue("$geom", geometry is null ? DBNull.Value : writer.Write(geometry));
            insert.Parameters.AddWithValue("$name", name);
            insert.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection connection, params string[] statements)
    {
        foreach (string sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    [Fact]
    public void EveryFeatureTableIsReadInOrderWithOneRunningIndex()
    {
        string path = _temp.File("aois.gpkg");
        using (var connection = Create(path))
        {
            AddTable(connection, "villages", 4326, (GeodesicAreaTests.Box(69, 40, 69.01, 40.01), "Бой"), (null, "Авазли"));
            AddTable(connection, "places", 4326, (Factory.CreatePoint(new Coordinate(69, 40)), "node"));
        }

        var results = Read(path);
        Assert.Equal(3, results.Count);
        Assert.Equal("Бой", results[0].Aoi?.Name);
        Assert.Equal(100L, results[0].Aoi!.Properties["population"]);
        Assert.Equal((AoiProblemCodes.NullGeometry, 1, "Авазли"), (results[1].Problem?.Code, results[1].Problem!.Index, results[1].Problem!.Name));
        Assert.Equal((AoiProblemCodes.UnsupportedGeometryType, 2), (results[2].Problem?.Code, results[2].Problem!.Index));
    }

    [Fact]
    public void UtmTableIsReprojected()
    {
        string path = _temp.File("utm.gpkg");
        using (var connection = Create(path))
            AddTable(connection, "parcels", 32642, (GeodesicAreaTests.Box(500000, 4400000, 501000, 4401000), "utm"));

        var aoi = Assert.Single(Read(path)).Aoi!;
        Assert.Equal(69.0, aoi.Geometry.EnvelopeInternal.MinX, 6);
        Assert.Equal(1.0 / (0.9996 * 0.9996), aoi.AreaKm2, 2);
        Assert.Contains(AoiRepairs.Reprojected, aoi.Repairs);
    }

    [Fact]
    public void HeightsInTheBlobAreDropped()
    {
        string path = _temp.File("z.gpkg");
        var ring = new[] { new CoordinateZ(69, 40, 3), new CoordinateZ(69.01, 40, 3), new CoordinateZ(69.01, 40.01, 3), new CoordinateZ(69, 40, 3) };
        using (var connection = Create(path))
            AddTable(connection, "z", 4326, (Factory.CreatePolygon(ring), "z"));

        Assert.Equal([AoiRepairs.DroppedZ], Assert.Single(Read(path)).Aoi?.Repairs);
    }

    [Fact]
    public void FileThatIsNotAGeoPackageThrows()
    {
        string path = _temp.File("fake.gpkg");
        File.WriteAllText(path, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        Assert.Throws<InvalidDataException>(() => Read(path));
    }
}
