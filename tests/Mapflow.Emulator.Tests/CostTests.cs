using System.Net;

namespace Mapflow.Emulator.Tests;

public sealed class CostTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private async Task<string> Cost(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.PostAsync(path, JsonBody(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, text);
        if (expected == HttpStatusCode.OK)
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return text;
    }

    [Fact]
    public async Task Cost_is_a_bare_integer_as_text()
    {
        Assert.Equal("17", await Cost("processing/cost/v2", new { wdId = BuildingsId, geometry = Geometries.Square(37.61, 55.75, Math.Sqrt(3.3)) }));
        Assert.Equal("10", await Cost("processing/cost/v2", new
        {
            wdId = BuildingsId,
            areaSqKm = 0.3,
            blocks = new[] { new { name = "Classification", enabled = true } },
        }));
        Assert.Equal("17", await Cost("processing/cost/v2", new { wdId = BuildingsId, areaSqKm = 3.4 }));
        Assert.Equal("238", await Cost("processing/cost/v2", new
        {
            wdId = "6b2d4f81-0c3a-4e5b-9d72-1a8e3f4c5d61",
            areaSqKm = 8.5,
            blocks = new[] { new { name = "Heights", enabled = true } },
        })); // 8.5 × (8 + 20)
        Assert.Equal("5", await Cost("processing/cost", new { wdId = BuildingsId, areaSqKm = 1, @params = new { data_provider = "Mapbox" } }));
        Assert.Equal("7", await Cost("processing/cost", new { wdId = BuildingsId, areaSqKm = 1, @params = new { data_provider = "Maxar", zoom = "18" } }));
        Assert.Equal(250, (int)(await GetJson("user/status"))["remainingCredits"]!);
    }

    [Fact]
    public async Task Cost_applies_the_create_checks()
    {
        var tooLarge = await Cost("processing/cost/v2", new { wdId = BuildingsId, areaSqKm = 30 }, HttpStatusCode.BadRequest);
        Assert.Contains("TOO_LARGE_PROCESSING", tooLarge);
        var thin = await Cost("processing/cost/v2", new { wdId = BuildingsId, geometry = Geometries.ThinDiagonal() }, HttpStatusCode.BadRequest);
        Assert.Contains("TOO_LARGE_PROCESSING", thin);
        var provider = await Cost("processing/cost/v2", new
        {
            wdId = BuildingsId,
            areaSqKm = 1,
            @params = new { sourceParams = new { dataProvider = new { providerName = "Nope" } } },
        }, HttpStatusCode.Forbidden);
        Assert.Contains("data provider", provider);
        await Cost("processing/cost/v2", new { areaSqKm = 1 }, HttpStatusCode.BadRequest);
    }
}
