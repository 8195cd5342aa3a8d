using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Mapflow.Emulator.Tests;

/// <summary>Where the emulator is as strict as the real API is seen to be, so clients meet those shapes here first.</summary>
public sealed class RealShapeTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public async Task Pages_are_capped_silently_and_total_tells_how_many_there_are()
    {
        var projectId = (string)(await PostJson("projects", new { name = "Cap" }))["id"]!;
        await SetConfig(new { maxPageSize = 2 });
        foreach (var name in new[] { "a", "b", "c" })
            await CreateProcessing(name, projectId: projectId);

        var page = await PostJson($"projects/{projectId}/processings/v2/page", new { limit = 100, offset = 0 });

        Assert.Equal(2, page["results"]!.AsArray().Count);
        Assert.Equal(2, (int)page["count"]!);
        Assert.Equal(3, (int)page["total"]!);
        Assert.Equal(2, (await PostJson("projects/page", new { limit = 100 }))["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task New_projects_hold_processings_made_by_other_clients_in_their_odd_shapes()
    {
        await SetConfig(new { otherClientProcessings = 4 });
        var projectId = (string)(await PostJson("projects", new { name = "Shared history" }))["id"]!;

        var listed = (await PostJson($"projects/{projectId}/processings/v2/page", new { limit = 30 }))["results"]!.AsArray();

        Assert.Equal(4, listed.Count);
        var qgis = Assert.Single(listed, p => (string?)p!["name"] == "Кварталы Бухары (QGIS)")!;
        Assert.Equal(12.5, (double)qgis["cost"]!);
        AssertNull(qgis, "description");
        Assert.Equal(0, (int)qgis["workflowDef"]!["blocks"]![0]!["optional"]!);
        var mcp = Assert.Single(listed, p => (string?)p!["name"] == "Fields 2026 (MCP)")!;
        Assert.Equal("100", (string?)mcp["percentCompleted"]);
        AssertNull(mcp, "messages");
        Assert.Equal("ACCEPTED", (string?)mcp["reviewStatus"]!["status"]);
        var sdk = Assert.Single(listed, p => (string?)p!["name"] == "sdk-test")!;
        Assert.Equal("FAILED", (string?)sdk["status"]);
        AssertNull(sdk, "blocks");
        Assert.Equal("ESCALATED", (string?)sdk["reviewStatus"]!["reviewStatus"]);
        Assert.Equal("ARCHIVED", (string?)Assert.Single(listed, p => (string?)p!["name"] == "Archive 2023")!["status"]);

        // A single read carries meta, with the values other clients wrote there.
        var meta = (await GetJson($"processings/{mcp["id"]}/v2"))["meta"]!;
        Assert.Equal(JsonValueKind.Number, meta["mapflow-ps-key"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Array, meta["tags"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Object, meta["request"]!.GetValueKind());
        // They are older than anything made now, and their results can be downloaded.
        using var result = await Client.GetAsync($"processings/{qgis["id"]}/result");
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
    }

    [Fact]
    public async Task What_the_account_changes_on_another_clients_processing_shows_over_its_shape()
    {
        await SetConfig(new { otherClientProcessings = 1 });
        var projectId = (string)(await PostJson("projects", new { name = "Changed history" }))["id"]!;
        var listed = (await PostJson($"projects/{projectId}/processings/v2/page", new { limit = 30 }))["results"]!.AsArray();
        var qgis = (string)Assert.Single(listed, p => (string?)p!["name"] == "Кварталы Бухары (QGIS)")!["id"]!;

        await PutJson($"processings/{qgis}/rate", new { rating = 4, feedback = "ok" });
        await PutJson($"processings/{qgis}", new { description = "now described" });

        var read = await GetJson($"processings/{qgis}/v2");
        Assert.Equal(4, (int)read["rating"]!["rating"]!);
        Assert.Equal("now described", (string?)read["description"]);
        Assert.Equal(12.5, (double)read["cost"]!);
    }

    private static void AssertNull(System.Text.Json.Nodes.JsonNode item, string key)
    {
        Assert.True(item.AsObject().ContainsKey(key), $"{key} is missing");
        Assert.Null(item[key]);
    }

    [Fact]
    public async Task Aois_are_listed_in_an_order_other_than_the_request_polygons()
    {
        var geometry = new
        {
            type = "MultiPolygon",
            coordinates = new[] { 0.2, 0.4, 0.6 }.Select((side, i) => new[] { Geometries.SquareRing(37.6 + i * 0.02, 55.75, side) }).ToArray(),
        };
        var created = await CreateProcessing(geometry: geometry);

        var areas = (await GetJson($"processings/{created["id"]}/aois")).AsArray().Select(a => (long)a!["area"]!).ToList();

        Assert.Equal(3, areas.Count);
        Assert.Equal(areas.OrderByDescending(a => a), areas);
    }

    [Theory]
    [InlineData("processings/{id}/result")]
    [InlineData("version")]
    public async Task A_json_only_accept_header_is_refused_where_no_json_comes_back(string path)
    {
        var id = (string)(await CreateProcessing())["id"]!;
        using var client = Emulator.NewClient(Emulator.Token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var refused = await client.GetAsync(path.Replace("{id}", id));
        Assert.Equal(HttpStatusCode.NotAcceptable, refused.StatusCode);

        client.DefaultRequestHeaders.Accept.Clear();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        using var accepted = await client.GetAsync(path.Replace("{id}", id));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var log = (await GetJson("_emulator/requests", client: Emulator.Controls)).AsArray();
        Assert.Equal("application/json", (string?)log[^2]!["accept"]);
        Assert.Equal("*/*", (string?)log[^1]!["accept"]);
    }

    [Fact]
    public async Task The_terms_search_sees_a_new_processing_only_once_its_index_caught_up()
    {
        await SetConfig(new { searchIndexLagMs = 60_000 });
        var projectId = (string)(await PostJson("projects", new { name = "Lag" }))["id"]!;
        await CreateProcessing("fresh one", projectId: projectId);

        var searched = await PostJson($"projects/{projectId}/processings/v2/page", new { terms = "fresh" });
        var listed = await PostJson($"projects/{projectId}/processings/v2/page", new { });

        Assert.Empty(searched["results"]!.AsArray());
        Assert.Single(listed["results"]!.AsArray());
    }
}
