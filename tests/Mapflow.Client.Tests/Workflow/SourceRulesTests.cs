using Mapflow.Client.Workflow;
using Xunit;

namespace Mapflow.Client.Tests.Workflow;

public sealed class SourceRulesTests
{
    [Theory]
    [InlineData(TileSourceType.Xyz, "https://t.example/{z}/{x}/{y}.png", true)]
    [InlineData(TileSourceType.Tms, "http://t.example/{z}/{x}/{y}", true)]
    [InlineData(TileSourceType.Quadkey, "https://t.example/{q}.jpeg", true)]
    [InlineData(TileSourceType.SentinelL2A, "S2A_MSIL2A_20240101T000000", true)]
    [InlineData(TileSourceType.Xyz, "https://t.example/{z}/{x}.png", false)]
    [InlineData(TileSourceType.Quadkey, "https://t.example/{z}/{x}/{y}.png", false)]
    [InlineData(TileSourceType.Xyz, "ftp://t.example/{z}/{x}/{y}.png", false)]
    [InlineData(TileSourceType.Tms, "t.example/{z}/{x}/{y}", false)]
    public void Tile_urls_need_http_and_their_placeholders(TileSourceType type, string url, bool good) =>
        Assert.Equal(good, SourceRules.UrlProblem(type, url) is null);

    [Fact]
    public void A_url_problem_shows_neither_the_query_nor_a_login()
    {
        var problem = SourceRules.UrlProblem(TileSourceType.Xyz, "https://me:pw@t.example/{z}/{x}.png?access_token=sk.secret")!;
        Assert.DoesNotContain("sk.secret", problem);
        Assert.DoesNotContain("pw", problem);
        Assert.Contains("{y}", problem);
    }

    [Fact]
    public void The_zoom_is_checked_against_the_price_list_zooms()
    {
        var provider = new DataProvider { Name = "Mapbox", Price = { new ProviderPrice { Zoom = 16 }, new ProviderPrice { Zoom = 18 } } };
        Assert.Null(SourceRules.ZoomProblem(provider, 17));
        Assert.Contains("16 to 18", SourceRules.ZoomProblem(provider, 19));
        Assert.NotNull(SourceRules.ZoomProblem(provider, 15));
        Assert.Null(SourceRules.ZoomProblem(new DataProvider { Name = "Unpriced" }, 3));
    }

    [Fact]
    public void Images_of_one_provider_make_an_imagery_search_source_with_their_shared_zoom()
    {
        var images = new[]
        {
            new CatalogImage { Id = "B", ProviderName = "OrbView", Zoom = 18 },
            new CatalogImage { Id = "A", ProviderName = "orbview", Zoom = 18 },
            new CatalogImage { Id = "B", ProviderName = "orbview", Zoom = 18 },
        };
        var source = SourceRules.FromImages(images, null);
        Assert.Equal("orbview", source.DataProvider);
        Assert.Equal(["A", "B"], source.ImageIds);
        Assert.Equal(18, source.Zoom);
        Assert.Equal(17, SourceRules.FromImages(images, 17).Zoom);
        Assert.Throws<ArgumentException>(() => SourceRules.FromImages([images[0], new CatalogImage { Id = "C", ProviderName = "pleiades_neo" }], null));
    }
}
