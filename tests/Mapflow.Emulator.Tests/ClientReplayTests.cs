using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapflow.Emulator.Tests;

/// <summary>The exact requests of the anchor clients: the bulk-processing guide's Python script and the QGIS plugin.</summary>
public sealed class ClientReplayTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    /// <summary>Keys QGIS's ProcessingDTO requires on every processing it parses (§5.1).</summary>
    private static readonly string[] QgisRequiredKeys =
        ["id", "name", "projectId", "status", "description", "workflowDef", "aoiArea", "cost", "created", "rasterLayer", "vectorLayer", "messages", "params", "blocks"];

    [Fact]
    public async Task Bulk_processing_guide_script()
    {
        // token → username, password → requests' auth=(username, password), with Content-Type: application/json.
        var token = Emulator.Token;
        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
        using var requests = Emulator.NewClient(null);
        requests.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{parts[0]}:{parts[1]}")));

        // Python's json.dumps escapes non-ASCII, as the default System.Text.Json encoder does here.
        var project = await Read(await requests.PostAsync("projects", Dumps(new { name = "My new project" })), HttpStatusCode.OK);
        var projectId = (string)project["id"]!;
        Assert.Equal("My new project", (string?)project["name"]);
        Assert.Equal("", (string?)project["description"]);

        var names = new[] { "Бой", "Авазли" };
        for (var i = 0; i < names.Length; i++)
        {
            var created = await Read(await requests.PostAsync("processings", Dumps(new
            {
                name = names[i],
                projectId,
                wdName = "🏠 Buildings",
                geometry = Geometries.Square(66.0 + i * 0.05, 40.0, 0.8),
            })), HttpStatusCode.OK);
            Assert.Equal(projectId, (string?)created["projectId"]);
            Assert.Equal("Mapbox", (string?)created["params"]!["data_provider"]);
        }

        var list = (await Read(await requests.GetAsync($"projects/{projectId}/processings"), HttpStatusCode.OK)).AsArray();
        var values = list.Where(item => item!.AsObject().ContainsKey("id") && item.AsObject().ContainsKey("name"))
            .Select(item => ((string)item!["id"]!, (string)item["name"]!))
            .ToList();
        Assert.Equal(names.Order(), values.Select(v => v.Item2).Order());

        // The guide's curl: GET .../rest/processings/<ID>/result with the token as the Basic credential.
        using var curl = Emulator.NewClient(token);
        foreach (var (id, _) in values)
        {
            using var result = await curl.GetAsync($"processings/{id}/result");
            Assert.Equal(HttpStatusCode.OK, result.StatusCode);
            var geojson = JsonNode.Parse(await result.Content.ReadAsStringAsync())!;
            Assert.Equal("FeatureCollection", (string?)geojson["type"]);
            Assert.Equal(25, geojson["features"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task Qgis_plugin_session()
    {
        using var qgis = Emulator.NewClient(Emulator.Token);
        qgis.DefaultRequestHeaders.Add("x-plugin-version", "3.6.0");

        Assert.Equal("3.6.0", await Emulator.Anonymous.GetStringAsync("version"));
        var login = await GetJson("projects/default", client: qgis);
        Assert.Equal("USER", (string?)login["user"]!["role"]);
        var projectId = (string)login["id"]!;
        var project = await GetJson($"projects/{projectId}", client: qgis);
        Assert.Contains(project["workflowDefs"]!.AsArray(), w => (string?)w!["id"] == BuildingsId);
        Assert.Equal(EmulatorFixture.DemoEmail, (string?)project["shareProject"]!["owners"]![0]!["email"]);

        // §4.4's illustration; QGIS posts the same body to the cost endpoint first.
        var body = """
            {"name":"Test","projectId":"PROJECT_ID","wdId":"8cb13006-a299-4df6-b47d-91bd63de947f",
             "geometry":{"type":"Polygon","coordinates":[[[37.61,55.75],[37.62,55.75],[37.62,55.76],[37.61,55.76],[37.61,55.75]]]},
             "params":{"sourceParams":{"dataProvider":{"providerName":"Mapbox","zoom":18}}},
             "meta":{"source-app":"qgis","version":"3.6.0","source":"mapbox satellite"},
             "blocks":[{"name":"Classification","enabled":true},{"name":"OSM","enabled":false}]}
            """.Replace("PROJECT_ID", projectId);
        using var cost = await qgis.PostAsync("processing/cost/v2", JsonBody(body));
        Assert.Equal(10, int.Parse(await cost.Content.ReadAsStringAsync()));

        var created = await PostJson("processings/v2", body, client: qgis);
        foreach (var key in QgisRequiredKeys)
            Assert.True(created.AsObject().ContainsKey(key), $"missing {key}");
        Assert.Equal(10, (int)created["cost"]!);
        Assert.Equal("mapbox satellite", (string?)created["meta"]!["source"]);
        Assert.Equal([true, false, false], created["blocks"]!.AsArray().Select(b => (bool)b!["enabled"]!));

        var page = await PostJson($"projects/{projectId}/processings/v2/page",
            new { limit = 30, offset = 0, sortBy = "CREATED", sortOrder = "DESC" }, client: qgis);
        Assert.Equal(1, (int)page["total"]!);
        Assert.Equal(1, (int)page["count"]!);
        var listed = page["results"]![0]!;
        foreach (var key in QgisRequiredKeys)
            Assert.True(listed.AsObject().ContainsKey(key), $"missing {key}");
        Assert.Equal((string?)created["id"], (string?)listed["id"]);
        Assert.Equal(JsonValueKind.String, listed["workflowDef"]!["name"]!.GetValueKind());

        var projects = await PostJson("projects/page", new { limit = 20, offset = 0, sortBy = "UPDATED", sortOrder = "DESC" }, client: qgis);
        Assert.Equal(1, (int)projects["results"]![0]!["processingCounts"]!["succeeded"]!);
    }

    private static StringContent Dumps(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
