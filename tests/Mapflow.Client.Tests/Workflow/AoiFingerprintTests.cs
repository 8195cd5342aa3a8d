using System.Text.Json;
using Mapflow.Client.Workflow;
using NetTopologySuite.Geometries;
using Xunit;

namespace Mapflow.Client.Tests.Workflow;

/// <summary>The AOIs a server lists are matched back to the polygons sent by geometry, whatever their order.</summary>
public sealed class AoiFingerprintTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Polygon Square(double lon, double lat, double size) => Factory.CreatePolygon(
        [new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size), new(lon, lat)]);

    private static Aoi Source(string name, int index, Polygon polygon) => Aoi.FromGeometry(polygon, name, index);

    private static string Meta(params Aoi[] aois) =>
        JsonSerializer.Serialize(aois.Select(a => AoiFingerprint.Of(a, (Polygon)a.Geometry)), MapflowJson.Options);

    private static ProcessingAoi Listed(Polygon polygon) => new()
    {
        Id = Guid.NewGuid(),
        Geometry = JsonSerializer.Serialize<Geometry>(polygon, MapflowJson.Options),
    };

    [Fact]
    public void Aois_listed_in_another_order_are_matched_to_their_sources()
    {
        var a = Source("Бой", 0, Square(64.40, 39.70, 0.010));
        var b = Source("Бой", 1, Square(64.42, 39.70, 0.010));
        var c = Source("Avazali", 2, Square(64.44, 39.70, 0.020));
        var sources = AoiFingerprint.Parse(Meta(a, b, c))!;

        var listed = new[] { Listed((Polygon)c.Geometry), Listed((Polygon)b.Geometry), Listed((Polygon)a.Geometry) };
        var matched = AoiFingerprint.Match(listed, sources);

        Assert.Equal([2, 1, 0], matched.Select(m => m!.Index));
        Assert.Equal(["Avazali", "Бой", "Бой"], matched.Select(m => m!.Name));
    }

    [Fact]
    public void A_polygon_the_server_stored_slightly_changed_still_matches_and_a_stranger_does_not()
    {
        var a = Source("a", 0, Square(64.40, 39.70, 0.010));
        var b = Source("b", 1, Square(64.42, 39.70, 0.010));
        var sources = AoiFingerprint.Parse(Meta(a, b))!;

        var moved = Square(64.40002, 39.70001, 0.0100);
        var stranger = Square(10.0, 10.0, 0.010);
        var matched = AoiFingerprint.Match([Listed(stranger), Listed(moved)], sources);

        Assert.Null(matched[0]);
        Assert.Equal("a", matched[1]!.Name);
    }

    [Fact]
    public void Meta_of_version_0_1_without_geometry_matches_by_position_only_when_the_counts_agree()
    {
        var sources = AoiFingerprint.Parse("""[[0,"x"],[3,"y"]]""")!;
        var two = new[] { Listed(Square(1, 1, 0.01)), Listed(Square(2, 2, 0.01)) };

        Assert.Equal(["x", "y"], AoiFingerprint.Match(two, sources).Select(m => m!.Name));
        Assert.All(AoiFingerprint.Match(two.Take(1).ToList(), sources), Assert.Null);
    }
}
