using System.Net;

namespace Mapflow.Emulator.Tests;

public sealed class ProjectTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public async Task Default_project_exists_with_owner_models_and_sharing()
    {
        var project = await GetJson("projects/default");

        Assert.True((bool)project["isDefault"]!);
        Assert.Equal("", (string?)project["description"]);
        Assert.Equal("USER", (string?)project["user"]!["role"]);
        Assert.Equal(EmulatorFixture.DemoEmail, (string?)project["user"]!["email"]);
        Assert.Equal(EmulatorFixture.DemoEmail, (string?)project["shareProject"]!["owners"]![0]!["email"]);
        Assert.Contains(project["workflowDefs"]!.AsArray(), w => (string?)w!["id"] == BuildingsId);
        foreach (var key in new[] { "id", "name", "created", "updated", "aoiCount", "aoiArea", "area", "progress", "processingCounts", "templatesCount" })
            Assert.True(project.AsObject().ContainsKey(key), $"missing {key}");

        var byId = await GetJson($"projects/{project["id"]}");
        Assert.Equal((string?)project["id"], (string?)byId["id"]);
    }

    [Fact]
    public async Task Create_read_update_delete()
    {
        var created = await PostJson("projects", new { name = "Survey", description = "north" });
        var id = (string)created["id"]!;
        Assert.False((bool)created["isDefault"]!);

        var updated = await PutJson($"projects/{id}", new { name = "Survey 2" });
        Assert.Equal("Survey 2", (string?)updated["name"]);
        Assert.Equal("north", (string?)updated["description"]);

        var all = (await GetJson("projects")).AsArray();
        Assert.Equal(2, all.Count);

        await CreateProcessing("in survey", projectId: id);
        Assert.Single((await GetJson("processings/v2")).AsArray());

        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"projects/{id}")).StatusCode);
        AssertError(await GetJson($"projects/{id}", HttpStatusCode.NotFound), "NOT_FOUND");
        Assert.Empty((await GetJson("processings/v2")).AsArray());
        Assert.Single((await GetJson("projects")).AsArray());
    }

    [Fact]
    public async Task Name_is_required_and_default_project_cannot_be_deleted()
    {
        AssertError(await PostJson("projects", new { description = "x" }, HttpStatusCode.BadRequest), "BAD_REQUEST");
        using var response = await Client.DeleteAsync("projects/default");
        AssertError(await Read(response, HttpStatusCode.BadRequest), "BAD_REQUEST");
    }

    [Fact]
    public async Task Page_filters_sorts_and_pages()
    {
        foreach (var name in new[] { "Alpha", "beta", "alphabet" })
            await PostJson("projects", new { name });

        var page = await PostJson("projects/page", new { limit = 1, offset = 1, filter = "ALPHA", sortBy = "NAME", sortOrder = "ASC" });
        Assert.Equal(2, (int)page["total"]!);
        Assert.Equal(1, (int)page["count"]!);
        Assert.Equal("alphabet", (string?)page["results"]![0]!["name"]);

        var everything = await PostJson("projects/page", new { });
        Assert.Equal(4, (int)everything["total"]!);
        Assert.Equal("alphabet", (string?)everything["results"]![0]!["name"]); // newest update first by default
    }

    [Fact]
    public async Task Another_users_project_is_not_found()
    {
        var mine = await PostJson("projects", new { name = "Mine" });
        using var other = Emulator.NewClient(Emulator.OtherToken);

        var body = await GetJson($"projects/{mine["id"]}", HttpStatusCode.NotFound, other);

        Assert.Equal($"Project {mine["id"]} not found", (string?)body["message"]);
        Assert.Single((await GetJson("projects", client: other)).AsArray());
    }
}
