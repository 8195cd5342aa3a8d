using System.Text.Json;

namespace Mapflow.Emulator.Tests;

public sealed class UserStatusTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public async Task Status_is_the_flat_shape_with_limits_models_and_providers()
    {
        var status = await GetJson("user/status");

        foreach (var key in new[]
                 {
                     "email", "billingType", "remainingCredits", "remainingArea", "processedArea", "areaLimit",
                     "maxAoisPerProcessing", "memoryLimit", "templateAreaLimit", "searchAreaLimit", "reviewWorkflowEnabled",
                     "models", "dataProviders", "searchDataProviders", "teams",
                 })
            Assert.True(status.AsObject().ContainsKey(key), $"missing {key}");
        Assert.Equal(EmulatorFixture.DemoEmail, (string?)status["email"]);
        Assert.Equal("CREDITS", (string?)status["billingType"]);
        Assert.Equal(250, (int)status["remainingCredits"]!);
        Assert.Equal(10, (int)status["maxAoisPerProcessing"]!);
        // The account's total quota (the docs' 100,000 km²); the limit of one processing is the project owner's, not here.
        Assert.Equal(100_000_000_000, (long)status["areaLimit"]!);
        Assert.False(status.AsObject().ContainsKey("aoiAreaLimit"));
        Assert.False((bool)status["reviewWorkflowEnabled"]!);
        Assert.Empty(status["teams"]!.AsArray());

        var models = status["models"]!.AsArray();
        var buildings = Assert.Single(models, m => (string?)m!["name"] == "🏠 Buildings")!;
        Assert.Equal(BuildingsId, (string?)buildings["id"]);
        Assert.Equal(JsonValueKind.Number, buildings["pricePerSqKm"]!.GetValueKind());
        var blocks = buildings["blocks"]!.AsArray();
        Assert.Equal(["Segmentation", "Classification", "Simplification", "OSM"], blocks.Select(b => (string)b!["name"]!));
        Assert.False((bool)blocks[0]!["optional"]!);
        Assert.Equal(5.0, (double)blocks[1]!["price"]!);
        Assert.Contains(models, m => (string?)m!["name"] == "Buildings (⭐️ Aerial imagery)");
        Assert.Equal(6, models.Count);
        Assert.DoesNotContain(models, m => (string?)m!["name"] == "☀️ Solar panels (custom)");

        var providers = status["dataProviders"]!.AsArray();
        var mapbox = Assert.Single(providers, p => (string?)p!["name"] == "Mapbox")!;
        Assert.Equal("Mapbox Satellite", (string?)mapbox["displayName"]);
        Assert.Equal(18, (int)mapbox["price"]![0]!["zoom"]!);
        Assert.Contains(providers, p => (string?)p!["name"] == "arcgis_world_imagery");
        Assert.Contains(providers, p => (string?)p!["name"] == "Maxar" && (double)p["price"]![0]!["priceSqKm"]! > 0);
    }

    [Fact]
    public async Task Projects_carry_the_owners_limit_per_processing_and_a_custom_model_of_their_own()
    {
        await SetConfig(new { aoiAreaLimit = 40_000_000 });
        var project = await PostJson("projects", new { name = "limits" });

        Assert.Equal(40_000_000, (long)project["user"]!["aoiAreaLimit"]!);
        Assert.Equal(100_000_000_000, (long)project["user"]!["areaLimit"]!);
        var custom = Assert.Single(project["workflowDefs"]!.AsArray(), m => (string?)m!["name"] == "☀️ Solar panels (custom)")!;
        var created = await PostJson("processings/v2", new { name = "solar", projectId = (string)project["id"]!, wdId = (string)custom["id"]!, geometry = Geometries.Square(37.61, 55.75, 0.5) });
        Assert.Equal("☀️ Solar panels (custom)", (string?)created["workflowDef"]!["name"]);
    }

    [Fact]
    public async Task Review_workflow_shows_on_the_status_and_on_ok_processings()
    {
        await SetConfig(new { reviewWorkflowEnabled = true });
        Assert.True((bool)(await GetJson("user/status"))["reviewWorkflowEnabled"]!);
        var id = (string)(await CreateProcessing())["id"]!;

        Assert.Equal("IN_REVIEW", (string?)(await GetJson($"processings/{id}/v2"))["reviewStatus"]!["reviewStatus"]);
        var rejected = await PutJson($"processings/{id}/rejection", new { comment = "missing roofs", features = new { type = "FeatureCollection", features = Array.Empty<object>() } });
        Assert.Equal("NOT_ACCEPTED", (string?)rejected["reviewStatus"]!["reviewStatus"]);
        Assert.Equal("OK", (string?)rejected["status"]);
        var accepted = await Control($"processings/{id}/status", new { reviewStatus = "ACCEPTED" });
        Assert.Equal("ACCEPTED", (string?)accepted["reviewStatus"]!["reviewStatus"]);
    }
}
