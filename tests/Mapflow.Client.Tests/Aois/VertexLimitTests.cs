using System.Text;
using System.Text.Json;
using Mapflow.Client.Aois;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Xunit;

namespace Mapflow.Client.Tests.Aois;

/// <summary>At most AoiLimits.MaxVertices in one processing, checked before sending; -Simplify brings big AOIs under it.</summary>
public class VertexLimitTests
{
    private static readonly GeometryFactory Factory = new();

    // A circle of radius 0.01° (about 1.1 km): n distinct vertices, n + 1 positions with the closing one.
    private static Coordinate[] Circle(int n, double lon = 69, double lat = 40, double radius = 0.01) =>
        Enumerable.Range(0, n + 1)
            .Select(i => new Coordinate(lon + radius * Math.Cos(i % n * 2 * Math.PI / n), lat + radius * Math.Sin(i % n * 2 * Math.PI / n)))
            .ToArray();

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    private static string GeoJson(Geometry geometry) => JsonSerializer.Serialize(geometry, GeoJsonOptions);

    private static AoiReadResult ReadWithSimplify(Geometry geometry, double? toleranceMetres)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(GeoJson(geometry)));
        var options = new AoiReadOptions { SimplifyToleranceMetres = toleranceMetres };
        return Assert.Single(AoiReader.ReadGeoJson(stream, "big.geojson", options).ToList());
    }

    [Fact]
    public void AnAoiOverTheLimitIsRefusedBeforeSendingAndPointsToSimplify()
    {
        var polygon = Factory.CreatePolygon(Circle(AoiLimits.MaxVertices));
        Assert.Equal(AoiLimits.MaxVertices + 1, polygon.NumPoints);

        var problem = Assert.Throws<AoiValidationException>(() => Aoi.FromGeometry(polygon, "big")).Problem;

        Assert.Equal(AoiProblemCodes.TooManyVertices, problem.Code);
        Assert.Contains("the Polygon has 100,001 vertices, more than the 100,000 that one processing can take", problem.Message);
        Assert.Contains("-Simplify <metres>", problem.Message);
    }

    [Fact]
    public void AnAoiOfExactlyTheLimitPasses() =>
        Assert.Equal(AoiLimits.MaxVertices, Aoi.FromGeometry(Factory.CreatePolygon(Circle(AoiLimits.MaxVertices - 1)), "edge").VertexCount);

    [Fact]
    public void SimplifyBringsABigAoiUnderTheLimitWithinTheTolerance()
    {
        var polygon = Factory.CreatePolygon(Circle(110_000));

        var aoi = ReadWithSimplify(polygon, 1).Aoi!;

        Assert.True(aoi.VertexCount < 1_000, $"{aoi.VertexCount} vertices left");
        Assert.Equal([$"simplified from 110001 to {aoi.VertexCount} vertices"], aoi.Repairs);
        Assert.True(aoi.Geometry.IsValid);
        // 1 m is 1/111,320 of a degree of latitude; no point of the outline may move further than that. On a circle
        // the furthest a point moves is the sagitta of the longest chord that replaced its arc.
        var kept = aoi.Geometry.Coordinates;
        double longestChord = kept.Zip(kept.Skip(1), (p, q) => p.Distance(q)).Max();
        double sagitta = 0.01 - Math.Sqrt(0.01 * 0.01 - longestChord * longestChord / 4);
        Assert.InRange(sagitta, 0, 1.0 / 111_320);
        // Cutting chords off a 7 km outline, each at most 1 m deep, loses well under 0.1 % of its 3 km².
        double exact = Aoi.FromGeometry(Factory.CreatePolygon(Circle(20_000)), "exact").AreaKm2;
        Assert.InRange(aoi.AreaKm2, exact * 0.999, exact);
    }

    [Fact]
    public void SimplifyKeepsHolesAndParts()
    {
        var shell = Factory.CreateLinearRing(Circle(5_000, radius: 0.02));
        var hole = Factory.CreateLinearRing(Circle(5_000, radius: 0.005).Reverse().ToArray());
        var multi = Factory.CreateMultiPolygon([Factory.CreatePolygon(shell, [hole]), Factory.CreatePolygon(Circle(5_000, lon: 70))]);

        var aoi = ReadWithSimplify(multi, 5).Aoi!;

        Assert.Equal(2, aoi.PolygonCount);
        Assert.Equal(1, ((Polygon)aoi.Geometry.GetGeometryN(0)).NumInteriorRings);
        Assert.True(aoi.Geometry.IsValid);
        Assert.StartsWith("simplified from 15003 to ", Assert.Single(aoi.Repairs));
    }

    [Fact]
    public void SimplifyThatRemovesNothingIsNoChange() =>
        Assert.Empty(ReadWithSimplify(GeodesicAreaTests.Box(69, 40, 69.01, 40.01), 1).Aoi!.Repairs);

    [Fact]
    public void TooSmallAToleranceSaysSo()
    {
        // The 110,000 vertices of this circle are 6 cm apart and each sits 0.4 µm off the chord of its neighbours.
        var problem = ReadWithSimplify(Factory.CreatePolygon(Circle(110_000)), 1e-7).Problem!;
        Assert.Equal(AoiProblemCodes.TooManyVertices, problem.Code);
        Assert.Contains("has 110,001 vertices", problem.Message);
        Assert.Contains("even after -Simplify 1E-07", problem.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AToleranceMustBeAPositiveNumber(double tolerance) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            AoiReader.ReadGeoJson(new MemoryStream(), null, new AoiReadOptions { SimplifyToleranceMetres = tolerance }));

    [Fact]
    public void AGroupOverTheLimitIsOneProblemSoThePlannerSplitsIt()
    {
        var a = Aoi.FromGeometry(Factory.CreatePolygon(Circle(60_000)), "a", 0);
        var b = Aoi.FromGeometry(Factory.CreatePolygon(Circle(60_000, lon: 69.1)), "b", 1);

        Assert.Empty(AoiLimits.Check([a], 10, 25e6));
        var problem = Assert.Single(AoiLimits.Check([a, b], 10, 25e6));
        Assert.Equal(AoiProblemCodes.TooManyVertices, problem.Code);
        Assert.Equal(-1, problem.Index);
        Assert.Contains("the group of 2 AOIs has 120,002 vertices", problem.Message);
    }
}
