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
                     "email", "billingType", "remainingCredits", "remainingArea", "processedArea", "areaLimit", "aoiAreaLimit",
                     "maxAoisPerProcessing", "memoryLimit", "templateAreaLimit", "searchAreaLimit", "reviewWorkflowEnabled",
                     "models", "dataProviders", "searchDataProviders", "teams",
                 })
            Assert.True(status.AsObject().ContainsKey(key), $"missing {key}");
        Assert.Equal(EmulatorFixture.DemoEmail, (string?)status["email"]);
        Assert.Equal("CREDITS", (string?)status["billingType"]);
        Assert.Equal(250, (int)status["remainingCredits"]!);
        Assert.Equal(10, (int)status["maxAoisPerProcessing"]!);
        Assert.Equal(25_000_000, (long)status["aoiAreaLimit"]!);
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

        var providers = status["dataProviders"]!.AsArray();
        var mapbox = Assert.Single(providers, p => (string?)p!["name"] == "Mapbox")!;
        Assert.Equal("Mapbox Satellite", (string?)mapbox["displayName"]);
        Assert.Equal(18, (int)mapbox["price"]![0]!["zoom"]!);
        Assert.Contains(providers, p => (string?)p!["name"] == "arcgis_world_imagery");
        Assert.Contains(providers, p => (string?)p!["name"] == "Maxar" && (double)p["price"]![0]!["priceSqKm"]! > 0);
    }
}
