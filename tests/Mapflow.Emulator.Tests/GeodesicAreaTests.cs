using Mapflow.Emulator.Geo;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Tests;

public sealed class GeodesicAreaTests
{
    private static readonly GeometryFactory Factory = new();

    private static Polygon Box(double minLon, double minLat, double maxLon, double maxLat, bool clockwise = false)
    {
        Coordinate[] ring = [new(minLon, minLat), new(maxLon, minLat), new(maxLon, maxLat), new(minLon, maxLat), new(minLon, minLat)];
        return Factory.CreatePolygon(clockwise ? ring.Reverse().ToArray() : ring);
    }

    /// <summary>The exact area between two parallels and two meridians on the sphere.</summary>
    private static double Cell(double dLon, double lat1, double lat2) =>
        GeodesicArea.EarthRadiusM * GeodesicArea.EarthRadiusM * dLon * Math.PI / 180
        * (Math.Sin(lat2 * Math.PI / 180) - Math.Sin(lat1 * Math.PI / 180));

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(55.0, 55.01)]
    [InlineData(-33.9, -33.8)]
    public void Small_cells_match_the_spherical_formula(double lat1, double lat2)
    {
        var area = GeodesicArea.Of(Box(10, lat1, 10 + (lat2 - lat1), lat2));
        Assert.Equal(1, area / Cell(lat2 - lat1, lat1, lat2), 3);
    }

    [Fact]
    public void Orientation_does_not_matter_and_holes_are_subtracted()
    {
        var outer = Box(37.0, 55.0, 37.1, 55.1);
        Assert.Equal(GeodesicArea.Of(outer), GeodesicArea.Of(Box(37.0, 55.0, 37.1, 55.1, clockwise: true)), 6);

        var hole = (LinearRing)Box(37.02, 55.02, 37.04, 55.04).ExteriorRing;
        var holed = Factory.CreatePolygon((LinearRing)outer.ExteriorRing, [hole]);
        Assert.Equal(GeodesicArea.Of(outer) - GeodesicArea.Of(Box(37.02, 55.02, 37.04, 55.04)), GeodesicArea.Of(holed), 3);
    }

    [Fact]
    public void Antimeridian_crossing_takes_the_short_way()
    {
        var ring = new Coordinate[] { new(179.99, 0), new(-179.99, 0), new(-179.99, 0.02), new(179.99, 0.02), new(179.99, 0) };
        Assert.InRange(GeodesicArea.Of(Factory.CreatePolygon(ring)), 4.9e6, 5.0e6);
    }

    [Fact]
    public void Bounding_box_of_a_thin_diagonal_is_much_larger_than_its_area()
    {
        var strip = Factory.CreatePolygon(new Coordinate[] { new(37.0, 55.0), new(37.0005, 55.0), new(37.1005, 55.05), new(37.1, 55.05), new(37.0, 55.0) });
        Assert.True(GeodesicArea.OfBoundingBox(strip) > 50 * GeodesicArea.Of(strip));
    }
}
