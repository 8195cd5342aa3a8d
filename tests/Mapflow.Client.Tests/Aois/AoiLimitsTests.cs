using Mapflow.Client.Aois;
using NetTopologySuite.Geometries;
using Xunit;

namespace Mapflow.Client.Tests.Aois;

/// <summary>The server's three checks, with a free-plan-like limit of 25 km² and 10 polygons.</summary>
public class AoiLimitsTests
{
    private const double Limit = 25e6;
    private static readonly GeometryFactory Factory = new();

    private static Aoi Square(double lon, int index = 0, double size = 0.01) =>
        Aoi.FromGeometry(GeodesicAreaTests.Box(lon, 40, lon + size, 40 + size), $"square {index}", index);

    [Fact]
    public void SmallGroupPasses()
    {
        var group = Enumerable.Range(0, 10).Select(i => Square(69 + i * 0.1, i)).ToList();
        Assert.Empty(AoiLimits.Check(group, 10, Limit));
    }

    [Fact]
    public void ElevenPolygonsAreTooMany()
    {
        // Ten AOIs, one of them a 2-part MultiPolygon: 11 polygons.
        var group = Enumerable.Range(0, 9).Select(i => Square(69 + i * 0.1, i)).ToList();
        var parts = Factory.CreateMultiPolygon([GeodesicAreaTests.Box(70, 40, 70.01, 40.01), GeodesicAreaTests.Box(70.1, 40, 70.11, 40.01)]);
        group.Add(Aoi.FromGeometry(parts, "two parts", 9));

        var problem = Assert.Single(AoiLimits.Check(group, 10, Limit));
        Assert.Equal(AoiProblemCodes.TooManyPolygons, problem.Code);
        Assert.Equal(-1, problem.Index);
        Assert.Contains("11 polygons", problem.Message);
        Assert.Contains("at most 10", problem.Message);
    }

    [Fact]
    public void ThinDiagonalFailsOnlyTheBoundingBox()
    {
        // A 0.6° × 0.6° diagonal corridor about 100 m wide: ~6 km² of area, ~4,500 km² of bounding box.
        var corridor = Factory.CreatePolygon([new(69, 40), new(69.6, 40.6), new(69.601, 40.6), new(69.001, 40), new(69, 40)]);
        var aoi = Aoi.FromGeometry(corridor, "river", 4);

        var problem = Assert.Single(AoiLimits.Check([aoi], 10, Limit));
        Assert.Equal(AoiProblemCodes.BoundingBoxTooLarge, problem.Code);
        Assert.Equal(4, problem.Index);
        Assert.Equal("river", problem.Name);
        Assert.Contains("km²", problem.Message);
        Assert.Contains("25,000,000 m²", problem.Message);
    }

    [Fact]
    public void BigSquareIsTooLarge()
    {
        var problems = AoiLimits.Check([Square(69, size: 0.1)], 10, Limit); // ~95 km²
        Assert.Equal([AoiProblemCodes.AreaTooLarge, AoiProblemCodes.BoundingBoxTooLarge], problems.Select(p => p.Code));
        Assert.Contains("over the limit of 25 km² (25,000,000 m²)", problems[0].Message);
    }

    [Fact]
    public void TotalAreaOfSmallAoisCanBeTooLarge()
    {
        var group = Enumerable.Range(0, 3).Select(i => Square(69 + i * 0.1, i, size: 0.05)).ToList(); // ~24 km² each
        var problem = Assert.Single(AoiLimits.Check(group, 10, Limit));
        Assert.Equal(AoiProblemCodes.AreaTooLarge, problem.Code);
        Assert.Null(problem.Name);
    }
}
