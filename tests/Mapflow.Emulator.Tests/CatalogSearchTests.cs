using System.Net;
using System.Text.Json.Nodes;

namespace Mapflow.Emulator.Tests;

/// <summary>POST /catalog/meta (§4.9): QGIS's body, exactly {images,total,limit,offset}, filters where null matches, a page cap.</summary>
public sealed class CatalogSearchTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private static readonly object Aoi = Geometries.Square(37.61, 55.75, 1);

    private async Task<List<JsonNode>> All(Dictionary<string, object?> filters)
    {
        var images = new List<JsonNode>();
        for (var offset = 0; ; )
        {
            var body = new Dictionary<string, object?>(filters) { ["aoi"] = Aoi, ["limit"] = 100, ["offset"] = offset };
            var page = await PostJson("catalog/meta", body);
            var got = page["images"]!.AsArray();
            images.AddRange(got.Select(i => i!));
            offset += got.Count;
            if (got.Count == 0 || offset >= (int)page["total"]!) return images;
        }
    }

    [Fact]
    public async Task The_answer_has_exactly_the_keys_qgis_builds_its_schema_from_and_pages_are_capped()
    {
        var page = await PostJson("catalog/meta", new { aoi = Aoi, limit = 100, offset = 0 });
        Assert.Equal(["images", "total", "limit", "offset"], page.AsObject().Select(kv => kv.Key));
        Assert.Equal(50, page["images"]!.AsArray().Count);
        Assert.True((int)page["total"]! > 50);
        Assert.Equal(100, (int)page["limit"]!);
        var image = page["images"]![0]!.AsObject();
        foreach (var key in new[] { "id", "footprint", "pixelResolution", "acquisitionDate", "productType", "cloudCover", "offNadirAngle", "previews", "providerName", "zoom", "minAreaSqkm" })
            Assert.True(image.ContainsKey(key), $"missing {key}");
        Assert.Empty(image["previews"]!.AsArray());
    }

    [Fact]
    public async Task Filters_apply_and_missing_metadata_matches_any_filter()
    {
        var all = await All(new());
        var clear = await All(new() { ["maxCloudCover"] = 20, ["maxOffNadirAngle"] = 15, ["dataProviders"] = new[] { "orbview" } });
        Assert.NotEmpty(clear);
        Assert.True(clear.Count < all.Count(i => (string?)i["providerName"] == "orbview"));
        Assert.All(clear, i =>
        {
            Assert.Equal("orbview", (string?)i["providerName"]);
            Assert.True(i["cloudCover"] is null || (double)i["cloudCover"]! <= 20);
            Assert.True(i["offNadirAngle"] is null || (double)i["offNadirAngle"]! <= 15);
        });
        Assert.Contains(clear, i => i["cloudCover"] is null);

        var dated = await All(new() { ["acquisitionDateFrom"] = "2024-06-01T00:00:00Z", ["acquisitionDateTo"] = "2024-12-31T23:59:59Z" });
        Assert.Contains(dated, i => i["acquisitionDate"] is null);
        Assert.All(dated.Where(i => i["acquisitionDate"] is not null), i => Assert.StartsWith("2024-", (string)i["acquisitionDate"]!));
    }

    [Fact]
    public async Task Aoi_is_required_and_the_search_area_is_limited()
    {
        await PostJson("catalog/meta", new { limit = 10 }, HttpStatusCode.BadRequest);
        var body = await PostJson("catalog/meta", new { aoi = Geometries.Square(37, 55, 40) }, HttpStatusCode.BadRequest);
        AssertError(body, "SEARCH_AREA_LIMIT_EXCEEDED");
        await PostJson("catalog/meta", new { aoi = Aoi, maxCloudCover = 101 }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_search_providers_are_listed_in_the_user_status()
    {
        var status = await GetJson("user/status");
        Assert.Contains(status["searchDataProviders"]!.AsArray(), p => (string?)p!["name"] == "orbview");
    }
}
