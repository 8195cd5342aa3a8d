namespace Mapflow.Emulator.Tests;

public sealed class ListingTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private async Task<string> CreateThree()
    {
        var projectId = (string)(await PostJson("projects", new { name = "List" }))["id"]!;
        foreach (var name in new[] { "Alpha one", "beta two", "ALPHA three" })
            await CreateProcessing(name, projectId: projectId, meta: new { clientKey = name });
        return projectId;
    }

    [Fact]
    public async Task Page_filters_by_terms_sorts_and_pages()
    {
        var projectId = await CreateThree();

        var page = await PostJson($"projects/{projectId}/processings/v2/page",
            new { limit = 1, offset = 1, terms = "alpha", sortBy = "NAME", sortOrder = "ASC" });

        Assert.Equal(2, (int)page["total"]!);
        Assert.Equal(1, (int)page["count"]!);
        Assert.Equal("ALPHA three", (string?)page["results"]![0]!["name"]);

        var all = await PostJson($"projects/{projectId}/processings/v2/page", new { limit = 30, offset = 0 });
        Assert.Equal(["ALPHA three", "beta two", "Alpha one"], all["results"]!.AsArray().Select(p => (string)p!["name"]!));
    }

    [Fact]
    public async Task Lists_leave_out_meta_but_single_reads_carry_it()
    {
        var projectId = await CreateThree();

        var page = await PostJson($"projects/{projectId}/processings/v2/page", new { });
        var lists = new[]
        {
            page["results"]!.AsArray(),
            (await GetJson($"projects/{projectId}/processings/v2")).AsArray(),
            (await GetJson("processings/v2")).AsArray(),
            (await GetJson($"projects/{projectId}/processings")).AsArray(),
            (await GetJson("processings")).AsArray(),
        };
        foreach (var list in lists)
        {
            Assert.Equal(3, list.Count);
            Assert.All(list, p =>
            {
                Assert.False(p!.AsObject().ContainsKey("meta"));
                Assert.True(p.AsObject().ContainsKey("description"));
            });
        }

        var id = (string)page["results"]![0]!["id"]!;
        Assert.Equal("ALPHA three", (string?)(await GetJson($"processings/{id}/v2"))["meta"]!["clientKey"]);
        Assert.Equal("ALPHA three", (string?)(await GetJson($"processings/{id}"))["meta"]!["clientKey"]);
        Assert.All((await GetJson("_emulator/processings", client: Emulator.Controls)).AsArray(),
            p => Assert.NotNull(p!["meta"]!["clientKey"]));
    }

    [Fact]
    public async Task ListsIncludeMeta_puts_meta_in_lists()
    {
        var projectId = await CreateThree();
        await SetConfig(new { listsIncludeMeta = true });

        var page = await PostJson($"projects/{projectId}/processings/v2/page", new { });

        Assert.All(page["results"]!.AsArray(), p => Assert.NotNull(p!["meta"]!["clientKey"]));
    }

    [Fact]
    public async Task V1_list_is_a_bare_array_of_flat_params()
    {
        var projectId = await CreateThree();

        var list = (await GetJson($"projects/{projectId}/processings")).AsArray();

        Assert.All(list, p => Assert.Equal("Mapbox", (string?)p!["params"]!["data_provider"]));
    }
}
