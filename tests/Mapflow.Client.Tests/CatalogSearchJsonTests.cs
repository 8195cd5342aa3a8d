using System.Text.Json;
using Mapflow.Client.Json;
using Xunit;

namespace Mapflow.Client.Tests;

/// <summary>
/// /catalog/meta answers read as QGIS's ImageSchema allows: zoom as text, missing metadata, extra keys; an image that
/// cannot be read is left out and counted; an answer without its list is an error, never an empty result.
/// </summary>
public sealed class CatalogSearchJsonTests
{
    private const string Footprint = """{"type":"Polygon","coordinates":[[[37.6,55.7],[37.7,55.7],[37.7,55.8],[37.6,55.7]]]}""";

    [Fact]
    public void Reads_a_page_with_odd_and_missing_values_and_skips_an_unreadable_image()
    {
        var json = $$$"""
            {"images":[
               {"id":"OV05A000","footprint":{{{Footprint}}},"pixelResolution":"0.5","acquisitionDate":"2024-01-03T08:15:00",
                "productType":"Image","cloudCover":12,"offNadirAngle":null,"previews":[],"providerName":"orbview","zoom":"18",
                "minAreaSqkm":1,"future":{"x":1}},
               {"id":null,"footprint":{{{Footprint}}},"providerName":"orbview"},
               {"id":"VIVID-2024","footprint":{{{Footprint}}},"pixelResolution":null,"productType":"Mosaic","providerName":"vivid_mosaic","zoom":17}
             ],"total":"3","limit":100,"offset":0}
            """;
        SkippedItems.Clear();
        var page = JsonSerializer.Deserialize<CatalogPage>(json, MapflowJson.Options)!;
        var notes = SkippedItems.Take();

        Assert.Equal(3, page.Returned);
        Assert.Equal(3, page.Total);
        Assert.Equal(["OV05A000", "VIVID-2024"], page.Images.Select(i => i.Id));
        var scene = page.Images[0];
        Assert.Equal(18, scene.Zoom);
        Assert.Equal(0.5, scene.PixelResolution);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 8, 15, 0, TimeSpan.Zero), scene.AcquisitionDate);
        Assert.Null(scene.OffNadirAngle);
        Assert.Equal(1, scene.MinAreaSqKm);
        Assert.Equal("Polygon", scene.Footprint!.GeometryType);
        Assert.Null(page.Images[1].AcquisitionDate);
        Assert.Single(notes);
        Assert.Contains("CatalogImage", notes[0]);
    }

    [Fact]
    public void An_object_without_images_is_an_error()
    {
        // QGIS builds its schema from {images,...}: an object of another shape may not read as "nothing found".
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CatalogPage>("""{"results":[],"total":0}""", MapflowJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CatalogPage>("\"images\"", MapflowJson.Options));
    }

    [Fact]
    public void A_bare_list_as_the_docs_show_it_is_the_images_without_a_total()
    {
        var page = JsonSerializer.Deserialize<CatalogPage>($$$"""[{"id":"OV05A000","footprint":{{{Footprint}}},"providerName":"orbview"}]""", MapflowJson.Options)!;

        Assert.Equal(["OV05A000"], page.Images.Select(i => i.Id));
        Assert.Equal(1, page.Returned);
        Assert.Null(page.Total);
    }
}
