using System.Net;
using Mapflow.Emulator.Geo;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Tests;

public sealed class ValidationTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private Task<HttpResponseMessage> Create(object body) => Client.PostAsync("processings/v2", JsonBody(body));

    private async Task AssertRejected(object body, HttpStatusCode status, string code)
    {
        using var response = await Create(body);
        AssertError(await Read(response, status), code);
        Assert.Empty((await GetJson("_emulator/processings", client: Emulator.Controls)).AsArray());
    }

    [Fact]
    public async Task Eleven_aois_are_too_many()
    {
        using var response = await Create(new { name = "n", wdId = BuildingsId, geometry = Geometries.Squares(11) });
        var body = await Read(response, HttpStatusCode.BadRequest);

        AssertError(body, "BAD_REQUEST");
        Assert.Contains("at most 10 AOIs", (string)body["message"]!);
        Assert.Equal("11", (string?)body["params"]!["aoiCount"]);
        Assert.Equal("10", (string?)body["params"]!["maxAoisPerProcessing"]);
    }

    [Fact]
    public async Task Too_large_area_gets_the_exact_documented_body()
    {
        var ring = Geometries.SquareRing(37.0, 55.0, 7);
        var geometry = Geometries.Polygon(ring);
        var area = (long)Math.Round(GeodesicArea.Of(new GeometryFactory().CreatePolygon(ring.Select(c => new Coordinate(c[0], c[1])).ToArray())));

        using var response = await Create(new { name = "big", wdId = BuildingsId, geometry });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            $$$"""{"code":"TOO_LARGE_PROCESSING","message":"Processings larger than 25000000 sq.m. are prohibited. Area: {{{area}}} sq.m.","params":{"area":"{{{area}}}","aoiAreaLimit":"25000000"}}""",
            await response.Content.ReadAsStringAsync());
        Assert.InRange(area, 48_000_000, 50_000_000);
    }

    [Fact]
    public async Task A_thin_diagonal_aoi_is_too_large_by_its_bounding_box()
    {
        using var response = await Create(new { name = "thin", wdId = BuildingsId, geometry = Geometries.ThinDiagonal() });
        var body = await Read(response, HttpStatusCode.BadRequest);

        AssertError(body, "TOO_LARGE_PROCESSING");
        Assert.InRange(long.Parse((string)body["params"]!["area"]!), 30_000_000, 40_000_000);

        // The same strip is fine once the limit is above its bounding box.
        await SetConfig(new { aoiAreaLimit = 40_000_000 });
        var p = await PostJson("processings/v2", new { name = "thin", wdId = BuildingsId, geometry = Geometries.ThinDiagonal() });
        Assert.InRange((long)p["aoiArea"]!, 100_000, 1_000_000);
    }

    [Fact]
    public async Task Invalid_geometries_are_rejected()
    {
        object[] geometries =
        [
            Geometries.BowTie(),
            new { type = "Point", coordinates = new[] { 37.0, 55.0 } },
            new { type = "Polygon", coordinates = new[] { new[] { new[] { 37.0, 55.0 }, new[] { 37.01, 55.0 }, new[] { 37.01, 55.01 }, new[] { 37.0, 55.01 } } } },
            new { type = "Polygon", coordinates = new[] { new[] { new[] { 37.0, 55.0 }, new[] { 37.01, 55.0 }, new[] { 37.0, 55.0 } } } },
            new { type = "Polygon", coordinates = new[] { new[] { new[] { 37.0, 95.0 }, new[] { 37.01, 55.0 }, new[] { 37.01, 55.01 }, new[] { 37.0, 95.0 } } } },
            new { type = "Polygon", coordinates = "oops" },
        ];
        foreach (var geometry in geometries)
            await AssertRejected(new { name = "g", wdId = BuildingsId, geometry }, HttpStatusCode.BadRequest, "geometry.Invalid");
        await AssertRejected(new { name = "g", wdId = BuildingsId }, HttpStatusCode.BadRequest, "geometry.Invalid");
    }

    [Fact]
    public async Task Unknown_model_project_and_provider()
    {
        var geometry = Geometries.Square(37.61, 55.75, 0.5);
        await AssertRejected(new { name = "m", wdName = "Buildings", geometry }, HttpStatusCode.BadRequest, "BAD_REQUEST");
        await AssertRejected(new { name = "m", wdId = Guid.NewGuid(), geometry }, HttpStatusCode.BadRequest, "BAD_REQUEST");
        await AssertRejected(new { name = "m", wdId = BuildingsId, geometry, projectId = Guid.NewGuid() }, HttpStatusCode.NotFound, "NOT_FOUND");

        using var response = await Create(new
        {
            name = "p",
            wdId = BuildingsId,
            geometry,
            @params = new { sourceParams = new { dataProvider = new { providerName = "Planet" } } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            """{"code":"FORBIDDEN","message":"Access to data provider 'Planet' is denied","params":{"providerName":"Planet"}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Two_sources_unknown_block_and_bad_json_are_bad_requests()
    {
        var geometry = Geometries.Square(37.61, 55.75, 0.5);
        await AssertRejected(new
        {
            name = "s",
            wdId = BuildingsId,
            geometry,
            @params = new { sourceParams = new { dataProvider = new { providerName = "Mapbox" }, myImagery = new { mosaicId = Guid.NewGuid() } } },
        }, HttpStatusCode.BadRequest, "BAD_REQUEST");
        await AssertRejected(new { name = "b", wdId = BuildingsId, geometry, blocks = new[] { new { name = "Colour", enabled = true } } },
            HttpStatusCode.BadRequest, "BAD_REQUEST");
        await AssertRejected("{\"name\": \"broken\", ", HttpStatusCode.BadRequest, "BAD_REQUEST");
        await AssertRejected("""{"name": 5}""", HttpStatusCode.BadRequest, "BAD_REQUEST");
    }

    [Fact]
    public async Task Not_enough_credits()
    {
        await SetConfig(new { remainingCredits = 4 });

        using var response = await Create(new { name = "c", wdId = BuildingsId, geometry = Geometries.Square(37.61, 55.75, 0.5) });
        var body = await Read(response, HttpStatusCode.BadRequest);

        AssertError(body, "BAD_REQUEST");
        Assert.Contains("Not enough credits", (string)body["message"]!);
        Assert.Equal("5", (string?)body["params"]!["cost"]);
        Assert.Equal("4", (string?)body["params"]!["remainingCredits"]);
        Assert.Equal(4, (int)(await GetJson("user/status"))["remainingCredits"]!);
    }
}
