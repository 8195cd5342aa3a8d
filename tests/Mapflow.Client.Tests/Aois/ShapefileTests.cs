using System.Text;
using Mapflow.Client.Aois;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using Xunit;

namespace Mapflow.Client.Tests.Aois;

/// <summary>Shapefiles written here with NetTopologySuite.IO.Esri.Shapefile, then read back as AOIs.</summary>
public class ShapefileTests : IDisposable
{
    private const string Wgs84Prj =
        "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private const string Utm42NPrj =
        "PROJCS[\"WGS_1984_UTM_Zone_42N\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
        + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
        + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",69.0],"
        + "PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    private static readonly GeometryFactory Factory = new();
    private readonly AoiTestData.TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string? prj, params (Geometry Geometry, string Name)[] features)
    {
        string path = _temp.File(name);
        var list = features.Select((f, i) =>
            (IFeature)new Feature(f.Geometry, new AttributesTable { { "name", f.Name }, { "rank", i + 1 } }));
        Shapefile.WriteAllFeatures(list, path, prj, Encoding.UTF8);
        return path;
    }

    private static List<AoiReadResult> Read(string path) => AoiReader.Read(path, new AoiReadOptions()).ToList();

    [Fact]
    public void Wgs84PolygonsBecomeAoisWithTheirAttributes()
    {
        string path = Write("villages.shp", Wgs84Prj,
            (GeodesicAreaTests.Box(69, 40, 69.01, 40.01), "Бой"),
            (Factory.CreateMultiPolygon([GeodesicAreaTests.Box(69.1, 40, 69.11, 40.01), GeodesicAreaTests.Box(69.2, 40, 69.21, 40.01)]), "Авазли"));

        var results = Read(path);
        Assert.Equal(["Бой", "Авазли"], results.Select(r => r.Aoi!.Name));
        Assert.IsType<Polygon>(results[0].Aoi!.Geometry); // a one-part record is a plain Polygon
        Assert.Equal(2, results[1].Aoi!.PolygonCount);
        Assert.Equal(2L, results[1].Aoi!.Properties["rank"]);
        Assert.Equal(1.2364 * Math.Cos(40.005 * Math.PI / 180), results[0].Aoi!.AreaKm2, 3);
        Assert.DoesNotContain(AoiRepairs.Reprojected, results[0].Aoi!.Repairs);
    }

    [Fact]
    public void UtmShapefileIsReprojectedToWgs84()
    {
        var square = GeodesicAreaTests.Box(500000, 4400000, 501000, 4401000); // 1 km in UTM 42N, on the central meridian
        var aoi = Assert.Single(Read(Write("utm.shp", Utm42NPrj, (square, "utm")))).Aoi!;

        var box = aoi.Geometry.EnvelopeInternal;
        Assert.Equal(69.0, box.MinX, 6); // the central meridian of zone 42
        Assert.InRange(box.MinY, 39.7, 39.8);
        Assert.Equal(1.0 / (0.9996 * 0.9996), aoi.AreaKm2, 2); // UTM shrinks distances by 0.9996 there
        Assert.Contains(AoiRepairs.Reprojected, aoi.Repairs);
    }

    [Fact]
    public void UnreadableProjectionRejectsEveryRecordNamingIt()
    {
        string prj = Utm42NPrj.Replace("WGS_1984_UTM_Zone_42N", "Made_Up_Grid").Replace("Transverse_Mercator", "Made_Up_Projection");
        var results = Read(Write("odd.shp", prj,
            (GeodesicAreaTests.Box(500000, 4400000, 501000, 4401000), "a"),
            (GeodesicAreaTests.Box(502000, 4400000, 503000, 4401000), "b")));

        Assert.Equal(2, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(AoiProblemCodes.UnsupportedCrs, r.Problem?.Code);
            Assert.Contains("Made_Up_Grid", r.Problem!.Message);
        });
    }

    [Fact]
    public void MetresWithoutPrjAreOutOfRange()
    {
        var result = Assert.Single(Read(Write("noprj.shp", null, (GeodesicAreaTests.Box(500000, 4400000, 501000, 4401000), "m"))));
        Assert.Equal(AoiProblemCodes.CoordinatesOutOfRange, result.Problem?.Code);
    }

    [Fact]
    public void PointShapefileIsUnsupportedPerRecord()
    {
        var results = Read(Write("places.shp", Wgs84Prj, (Factory.CreatePoint(new Coordinate(69, 40)), "Бой")));
        var problem = Assert.Single(results).Problem!;
        Assert.Equal(AoiProblemCodes.UnsupportedGeometryType, problem.Code);
        Assert.Equal("Бой", problem.Name);
    }
}
