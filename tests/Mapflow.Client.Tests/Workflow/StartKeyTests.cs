using Mapflow.Client.Workflow;
using NetTopologySuite.Geometries;
using Xunit;

namespace Mapflow.Client.Tests.Workflow;

public class StartKeyTests
{
    private static ProcessingRequest Request(string name = "Бой", double x = 64.1) => new()
    {
        Name = name,
        ProjectId = Guid.Parse("fb49b97e-51ec-4b31-872f-d1411284de85"),
        WdId = Guid.Parse("8cb13006-a299-4df6-b47d-91bd63de947f"),
        Geometry = new GeometryFactory().CreatePolygon(new[] { new Coordinate(x, 39.8), new Coordinate(64.2, 39.8), new Coordinate(64.2, 39.9), new Coordinate(x, 39.8) }),
        Params = new ProcessingParams { SourceParams = { DataProvider = new DataProviderSource { ProviderName = "Mapbox" } } },
    };

    [Fact]
    public void The_same_content_gives_the_same_key_whatever_the_meta()
    {
        var withMeta = Request();
        withMeta.Meta = new Dictionary<string, string> { ["source-app"] = "x" };
        Assert.Equal(StartKey.Compute(Request()), StartKey.Compute(withMeta));
        Assert.Equal("x", withMeta.Meta["source-app"]);
    }

    [Fact]
    public void Name_geometry_and_source_change_the_key()
    {
        var key = StartKey.Compute(Request());
        Assert.NotEqual(key, StartKey.Compute(Request(name: "бой")));
        Assert.NotEqual(key, StartKey.Compute(Request(x: 64.1000001)));
        var other = Request();
        other.Params!.SourceParams.DataProvider!.ProviderName = "Maxar";
        Assert.NotEqual(key, StartKey.Compute(other));
        Assert.Matches("^[0-9a-f]{32}$", key);
    }
}
