using System.Net;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Tests;

public sealed class ResultTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private async Task<(HttpResponseMessage Response, byte[] Body)> GetResult(string path)
    {
        var response = await Client.GetAsync(path);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Result_is_deterministic_with_exactly_n_buildings_per_aoi()
    {
        await SetConfig(new { featuresPerAoi = 7 });
        var p = await PostJson("processings/v2", new { name = "r", wdId = BuildingsId, geometry = Geometries.Squares(3) });
        var id = (string)p["id"]!;

        var (first, body) = await GetResult($"processings/{id}/result");
        var (_, again) = await GetResult($"processings/{id}/result");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/octet-stream", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body.Length, first.Content.Headers.ContentLength);
        Assert.Equal(body, again);

        var collection = JsonNode.Parse(body)!;
        Assert.Equal("FeatureCollection", (string?)collection["type"]);
        var features = collection["features"]!.AsArray();
        Assert.Equal(21, features.Count);
        Assert.Equal(21, features.Select(f => (int)f!["properties"]!["id"]!).Distinct().Count());

        var aois = (await GetJson($"processings/{id}/aois")).AsArray();
        var polygons = aois.Select(a => ToPolygon(a!["geometry"]!)).ToList();
        foreach (var feature in features)
        {
            var properties = feature!["properties"]!;
            Assert.Equal("building", (string?)properties["object_type"]);
            Assert.Equal(101, (int)properties["class_id"]!);
            Assert.Equal("rectangle", (string?)properties["shape_type"]);
            Assert.InRange((double)properties["area"]!, 64, 625);
            Assert.Equal(((string)p["created"]!)[..10], (string?)properties["processing_date"]);
            var footprint = ToPolygon(feature["geometry"]!);
            Assert.Single(polygons, aoi => aoi.Contains(footprint.Centroid));
        }

        // The same polygon gives the same buildings in another processing.
        var twin = await PostJson("processings/v2", new { name = "twin", wdId = BuildingsId, geometry = Geometries.Squares(3) });
        Assert.Equal(body, (await GetResult($"processings/{twin["id"]}/result")).Body);
    }

    [Fact]
    public async Task AoiId_filters_to_one_aoi()
    {
        await SetConfig(new { featuresPerAoi = 5 });
        var id = (string)(await PostJson("processings/v2", new { name = "r", wdId = BuildingsId, geometry = Geometries.Squares(2) }))["id"]!;
        var aois = (await GetJson($"processings/{id}/aois")).AsArray().Select(a => (string)a!["id"]!).ToList();

        var all = JsonNode.Parse((await GetResult($"processings/{id}/result")).Body)!["features"]!.AsArray().Select(f => f!.ToJsonString()).ToList();
        var each = new List<List<string>>();
        foreach (var aoi in aois)
            each.Add(JsonNode.Parse((await GetResult($"processings/{id}/result?aoiId={aoi}")).Body)!["features"]!.AsArray().Select(f => f!.ToJsonString()).ToList());

        // Each AOI's part of the whole result, whatever order the AOIs are listed in.
        Assert.All(each, one => Assert.Equal(5, one.Count));
        Assert.Equal(all.Order(), each.SelectMany(one => one).Order());
        AssertError(await GetJson($"processings/{id}/result?aoiId={Guid.NewGuid()}", HttpStatusCode.NotFound), "NOT_FOUND");
    }

    [Fact]
    public async Task Not_completed_is_a_400_with_the_status()
    {
        await SetConfig(new { processingDurationMs = 60_000 });
        var id = (string)(await CreateProcessing())["id"]!;

        var body = await GetJson($"processings/{id}/result", HttpStatusCode.BadRequest);

        Assert.Equal(
            $$$"""{"code":"BAD_REQUEST","message":"Processing {{{id}}} is not completed: status IN_PROGRESS","params":{"status":"IN_PROGRESS"}}""",
            body.ToJsonString());
    }

    [Fact]
    public async Task Large_results_are_streamed_without_content_length()
    {
        await SetConfig(new { featuresPerAoi = 20_000 });
        var id = (string)(await CreateProcessing())["id"]!;

        using var response = await Client.GetAsync($"processings/{id}/result", HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.True(response.Headers.TransferEncodingChunked);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var collection = await JsonNode.ParseAsync(stream);

        Assert.Equal(20_000, collection!["features"]!.AsArray().Count);
    }

    [Fact]
    public async Task TileJson_gives_the_layer_bounds()
    {
        var p = await CreateProcessing(geometry: Geometries.Square(37.61, 55.75, 0.5));
        var tileJson = await GetJson(((string)p["vectorLayer"]!["tileJsonUrl"]!), client: Emulator.Client);

        var bounds = tileJson["bounds"]!.AsArray().Select(b => (double)b!).ToArray();
        Assert.Equal(37.61, bounds[0], 6);
        Assert.Equal(55.75, bounds[1], 6);
        Assert.True(bounds[2] > bounds[0] && bounds[3] > bounds[1]);
    }

    private static Polygon ToPolygon(JsonNode geometry)
    {
        var ring = geometry["coordinates"]![0]!.AsArray().Select(c => new Coordinate((double)c![0]!, (double)c[1]!)).ToArray();
        return new GeometryFactory().CreatePolygon(ring);
    }
}
