using Mapflow.Client.Aois;
using NetTopologySuite.Geometries;
using Xunit;

namespace Mapflow.Client.Tests.Aois;

public class GeodesicAreaTests
{
    private static readonly GeometryFactory Factory = new();

    internal static Polygon Box(double minLon, double minLat, double maxLon, double maxLat) =>
        Factory.CreatePolygon([
            new(minLon, minLat), new(maxLon, minLat), new(maxLon, maxLat), new(minLon, maxLat), new(minLon, minLat),
        ]);

    [Fact]
    public void HundredthDegreeSquareAtTheEquator()
    {
        // R² · Δλ · (sin φ2 − sin φ1) with R = 6371008.8 m and 0.01° sides.
        Assert.Equal(1.2364, GeodesicArea.SquareMetres(Box(0, 0, 0.01, 0.01)) / 1e6, 4);
    }

    [Fact]
    public void SquareShrinksWithLatitude()
    {
        double atEquator = GeodesicArea.SquareMetres(Box(0, 0, 0.01, 0.01));
        double at60 = GeodesicArea.SquareMetres(Box(0, 60, 0.01, 60.01));
        Assert.Equal(0.5, at60 / atEquator, 3); // cos 60°
    }

    [Fact]
    public void OrientationDoesNotMatter()
    {
        var box = Box(69, 40, 69.5, 40.5);
        Assert.Equal(GeodesicArea.SquareMetres(box), GeodesicArea.SquareMetres(box.Reverse()), 6);
    }

    [Fact]
    public void HolesAreSubtracted()
    {
        var shell = Box(0, 0, 0.02, 0.02);
        var hole = Box(0.005, 0.005, 0.015, 0.015);
        var withHole = Factory.CreatePolygon(shell.Shell, [hole.Shell]);
        Assert.Equal(GeodesicArea.SquareMetres(shell) - GeodesicArea.SquareMetres(hole), GeodesicArea.SquareMetres(withHole), 3);
    }

    [Fact]
    public void MultiPolygonSumsItsParts()
    {
        var multi = Factory.CreateMultiPolygon([Box(0, 0, 0.01, 0.01), Box(1, 0, 1.01, 0.01)]);
        Assert.Equal(2 * 1.2364, GeodesicArea.SquareMetres(multi) / 1e6, 3);
    }

    [Fact]
    public void BoundingBoxOfThinDiagonalIsFarLargerThanItsArea()
    {
        var sliver = Factory.CreatePolygon([new(0, 0), new(1, 1), new(1.001, 1), new(0.001, 0), new(0, 0)]);
        Assert.Equal(GeodesicArea.SquareMetres(Box(0, 0, 1.001, 1)), GeodesicArea.BoundingBoxSquareMetres(sliver), 3);
        Assert.True(GeodesicArea.BoundingBoxSquareMetres(sliver) > 500 * GeodesicArea.SquareMetres(sliver));
    }

    [Fact]
    public void PointsAndLinesHaveNoArea() =>
        Assert.Equal(0, GeodesicArea.SquareMetres(Factory.CreateLineString([new(0, 0), new(1, 1)])));
}
