using System.Net;
using Mapflow.Client.Imagery;
using Xunit;

namespace Mapflow.Client.Tests;

/// <summary>
/// The data catalog's shapes as QGIS reads them (mapflow-api.md §5.7, §5.8): snake_case keys, timestamps without a
/// zone, a WKT footprint, extra keys; and its errors in shape 2, whose detail code and parameters the exception carries.
/// </summary>
public sealed class DataCatalogShapeTests
{
    private const string MosaicId = "7a1f3c52-6e0b-4c2a-9d11-3b5e8f0a4c21";
    private const string ImageBody = $$$"""
        {"id":"0c8e2f7a-5b4d-4e61-8a2b-9f3c1d7e6a50","mosaic_id":"{{{MosaicId}}}","image_url":"s3://bucket/x.tif",
         "preview_url_s":"https://p/s","preview_url_l":"https://p/l","uploaded_at":"2023-01-26T13:58:32.122099","file_size":"1066",
         "footprint":"POLYGON ((37.6 55.8, 37.7 55.8, 37.7 55.7, 37.6 55.7, 37.6 55.8))","filename":"scene.tif",
         "checksum":"c26aa78d3727bc3f03fdbb134ae1ac58b8afacc2",
         "meta_data":{"crs":"EPSG:4326","count":3,"width":16,"height":16,"dtypes":["uint8","uint8","uint8"],"nodata":null,"pixel_size":[0.0001,0.0001]},
         "cog_link":null,"available_for_download":1,"future_key":{"x":1}}
        """;

    [Fact]
    public async Task An_image_reads_with_its_footprint_as_WKT_and_as_a_geometry_and_a_naive_time_as_UTC()
    {
        using var api = new StubApi(_ => StubApi.Json(ImageBody));
        using var client = api.Client();

        var image = await client.GetImageAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(Guid.Parse(MosaicId), image.MosaicId);
        Assert.Equal(1066, image.FileSize);
        Assert.Equal(TimeSpan.Zero, image.Uploaded!.Value.Offset);
        Assert.Equal(new DateTime(2023, 1, 26, 13, 58, 32), image.Uploaded.Value.UtcDateTime.AddTicks(-(image.Uploaded.Value.Ticks % TimeSpan.TicksPerSecond)));
        Assert.True(image.AvailableForDownload);
        Assert.Equal(3, image.Metadata!.Count);
        Assert.Equal([0.0001, 0.0001], image.Metadata.PixelSize!);
        var geometry = image.FootprintGeometry()!;
        Assert.Equal("Polygon", geometry.GeometryType);
        Assert.Equal(4326, geometry.SRID);
        Assert.Equal(37.6, geometry.EnvelopeInternal.MinX);
    }

    [Fact]
    public async Task A_mosaic_without_images_has_no_footprint_and_reads_whole()
    {
        using var api = new StubApi(_ => StubApi.Json($$$"""
            {"id":"{{{MosaicId}}}","name":"Empty","tags":null,"created_at":"2026-12-01T10:00:00.000001","footprint":null,"sizeInBytes":0,
             "rasterLayer":{"tileUrl":"https://t/{z}/{x}/{y}.png","tileJsonUrl":"https://t/tile.json"}}
            """));
        using var client = api.Client();

        var mosaic = await client.GetMosaicAsync(Guid.Parse(MosaicId), CancellationToken.None);

        Assert.Equal("Empty", mosaic.Name);
        Assert.Empty(mosaic.Tags);
        Assert.Null(mosaic.FootprintGeometry());
        Assert.Equal("https://t/tile.json", mosaic.RasterLayer!.TileJsonUrl);
    }

    [Fact]
    public async Task A_shape_two_error_carries_its_detail_code_and_parameters_numbers_as_their_text()
    {
        using var api = new StubApi(_ => new StubApi.Answer(400,
            """{"detail":{"code":"MemoryLimitExceeded","parameters":{"memory_requested":2048,"available_memory":10}}}"""));
        using var client = api.Client();

        var e = await Assert.ThrowsAsync<MapflowApiException>(() => client.GetMosaicsAsync(new[] { "a", "b c" }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("MemoryLimitExceeded", e.Code);
        Assert.Equal("2048", e.Parameters["memory_requested"]);
        Assert.Equal("10", e.Parameters["available_memory"]);
        Assert.Equal("/rasters/mosaic", api.Requests.Single().Path);
    }

    [Fact]
    public void The_upload_plan_refuses_what_is_too_large_and_what_no_longer_fits_in_order()
    {
        // The plan decides by sizes and pixels alone, so the files need not exist.
        var storage = new ImageryStorage { MemoryFree = 250, MaxUploadFileSize = 200, MaxPixelCount = 1000 };
        var files = new[] { (100, 10), (300, 10), (100, 10), (100, 10), (10, 100) };
        var plan = UploadPlan.For(files.Select((f, i) => GeoTiffFile.ForTest($"/images/{i}.tif", f.Item1, f.Item2, f.Item2)), storage);

        Assert.Equal(["0.tif", "2.tif"], plan.Accepted.Select(a => a.Name));
        Assert.Equal([ImageFileProblem.TooLarge, ImageFileProblem.StorageFull, ImageFileProblem.TooLarge], plan.Refused.Select(r => r.Problem));
        Assert.EndsWith("4.tif", plan.Refused[2].Path);
    }
}
