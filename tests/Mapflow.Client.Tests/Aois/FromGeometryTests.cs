using System.Text.Json;
using Mapflow.Client.Aois;
using NetTopologySuite.Geometries;
using Xunit;

namespace Mapflow.Client.Tests.Aois;

public class FromGeometryTests
{
    private static readonly GeometryFactory Factory = new();

    private static AoiProblem ProblemOf(Geometry? geometry, bool repair = false) =>
        Assert.Throws<AoiValidationException>(() => Aoi.FromGeometry(geometry, "x", 3, repair: repair)).Problem;

    [Fact]
    public void ValidPolygonIsWrapped()
    {
        var aoi = Aoi.FromGeometry(GeodesicAreaTests.Box(69, 40, 69.01, 40.01), "Бой", 3,
            new Dictionary<string, object?> { ["population"] = 12L });
        Assert.Equal("Бой", aoi.Name);
        Assert.Equal(3, aoi.Index);
        Assert.Equal(12L, aoi.Properties["population"]);
        Assert.Equal(1, aoi.PolygonCount);
    }

    [Fact]
    public void EmptyNameFallsBackToIndex() =>
        Assert.Equal("3", Aoi.FromGeometry(GeodesicAreaTests.Box(69, 40, 69.01, 40.01), " ", 3).Name);

    [Fact]
    public void NullIsNullGeometry() => Assert.Equal(AoiProblemCodes.NullGeometry, ProblemOf(null).Code);

    [Fact]
    public void PointIsUnsupported()
    {
        var problem = ProblemOf(Factory.CreatePoint(new Coordinate(69, 40)));
        Assert.Equal(AoiProblemCodes.UnsupportedGeometryType, problem.Code);
        Assert.Equal(3, problem.Index);
        Assert.Contains("Point", problem.Message);
    }

    [Fact]
    public void WebMercatorSridIsUnsupportedCrs()
    {
        var box = GeodesicAreaTests.Box(69, 40, 69.01, 40.01);
        box.SRID = 3857;
        Assert.Equal(AoiProblemCodes.UnsupportedCrs, ProblemOf(box).Code);
    }

    [Fact]
    public void ZIsDroppedWithoutRepair()
    {
        var ring = new[] { new CoordinateZ(69, 40, 5), new CoordinateZ(69.01, 40, 5), new CoordinateZ(69.01, 40.01, 5), new CoordinateZ(69, 40, 5) };
        var aoi = Aoi.FromGeometry(Factory.CreatePolygon(ring), "x");
        Assert.Equal([AoiRepairs.DroppedZ], aoi.Repairs);
        Assert.All(aoi.Geometry.Coordinates, c => Assert.True(double.IsNaN(c.Z)));
    }

    [Fact]
    public void MeasuresAreRejectedEvenWithRepair()
    {
        var ring = new[] { new CoordinateM(69, 40, 1), new CoordinateM(69.01, 40, 2), new CoordinateM(69.01, 40.01, 3), new CoordinateM(69, 40, 1) };
        Assert.Equal(AoiProblemCodes.MeasureCoordinates, ProblemOf(Factory.CreatePolygon(ring), repair: true).Code);
    }

    [Fact]
    public void NaNCoordinateIsOutOfRange()
    {
        var polygon = Factory.CreatePolygon([new(69, 40), new(double.NaN, 40), new(69.01, 40.01), new(69, 40)]);
        Assert.Equal(AoiProblemCodes.CoordinatesOutOfRange, ProblemOf(polygon).Code);
    }

    [Fact]
    public void OverlappingMultiPolygonPartsAreASelfIntersection()
    {
        var multi = Factory.CreateMultiPolygon([GeodesicAreaTests.Box(69, 40, 69.02, 40.02), GeodesicAreaTests.Box(69.01, 40, 69.03, 40.02)]);
        Assert.Equal(AoiProblemCodes.SelfIntersection, ProblemOf(multi).Code);

        var merged = Aoi.FromGeometry(multi, "x", repair: true);
        Assert.Equal(1, merged.PolygonCount);
        Assert.Equal([AoiRepairs.FixedSelfIntersection], merged.Repairs);
    }

    [Fact]
    public void CollapsedRingCannotBeRepairedIntoAnArea()
    {
        var line = Factory.CreatePolygon([new(69, 40), new(69.01, 40), new(69.02, 40), new(69, 40)]);
        var problem = ProblemOf(line, repair: true);
        Assert.Equal(AoiProblemCodes.SelfIntersection, problem.Code);
        Assert.Contains("left no polygon area", problem.Message);
    }

    [Fact]
    public void ToGeoJsonWritesNumbersInRfcOrder()
    {
        var clockwise = (Polygon)GeodesicAreaTests.Box(69, 40, 69.01, 40.01).Reverse();
        var aoi = Aoi.FromGeometry(clockwise, "x");
        using var json = JsonDocument.Parse(aoi.ToGeoJson());

        Assert.Equal("Polygon", json.RootElement.GetProperty("type").GetString());
        var ring = json.RootElement.GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray();
        Assert.All(json.RootElement.GetProperty("coordinates")[0].EnumerateArray(),
            p => Assert.Equal(JsonValueKind.Number, p[0].ValueKind));
        Assert.True(NetTopologySuite.Algorithm.Orientation.IsCCW(ring));
        Assert.Equal([AoiRepairs.ReorientedRings], aoi.Repairs);
    }
}
