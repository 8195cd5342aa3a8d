using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapflow.Emulator.Tests;

/// <summary>The data catalog (/rasters): snake_case shapes, shape-2 errors, the upload checks and presigned downloads.</summary>
public sealed class DataCatalogTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private static MultipartFormDataContent FilePart(byte[] bytes, string filename = "scene.tif")
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/tiff");
        return new MultipartFormDataContent { { part, "file", filename } };
    }

    private async Task<string> NewMosaic(string name = "m") => (string)(await PostJson("rasters/mosaic", new { name, tags = new[] { "t" } }))["id"]!;

    private async Task<JsonNode> Upload(string mosaicId, byte[] bytes, HttpStatusCode expected = HttpStatusCode.OK, string filename = "scene.tif")
    {
        using var response = await Client.PostAsync($"rasters/mosaic/{mosaicId}/image", FilePart(bytes, filename));
        return await Read(response, expected);
    }

    private static void AssertDetail(JsonNode body, string code, params string[] parameters)
    {
        Assert.Equal(code, (string?)body["detail"]!["code"]);
        foreach (var name in parameters) Assert.True(body["detail"]!["parameters"]!.AsObject().ContainsKey(name), $"missing {name}");
    }

    [Fact]
    public async Task Upload_answers_message_and_mosaic_id_and_the_image_has_every_key_QGIS_reads()
    {
        var id = await NewMosaic();
        var bytes = GeoTiffs.Write();

        var answer = await Upload(id, bytes);

        Assert.Equal("Files successfully uploaded", (string?)answer["message"]);
        Assert.Equal(id, (string?)answer["mosaic_id"]);
        var image = (await GetJson($"rasters/mosaic/{id}/image")).AsArray().Single()!;
        foreach (var key in new[] { "id", "mosaic_id", "image_url", "preview_url_s", "preview_url_l", "uploaded_at", "file_size", "footprint", "filename", "checksum", "meta_data", "cog_link", "available_for_download" })
            Assert.True(image.AsObject().ContainsKey(key), $"missing {key}");
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(bytes)), (string?)image["checksum"]);
        Assert.Equal(bytes.Length, (long)image["file_size"]!);
        Assert.StartsWith("s3://", (string?)image["image_url"]);
        Assert.Equal("EPSG:4326", (string?)image["meta_data"]!["crs"]);
        Assert.Equal(3, (int)image["meta_data"]!["count"]!);
        Assert.Equal("uint8", (string?)image["meta_data"]!["dtypes"]![0]);
        Assert.StartsWith("POLYGON ((37.6 55.8", (string?)image["footprint"]);
        var mosaic = await GetJson($"rasters/mosaic/{id}");
        foreach (var key in new[] { "id", "name", "tags", "created_at", "footprint", "sizeInBytes", "rasterLayer" })
            Assert.True(mosaic.AsObject().ContainsKey(key), $"missing {key}");
        Assert.Equal(bytes.Length, (long)mosaic["sizeInBytes"]!);
    }

    [Fact]
    public async Task A_Web_Mercator_image_gets_its_footprint_in_degrees()
    {
        var id = await NewMosaic();
        await Upload(id, GeoTiffs.Write(epsg: 3857, x: 4187000, y: 7509000, pixel: 10));

        var image = (await GetJson($"rasters/mosaic/{id}/image")).AsArray().Single()!;

        Assert.Equal("EPSG:3857", (string?)image["meta_data"]!["crs"]);
        Assert.StartsWith("POLYGON ((37.61", (string?)image["footprint"]);
    }

    [Fact]
    public async Task Checks_refuse_in_shape_two_and_keep_nothing()
    {
        var id = await NewMosaic();
        AssertDetail(await Upload(id, "not a tiff"u8.ToArray(), HttpStatusCode.BadRequest), "FileOpenError", "filename");
        await Upload(id, GeoTiffs.Write());
        AssertDetail(await Upload(id, GeoTiffs.Write(bands: 1), HttpStatusCode.BadRequest), "FileValidationFailed",
            "filename", "mosaic_id", "param_name", "got_param", "expected_param");

        await Control("rasters/limits", new { maxUploadFileSize = 100 });
        var tooBig = await Upload(id, GeoTiffs.Write(seed: 2), HttpStatusCode.RequestEntityTooLarge);
        AssertDetail(tooBig, "FileTooBig", "max_file_size", "actual_file_size");
        Assert.Equal(JsonValueKind.Number, tooBig["detail"]!["parameters"]!["max_file_size"]!.GetValueKind());

        var used = (long)(await GetJson("rasters/memory"))["memoryUsed"]!;
        await Control("rasters/limits", new { maxUploadFileSize = 1 << 20, memoryLimit = used + 10 });
        AssertDetail(await Upload(id, GeoTiffs.Write(seed: 3), HttpStatusCode.BadRequest), "MemoryLimitExceeded", "memory_requested", "available_memory");

        Assert.Single((await GetJson($"rasters/mosaic/{id}/image")).AsArray());
        Assert.Equal(10, (long)(await GetJson("rasters/memory"))["memoryFree"]!);
    }

    [Fact]
    public async Task Unknown_and_other_users_ids_are_ItemNotFound_and_a_missing_file_part_is_FastAPIs_422()
    {
        AssertDetail(await GetJson($"rasters/mosaic/{Guid.NewGuid()}", HttpStatusCode.NotFound), "ItemNotFound", "instance_type", "uid");
        AssertDetail(await GetJson($"rasters/image/{Guid.NewGuid()}", HttpStatusCode.NotFound), "ItemNotFound", "instance_type", "uid");
        var id = await NewMosaic();
        using var other = Emulator.NewClient(Emulator.OtherToken);
        AssertDetail(await GetJson($"rasters/mosaic/{id}", HttpStatusCode.NotFound, other), "ItemNotFound");

        using var response = await Client.PostAsync($"rasters/mosaic/{id}/image", new MultipartFormDataContent { { new StringContent("x"), "other" } });
        var body = await Read(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("missing", (string?)body["detail"]![0]!["type"]);
    }

    [Fact]
    public async Task Create_with_first_image_and_delete_frees_memory()
    {
        using var response = await Client.PostAsync("rasters/mosaic/image?name=First&tags=a,b", FilePart(GeoTiffs.Write()));
        var answer = await Read(response, HttpStatusCode.OK);
        var id = (string)answer["mosaic_id"]!;
        var mosaic = await GetJson($"rasters/mosaic/{id}");
        Assert.Equal("First", (string?)mosaic["name"]);
        Assert.Equal(["a", "b"], mosaic["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Single((await GetJson("rasters/mosaic?tags=b")).AsArray());
        Assert.Empty((await GetJson("rasters/mosaic?tags=zzz")).AsArray());

        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"rasters/mosaic/{id}")).StatusCode);
        Assert.Equal(0, (long)(await GetJson("rasters/memory"))["memoryUsed"]!);
    }

    [Fact]
    public async Task Presigned_download_serves_the_bytes_without_auth_and_refuses_a_second_auth_or_a_bad_signature()
    {
        var id = await NewMosaic();
        var bytes = GeoTiffs.Write(seed: 7);
        await Upload(id, bytes);
        var imageId = (string)(await GetJson($"rasters/mosaic/{id}/image")).AsArray().Single()!["id"]!;
        var link = await GetJson($"rasters/image/{imageId}/download");
        Assert.Equal(3600, (int)link["expires_in"]!);
        var url = (string)link["download_url"]!;
        Assert.DoesNotContain("/rest/", url);

        using var plain = new HttpClient();
        Assert.Equal(bytes, await plain.GetByteArrayAsync(url));
        using (var withAuth = new HttpRequestMessage(HttpMethod.Get, url))
        {
            withAuth.Headers.Authorization = new AuthenticationHeaderValue("Basic", Emulator.Token);
            Assert.Equal(HttpStatusCode.BadRequest, (await plain.SendAsync(withAuth)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await plain.GetAsync(url[..^4] + "0000")).StatusCode);

        await Control($"rasters/images/{imageId}", new { availableForDownload = false });
        AssertDetail(await GetJson($"rasters/image/{imageId}/download", HttpStatusCode.Forbidden), "AccessDenied");
    }
}
