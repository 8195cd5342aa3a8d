using System.Net;
using System.Text.Json;

namespace Mapflow.Emulator.Tests;

public sealed class ProcessingCreateTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private static readonly string[] V2Keys =
    [
        "id", "name", "description", "projectId", "workflowDef", "status", "percentCompleted", "aoiCount", "aoiArea", "area",
        "cost", "params", "blocks", "meta", "messages", "reviewStatus", "rating", "vectorLayer", "rasterLayer", "created", "updated",
    ];

    [Fact]
    public async Task Create_returns_every_v2_key_and_echoes_meta()
    {
        var meta = new Dictionary<string, string> { ["source-app"] = "qgis", ["clientKey"] = "k-1" };
        var p = await CreateProcessing("Downtown", meta: meta);

        foreach (var key in V2Keys)
            Assert.True(p.AsObject().ContainsKey(key), $"missing {key}");
        Assert.Equal("IN_PROGRESS", (string?)p["status"]);
        Assert.Equal(0, (int)p["percentCompleted"]!);
        Assert.Null(p["description"]);
        Assert.Null(p["reviewStatus"]);
        Assert.Null(p["rating"]);
        Assert.Null(p["rasterLayer"]);
        Assert.Empty(p["messages"]!.AsArray());
        Assert.Equal("k-1", (string?)p["meta"]!["clientKey"]);
        Assert.Equal("qgis", (string?)p["meta"]!["source-app"]);
        Assert.Equal(BuildingsId, (string?)p["workflowDef"]!["id"]);
        Assert.NotEmpty(p["workflowDef"]!["blocks"]!.AsArray());
        Assert.Equal(1, (int)p["aoiCount"]!);
        Assert.Equal((long)p["aoiArea"]!, (long)p["area"]!);
        Assert.InRange((long)p["aoiArea"]!, 240_000, 260_000);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", (string)p["created"]!);

        var source = p["params"]!["sourceParams"]!.AsObject();
        Assert.Equal(["myImagery", "imagerySearch", "dataProvider", "userDefined"], source.Select(kv => kv.Key));
        Assert.Equal("Mapbox", (string?)source["dataProvider"]!["providerName"]);
        Assert.Null(source["userDefined"]);
        Assert.True(p["params"]!.AsObject().ContainsKey("inferenceParams"));

        Assert.Equal(["Classification", "Simplification", "OSM"], p["blocks"]!.AsArray().Select(b => (string)b!["name"]!));
        Assert.All(p["blocks"]!.AsArray(), b => Assert.False((bool)b!["enabled"]!));
        Assert.Contains("/api/layers/", (string)p["vectorLayer"]!["tileJsonUrl"]!);
    }

    [Fact]
    public async Task Small_area_is_billed_as_one_km2_with_enabled_options()
    {
        var p = await PostJson("processings/v2", new
        {
            name = "small",
            wdId = BuildingsId,
            geometry = Geometries.Square(37.61, 55.75, Math.Sqrt(0.3)),
            blocks = new[] { new { name = "Classification", enabled = true }, new { name = "Simplification", enabled = false } },
        });

        Assert.Equal(10, (int)p["cost"]!);
        Assert.True((bool)p["blocks"]![0]!["enabled"]!);
        Assert.Equal(240, (int)(await GetJson("user/status"))["remainingCredits"]!);
    }

    [Fact]
    public async Task Cost_is_area_times_price_rounded_up_and_deducted()
    {
        var p = await CreateProcessing(geometry: Geometries.Square(37.61, 55.75, Math.Sqrt(3.3)));

        Assert.InRange((long)p["aoiArea"]!, 3_200_001, 3_400_000);
        Assert.Equal(17, (int)p["cost"]!);
        Assert.Equal(250 - 17, (int)(await GetJson("user/status"))["remainingCredits"]!);
    }

    [Fact]
    public async Task Paid_provider_and_zoom_add_to_the_price()
    {
        await SetConfig(new { forbiddenProviders = "" });
        var p = await PostJson("processings/v2", new
        {
            name = "maxar",
            wdName = "🏠 Buildings",
            geometry = Geometries.Square(37.61, 55.75, Math.Sqrt(3.3)),
            @params = new { sourceParams = new { dataProvider = new { providerName = "maxar", zoom = 17 } } },
        });

        Assert.Equal((int)Math.Ceiling((long)p["aoiArea"]! / 1e6 * 7), (int)p["cost"]!);
        Assert.Equal(17, (int)p["params"]!["sourceParams"]!["dataProvider"]!["zoom"]!);
    }

    [Fact]
    public async Task MultiPolygon_parts_become_aois_and_absent_project_means_default()
    {
        var p = await PostJson("processings/v2", new { name = "multi", wdName = "🚗 Roads", geometry = Geometries.Squares(3) });
        var project = await GetJson("projects/default");

        Assert.Equal(3, (int)p["aoiCount"]!);
        Assert.Equal((string?)project["id"], (string?)p["projectId"]);
        var aois = (await GetJson($"processings/{p["id"]}/aois")).AsArray();
        Assert.Equal(3, aois.Count);
        Assert.Equal(3, aois.Select(a => (string?)a!["id"]).Distinct().Count());
        Assert.All(aois, a =>
        {
            Assert.Equal("Polygon", (string?)a!["geometry"]!["type"]);
            Assert.Equal(JsonValueKind.Number, a["area"]!.GetValueKind());
            Assert.InRange((long)a["area"]!, 39_000, 41_000);
        });
        Assert.Equal((long)p["aoiArea"]!, aois.Sum(a => (long)a!["area"]!));
    }

    [Fact]
    public async Task Other_source_kinds_are_echoed()
    {
        var p = await PostJson("processings/v2", new
        {
            name = "xyz",
            wdId = BuildingsId,
            geometry = Geometries.Square(37.61, 55.75, 0.5),
            @params = new
            {
                sourceParams = new { userDefined = new { sourceType = "XYZ", url = "https://tiles.example/{z}/{x}/{y}.png", zoom = 18 } },
                inferenceParams = new { threshold = "0.5" },
            },
        });

        Assert.Equal("XYZ", (string?)p["params"]!["sourceParams"]!["userDefined"]!["sourceType"]);
        Assert.Null(p["params"]!["sourceParams"]!["dataProvider"]);
        Assert.Equal("0.5", (string?)p["params"]!["inferenceParams"]!["threshold"]);
        Assert.Equal(5, (int)p["cost"]!); // 1 km² minimum × 5 for the base model, no provider price
    }

    [Fact]
    public async Task A_provider_outside_the_plan_is_a_403_naming_the_data_provider()
    {
        var body = await PostJson("processings/v2", new
        {
            name = "maxar",
            wdName = "🏠 Buildings",
            geometry = Geometries.Square(37.61, 55.75, 1),
            @params = new { sourceParams = new { dataProvider = new { providerName = "Maxar" } } },
        }, HttpStatusCode.Forbidden);

        Assert.Contains("data provider", (string)body["message"]!);
        Assert.Empty((await GetJson("_emulator/processings", client: Emulator.Controls)).AsArray());
    }

    [Fact]
    public async Task Meta_takes_any_json_values_and_echoes_them()
    {
        var meta = new Dictionary<string, object?> { ["source-app"] = "mcp", ["attempt"] = 2, ["tags"] = new[] { "a" }, ["nested"] = new { k = "v" }, ["flag"] = true, ["none"] = null };
        var created = await CreateProcessing(meta: meta);
        var read = await GetJson($"processings/{created["id"]}/v2");

        Assert.Equal(2, (int)read["meta"]!["attempt"]!);
        Assert.Equal("a", (string?)read["meta"]!["tags"]![0]);
        Assert.Equal("v", (string?)read["meta"]!["nested"]!["k"]);
        Assert.True((bool)read["meta"]!["flag"]!);
        Assert.True(read["meta"]!.AsObject().ContainsKey("none"));
    }
}
