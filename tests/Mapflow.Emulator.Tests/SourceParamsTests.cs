using System.Net;
using System.Text.Json.Nodes;

namespace Mapflow.Emulator.Tests;

/// <summary>The four sourceParams kinds as the real API validates them (§4.4, §7.2, §8.2).</summary>
public sealed class SourceParamsTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private static object Body(object sourceParams) => new
    {
        name = "source",
        wdId = BuildingsId,
        geometry = Geometries.Square(37.61, 55.75, 0.5),
        @params = new { sourceParams },
    };

    /// <summary>A mosaic of the user's imagery with one image over the test square (37.5-37.9 E, 55.5-55.9 N).</summary>
    private async Task<(string Mosaic, string Image)> OwnImagery(double x = 37.5, double y = 55.9, double pixel = 0.05)
    {
        var mosaic = (string)(await PostJson("rasters/mosaic", new { name = "survey", tags = Array.Empty<string>() }))["id"]!;
        var file = new ByteArrayContent(GeoTiffs.Write(x: x, y: y, pixel: pixel));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/tiff");
        using var upload = await Client.PostAsync($"rasters/mosaic/{mosaic}/image", new MultipartFormDataContent { { file, "file", "survey.tif" } });
        await Read(upload, HttpStatusCode.OK);
        var image = (string)(await GetJson($"rasters/mosaic/{mosaic}/image")).AsArray().Single()!["id"]!;
        return (mosaic, image);
    }

    private async Task<string> FirstImageId(string provider)
    {
        var page = await PostJson("catalog/meta", new { aoi = Geometries.Square(37.61, 55.75, 0.5), dataProviders = new[] { provider }, limit = 1 });
        return (string)page["images"]![0]!["id"]!;
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("WMS")]
    [InlineData("Quadkey")]
    public async Task A_source_type_not_in_the_upper_case_enum_is_a_400(string sourceType)
    {
        var body = await PostJson("processings/v2", Body(new { userDefined = new { sourceType, url = "https://t.example/{z}/{x}/{y}.png" } }), HttpStatusCode.BadRequest);
        AssertError(body, "BAD_REQUEST");
        Assert.Contains("sourceType", (string)body["message"]!);
    }

    [Fact]
    public async Task Crs_is_one_of_the_two_lower_case_projections()
    {
        await PostJson("processings/v2", Body(new { userDefined = new { sourceType = "TMS", url = "https://t.example/{z}/{x}/{y}.png", crs = "epsg:3395" } }));
        var body = await PostJson("processings/v2", Body(new { userDefined = new { sourceType = "TMS", url = "https://t.example/{z}/{x}/{y}.png", crs = "EPSG:3857" } }),
            HttpStatusCode.BadRequest);
        Assert.Contains("crs", (string)body["message"]!);
    }

    [Theory]
    [InlineData("XYZ", "https://t.example/{z}/{x}.png", "source-validator.XYZLinkFormatError")]
    [InlineData("TMS", "https://t.example/{z}/{y}.png", "source-validator.TMSLinkFormatError")]
    [InlineData("QUADKEY", "https://t.example/{z}/{x}/{y}.png", "source-validator.QuadkeyLinkFormatError")]
    [InlineData("XYZ", "ftp://t.example/{z}/{x}/{y}.png", "source-validator.UrlMustBeLink")]
    public async Task A_tile_url_without_its_placeholders_is_accepted_and_the_processing_fails(string type, string url, string code)
    {
        var created = await PostJson("processings/v2", Body(new { userDefined = new { sourceType = type, url } }));
        Assert.Equal("IN_PROGRESS", (string?)created["status"]);
        var read = await GetJson($"processings/{created["id"]}/v2");
        Assert.Equal("FAILED", (string?)read["status"]);
        Assert.Equal(code, (string?)read["messages"]![0]!["code"]);

        // A restart runs the same source through the same validator.
        await PostJson($"processings/{created["id"]}/restart/v2", new { });
        Assert.Equal("FAILED", (string?)(await GetJson($"processings/{created["id"]}/v2"))["status"]);
    }

    [Fact]
    public async Task A_good_tile_url_runs()
    {
        var created = await PostJson("processings/v2", Body(new { userDefined = new { sourceType = "QUADKEY", url = "https://t.example/a/{q}.jpeg", rasterLogin = "me", rasterPassword = "pw" } }));
        Assert.NotEqual("FAILED", (string?)(await GetJson($"processings/{created["id"]}/v2"))["status"]);
    }

    [Fact]
    public async Task Image_ids_without_a_data_provider_are_a_400()
    {
        var id = await FirstImageId("orbview");
        var body = await PostJson("processings/v2", Body(new { imagerySearch = new { imageIds = new[] { id } } }), HttpStatusCode.BadRequest);
        Assert.Contains("dataProvider", (string)body["message"]!);
        await PostJson("processing/cost/v2", Body(new { imagerySearch = new { imageIds = new[] { id } } }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Image_ids_must_be_known_for_their_provider()
    {
        var id = await FirstImageId("orbview");
        var made = await PostJson("processings/v2", Body(new { imagerySearch = new { dataProvider = "orbview", imageIds = new[] { id } } }));
        Assert.Equal(id, (string?)made["params"]!["sourceParams"]!["imagerySearch"]!["imageIds"]![0]);

        var wrongProvider = await PostJson("processings/v2", Body(new { imagerySearch = new { dataProvider = "pleiades_neo", imageIds = new[] { id } } }), HttpStatusCode.BadRequest);
        Assert.Equal(id, (string?)wrongProvider["params"]!["imageIds"]);
        await PostJson("processings/v2", Body(new { imagerySearch = new { dataProvider = "orbview", imageIds = new[] { "NOPE" } } }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task My_imagery_takes_a_mosaic_or_images_but_not_both()
    {
        var (mosaic, image) = await OwnImagery();
        await PostJson("processings/v2", Body(new { myImagery = new { mosaicId = mosaic } }));
        await PostJson("processings/v2", Body(new { myImagery = new { imageIds = new[] { image } } }));
        var both = await PostJson("processings/v2", Body(new { myImagery = new { mosaicId = mosaic, imageIds = new[] { image } } }), HttpStatusCode.BadRequest);
        Assert.Contains("not both", (string)both["message"]!);
        await PostJson("processings/v2", Body(new { myImagery = new { } }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task My_imagery_must_be_the_user_s_own_and_cover_the_AOIs_or_the_processing_FAILS()
    {
        var unknown = await PostJson("processings/v2", Body(new { myImagery = new { mosaicId = Guid.NewGuid() } }), HttpStatusCode.BadRequest);
        Assert.Contains("was not found", (string)unknown["message"]!);
        await PostJson("processings/v2", Body(new { myImagery = new { imageIds = new[] { Guid.NewGuid() } } }), HttpStatusCode.BadRequest);
        var empty = (string)(await PostJson("rasters/mosaic", new { name = "empty", tags = Array.Empty<string>() }))["id"]!;
        await PostJson("processings/v2", Body(new { myImagery = new { mosaicId = empty } }), HttpStatusCode.BadRequest);

        // An image far from the square: the start is taken, and the processing FAILS as the pipeline finds no data.
        var (far, _) = await OwnImagery(x: 10, y: 10, pixel: 0.001);
        var made = await PostJson("processings/v2", Body(new { myImagery = new { mosaicId = far } }));
        var read = await GetJson($"processings/{made["id"]}/v2");
        Assert.Equal("FAILED", (string?)read["status"]);
        Assert.Equal("source-validator.NoDataInAOI", (string?)read["messages"]![0]!["code"]);
    }

    [Fact]
    public async Task The_cost_takes_every_kind()
    {
        var id = await FirstImageId("pleiades_neo");
        foreach (var source in new object[]
                 {
                     new { dataProvider = new { providerName = "Mapbox", zoom = 18 } },
                     new { myImagery = new { mosaicId = Guid.NewGuid() } },
                     new { imagerySearch = new { dataProvider = "pleiades_neo", imageIds = new[] { id } } },
                     new { userDefined = new { sourceType = "SENTINEL_L2A", url = "S2A_MSIL2A_20240101" } },
                 })
        {
            using var response = await Client.PostAsync("processing/cost/v2", JsonBody(Body(source)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Matches("^[0-9]+$", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task The_view_echoes_all_four_keys_and_the_inference_params()
    {
        var (mosaic, _) = await OwnImagery();
        var made = await PostJson("processings/v2", new
        {
            name = "echo",
            wdId = BuildingsId,
            geometry = Geometries.Square(37.61, 55.75, 0.5),
            @params = new { sourceParams = new { myImagery = new { mosaicId = mosaic } }, inferenceParams = new { threshold = 0.4, mode = "fast" } },
        });
        var read = (await GetJson($"processings/{made["id"]}/v2"))["params"]!;
        var source = read["sourceParams"]!.AsObject();
        Assert.Equal(4, source.Count);
        Assert.Null(source["dataProvider"]);
        Assert.Null(source["imagerySearch"]);
        Assert.Null(source["userDefined"]);
        Assert.Equal(mosaic, (string?)source["myImagery"]!["mosaicId"]);
        Assert.Equal(0.4, (double)read["inferenceParams"]!["threshold"]!);
    }
}
