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

    private static ProcessingRequest WithSource(SourceParams source, SortedDictionary<string, object?>? inference = null)
    {
        var request = Request();
        request.Params = new ProcessingParams { SourceParams = source, InferenceParams = inference };
        return request;
    }

    private static SourceParams Tiles(string url, string? password = null) =>
        new() { UserDefined = new UserDefinedSource { SourceType = "XYZ", Url = url, RasterLogin = "me", RasterPassword = password } };

    [Fact]
    public void Every_source_kind_gives_its_own_key_and_the_same_source_the_same_key()
    {
        var sources = new Func<SourceParams>[]
        {
            () => new SourceParams { DataProvider = new DataProviderSource { ProviderName = "Mapbox" } },
            () => new SourceParams { DataProvider = new DataProviderSource { ProviderName = "Mapbox", Zoom = 17 } },
            () => new SourceParams { MyImagery = new MyImagerySource { MosaicId = Guid.Parse("11111111-1111-1111-1111-111111111111") } },
            () => new SourceParams { MyImagery = new MyImagerySource { ImageIds = new() { Guid.Parse("11111111-1111-1111-1111-111111111111") } } },
            () => new SourceParams { ImagerySearch = new ImagerySearchSource { DataProvider = "orbview", ImageIds = new() { "A1" } } },
            () => new SourceParams { ImagerySearch = new ImagerySearchSource { DataProvider = "orbview", ImageIds = new() { "A2" } } },
            () => Tiles("https://a.example/{z}/{x}/{y}.png"),
            () => Tiles("https://b.example/{z}/{x}/{y}.png"),
        };
        var keys = sources.Select(s => StartKey.Compute(WithSource(s()))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(keys, sources.Select(s => StartKey.Compute(WithSource(s()))).ToList());
    }

    [Fact]
    public void The_tile_password_is_no_part_of_the_key_and_is_kept_on_the_request()
    {
        var request = WithSource(Tiles("https://a.example/{z}/{x}/{y}.png", "s3cret-1"));
        var key = StartKey.Compute(request);
        Assert.Equal(key, StartKey.Compute(WithSource(Tiles("https://a.example/{z}/{x}/{y}.png", "other"))));
        Assert.Equal("s3cret-1", request.Params!.SourceParams.UserDefined!.RasterPassword);
    }

    [Fact]
    public void Inference_params_change_the_key()
    {
        var provider = () => new SourceParams { DataProvider = new DataProviderSource { ProviderName = "Mapbox" } };
        var none = StartKey.Compute(WithSource(provider()));
        var one = StartKey.Compute(WithSource(provider(), new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["threshold"] = 0.5 }));
        Assert.NotEqual(none, one);
    }
}
