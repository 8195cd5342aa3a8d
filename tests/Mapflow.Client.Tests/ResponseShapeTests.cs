using System.Net;
using Mapflow.Client.Workflow;
using Xunit;

namespace Mapflow.Client.Tests;

/// <summary>
/// The client reads what a real server sends, in the shapes of the docs' examples and the QGIS schema classes
/// (mapflow-api.md §4–5, §11.4), over real HTTP from a stub: fractional numbers, 0/1 booleans, nulls, meta values of
/// any JSON type, values it does not know, extra keys. One item it still cannot read fails only itself.
/// </summary>
public sealed class ResponseShapeTests
{
    private const string Buildings = """
        {"id":"8cb13006-a299-4df6-b47d-91bd63de947f","name":"🏠 Buildings","description":null,"created":"2023-02-01T09:04:00.317261Z",
         "updated":"2026-03-19T13:48:39.385944","pricePerSqKm":0.0,"futureKey":{"x":1},
         "blocks":[{"name":"Segmentation","displayName":"Segmentation","optional":0,"price":5.0},
                   {"name":"Classification","displayName":"Classification","optional":1,"price":"5"},
                   {"name":"OSM","displayName":"Merge with OpenStreetMap","optional":"true","price":null}]}
        """;

    private const string UserStatus = $$$"""
        {"email":"user@example.com","billingType":0,"remainingCredits":249.5,"remainingArea":25000000.75,"processedArea":0,
         "areaLimit":100000000000,"maxAoisPerProcessing":"10","memoryLimit":1073741824,"templateAreaLimit":null,
         "reviewWorkflowEnabled":0,"models":[{{{Buildings}}}],
         "dataProviders":[{"id":"p1","name":"Mapbox","displayName":"Mapbox Satellite","previewUrl":null,"price":[{"zoom":18,"priceSqKm":1.2}],"minAreaSqkm":null}],
         "searchDataProviders":null,"teams":[{"teamId":"t","name":"Team","role":"OWNER","activeUntil":null,"creditsLimit":12.5}]}
        """;

    private const string Project = $$$"""
        {"id":"546d148f-19a1-40d8-8f16-d1e6dabfd204","name":"Villages","description":null,"isDefault":0,"created":"2026-02-10T10:30:00Z",
         "updated":"2026-02-10T10:45:00.000000Z","workflowDefs":[{{{Buildings}}}],"aoiCount":3.0,"aoiArea":"1200000","area":1200000,
         "progress":{"status":"IN_PROGRESS","percentCompleted":33.3,"details":null},
         "user":{"id":"b1946ac9-2f8b-4e1e-9d5a-2c3d4e5f6a7b","login":"owner","email":"owner@example.com","role":"ADMIN","areaLimit":1e11,
                 "aoiAreaLimit":25000000.0,"processedArea":12.5,"isPremium":"false","reviewWorkflowEnabled":null},
         "shareProject":{"owners":[{"email":"owner@example.com","role":"owner"}],"users":null},
         "processingCounts":{"succeeded":1,"failed":0.0,"inProgress":null},"templatesCount":0}
        """;

    /// <summary>A finished processing as §5.1 illustrates it, with the odd values other clients leave.</summary>
    private static string Processing(string id, string status = "OK", string extra = "") => $$$"""
        {"id":"{{{id}}}","name":"Downtown","description":null,"projectId":"546d148f-19a1-40d8-8f16-d1e6dabfd204",
         "workflowDef":{{{Buildings}}},"aoiCount":1,"aoiArea":1200000.5,"area":null,"cost":12.5,"status":"{{{status}}}","percentCompleted":99.9,
         "reviewStatus":null,"rating":null,
         "params":{"sourceParams":{"myImagery":null,"imagerySearch":null,"userDefined":null,"dataProvider":{"providerName":"Mapbox","zoom":null}},"inferenceParams":null},
         "blocks":[{"name":"Classification","enabled":1,"displayName":"Classification"}],
         "meta":{"source-app":"qgis","attempt":2,"tags":["a","b"],"request":{"tool":"x"},"urgent":true,"none":null},
         "messages":null,"vectorLayer":null,"rasterLayer":null,"resultRasterLayer":null,
         "created":"2026-02-10T10:30:00.000000Z","updated":"2026-02-10T10:45:00"{{{extra}}}}
        """;

    private static StubApi.Answer Page(IEnumerable<string> items, int? total) =>
        StubApi.Json("{\"results\":[" + string.Join(",", items) + "]" + (total is { } t ? $",\"total\":{t},\"count\":1" : "") + "}");

    [Fact]
    public async Task User_status_in_the_docs_shapes_reads_without_error()
    {
        using var api = new StubApi(_ => StubApi.Json(UserStatus));
        using var client = api.Client();

        var account = await client.GetAccountAsync(CancellationToken.None);

        Assert.Equal("0", account.BillingType);
        Assert.Equal(249.5, account.RemainingCredits);
        Assert.Equal(10, account.MaxAoisPerProcessing);
        Assert.Equal(100_000, account.AreaLimitKm2);
        Assert.False(account.ReviewWorkflowEnabled);
        var model = Assert.Single(account.Models);
        Assert.Equal(["Classification", "OSM"], model.Options);
        Assert.Equal(5, model.BasePricePerSqKm);
        Assert.Equal(new DateTimeOffset(2026, 3, 19, 13, 48, 39, 385, TimeSpan.Zero).AddTicks(9440), model.Updated);
        Assert.Equal(1.2, Assert.Single(account.DataProviders).Price[0].PriceSqKm);
    }

    [Fact]
    public async Task A_project_gives_its_owners_limit_per_processing_and_its_models()
    {
        using var api = new StubApi(_ => StubApi.Json(Project));
        using var client = api.Client();

        var project = await client.GetProjectAsync(Guid.Parse("546d148f-19a1-40d8-8f16-d1e6dabfd204"), CancellationToken.None);

        Assert.Equal(25, project.AoiAreaLimitKm2);
        Assert.Equal("owner@example.com", project.User!.Email);
        Assert.Equal("🏠 Buildings", Assert.Single(project.WorkflowDefs).Name);
        Assert.Empty(project.ShareProject!.Users);
        Assert.Null(project.Description);
        Assert.False(project.IsDefault);
        Assert.Equal(0, project.ProcessingCounts!["failed"]);
    }

    [Fact]
    public async Task A_processing_with_fractions_nulls_and_any_meta_values_reads_as_it_came()
    {
        var id = Guid.NewGuid();
        using var api = new StubApi(_ => StubApi.Json(Processing(id.ToString(), "ARCHIVED", ""","reviewStatus":{"status":"ESCALATED","feedback":null}""")));
        using var client = api.Client();

        var processing = await client.GetProcessingAsync(id, CancellationToken.None);

        Assert.Equal(12.5, processing.Cost);
        Assert.Equal(99.9, processing.PercentCompleted);
        Assert.Equal("ARCHIVED", processing.Status);
        Assert.False(processing.IsTerminal);
        Assert.Equal("ESCALATED", processing.ReviewStatus!.Status);
        Assert.Empty(processing.Messages);
        Assert.Null(processing.Area);
        Assert.Equal("qgis", processing.Meta!["source-app"]);
        Assert.Equal("2", processing.Meta["attempt"]);
        Assert.Equal("""["a","b"]""", processing.Meta["tags"]);
        Assert.Equal("true", processing.Meta["urgent"]);
        Assert.Null(processing.Meta["none"]);
        Assert.True(Assert.Single(processing.Blocks!).Enabled);
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 10, 45, 0, TimeSpan.Zero), processing.Updated);
    }

    [Theory]
    [InlineData("""{"reviewStatus":"NOT_ACCEPTED","inReviewUntil":"2026-02-11T10:45:00Z"}""", "NOT_ACCEPTED", false)]
    [InlineData("""{"status":"NOT_ACCEPTED","feedback":"roofs missing"}""", "NOT_ACCEPTED", false)]
    [InlineData("""{"reviewStatus":"IN_REVIEW","feedback":"2026-02-11T10:45:00Z"}""", "IN_REVIEW", true)]
    [InlineData("\"ACCEPTED\"", "ACCEPTED", true)]
    public async Task Review_status_in_every_shape_decides_whether_an_ok_processing_is_final(string review, string expected, bool final)
    {
        var id = Guid.NewGuid();
        using var api = new StubApi(_ => StubApi.Json(Processing(id.ToString(), extra: $",\"reviewStatus\":{review}")));
        using var client = api.Client();

        var processing = await client.GetProcessingAsync(id, CancellationToken.None);

        Assert.Equal(expected, processing.ReviewStatus!.Status);
        Assert.True(processing.IsTerminal);
        Assert.Equal(final, processing.IsFinal);
    }

    [Fact]
    public async Task A_page_with_one_unreadable_processing_gives_the_others_and_a_warning_naming_it()
    {
        var good = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var items = new[] { Processing(good[0].ToString()), Processing("not-a-uuid"), Processing(good[1].ToString(), extra: ",\"unknownList\":[1,2]") };
        using var api = new StubApi(_ => Page(items, 3));
        using var client = api.Client();
        var log = new CollectingLog();
        using var _ = MapflowLog.Use(log);

        var listed = await client.GetProcessingsAsync(Guid.NewGuid(), null, 100, false, CancellationToken.None).ToListAsync();

        Assert.Equal(good, listed.Select(p => p.Id));
        var warning = Assert.Single(log.Warnings);
        Assert.Contains("not-a-uuid", warning);
        Assert.Contains("/processings/v2/page", warning);
    }

    [Fact]
    public async Task Paging_follows_the_total_when_the_server_caps_the_page_without_saying_so()
    {
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid().ToString()).ToList();
        using var api = new StubApi(request =>
        {
            var offset = int.Parse(System.Text.RegularExpressions.Regex.Match(request.Body, "\"offset\":(\\d+)").Groups[1].Value);
            return Page(ids.Skip(offset).Take(2).Select(id => Processing(id)), ids.Count);
        });
        using var client = api.Client();

        var listed = await client.GetProcessingsAsync(Guid.NewGuid(), null, 100, false, CancellationToken.None).ToListAsync();

        Assert.Equal(ids, listed.Select(p => p.Id.ToString()));
        Assert.Equal(3, api.Requests.Count);
    }

    [Fact]
    public async Task Without_a_total_paging_goes_on_until_an_empty_page_and_never_repeats_a_processing()
    {
        // The order shifts between pages: the second page repeats the last item of the first.
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString()).ToList();
        var pages = new Queue<string[]>([[ids[0], ids[1]], [ids[1], ids[2]], []]);
        using var api = new StubApi(_ => Page(pages.Dequeue().Select(id => Processing(id)), null));
        using var client = api.Client();

        var listed = await client.GetProcessingsAsync(Guid.NewGuid(), null, 2, false, CancellationToken.None).ToListAsync();

        Assert.Equal(ids, listed.Select(p => p.Id.ToString()));
        Assert.Equal(3, api.Requests.Count);
    }

    [Theory]
    [InlineData("""{"id":"1","name":"cut""", "stops before it is complete")]
    [InlineData("""{"id" "x"}""", "malformed JSON")]
    [InlineData("""["an array"]""", "unexpected shape")]
    [InlineData("", "an empty body")]
    public async Task A_body_that_cannot_be_read_says_whether_it_was_cut_broken_or_of_another_shape(string body, string expected)
    {
        using var api = new StubApi(_ => StubApi.Json(body));
        using var client = api.Client();

        var e = await Assert.ThrowsAsync<MapflowResponseException>(() => client.GetAccountAsync(CancellationToken.None));

        Assert.Contains(expected, e.Message);
        if (expected != "stops before it is complete") Assert.DoesNotContain("cut", e.Message);
    }

    [Theory]
    [InlineData("GET", "/user/status", true)]
    [InlineData("GET", "/projects/default", true)]
    [InlineData("POST", "/processings/v2", false)]
    public async Task Only_a_403_on_the_account_or_project_read_refuses_the_account(string method, string path, bool refusesAccount)
    {
        using var api = new StubApi(_ => new StubApi.Answer(403, """{"code":"FORBIDDEN","message":"Access to data provider 'Maxar' is denied","params":{}}"""));
        using var client = api.Client();

        var e = await Assert.ThrowsAnyAsync<MapflowApiException>(() => method == "GET"
            ? path == "/user/status" ? client.GetAccountAsync(CancellationToken.None) : client.GetDefaultProjectAsync(CancellationToken.None)
            : client.CreateProcessingAsync(new ProcessingRequest { Name = "x" }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Equal(refusesAccount, e is MapflowAuthenticationException);
        Assert.Equal("Access to data provider 'Maxar' is denied", e.ApiMessage);
    }

    [Fact]
    public async Task Json_is_accepted_only_where_json_comes_back()
    {
        using var api = new StubApi(request => request.Path switch
        {
            "/version" or "/processing/cost/v2" => new StubApi.Answer(200, "13.5", "text/plain"),
            var p when p.EndsWith("/result") => new StubApi.Answer(200, """{"type":"FeatureCollection","features":[]}""", "application/octet-stream"),
            _ => StubApi.Json(UserStatus),
        });
        using var client = api.Client();

        await client.GetAccountAsync(CancellationToken.None);
        await client.GetVersionAsync(CancellationToken.None);
        Assert.Equal(13.5, await client.GetProcessingCostAsync(new ProcessingRequest { Name = "x" }, CancellationToken.None));
        using (await client.OpenResultAsync(Guid.NewGuid(), null, CancellationToken.None)) { }

        var accept = api.Requests.ToDictionary(r => r.Path.EndsWith("/result") ? "/result" : r.Path, r => r.Accept);
        Assert.Equal("application/json", accept["/user/status"]);
        Assert.Null(accept["/version"]);
        Assert.Null(accept["/processing/cost/v2"]);
        Assert.Null(accept["/result"]);
    }

    [Theory]
    [InlineData("\"not a map\"")]
    [InlineData("[1,2]")]
    [InlineData("7")]
    public async Task Meta_of_the_wrong_kind_reads_as_none_and_the_processing_is_still_read(string meta)
    {
        var id = Guid.NewGuid();
        using var api = new StubApi(_ => StubApi.Json(Processing(id.ToString()).Replace("\"meta\":{\"source-app\":\"qgis\",\"attempt\":2,\"tags\":[\"a\",\"b\"],\"request\":{\"tool\":\"x\"},\"urgent\":true,\"none\":null}", $"\"meta\":{meta}")));
        using var client = api.Client();

        var processing = await client.GetProcessingAsync(id, CancellationToken.None);

        Assert.Equal(id, processing.Id);
        Assert.Null(processing.Meta);
    }

    [Fact]
    public async Task An_owner_whose_id_is_no_uuid_does_not_make_the_project_unreadable()
    {
        using var api = new StubApi(_ => StubApi.Json(Project.Replace("\"id\":\"b1946ac9-2f8b-4e1e-9d5a-2c3d4e5f6a7b\"", "\"id\":42")));
        using var client = api.Client();

        var project = await client.GetProjectAsync(Guid.Parse("546d148f-19a1-40d8-8f16-d1e6dabfd204"), CancellationToken.None);

        Assert.Equal("42", project.User!.Id);
        Assert.Equal(25, project.AoiAreaLimitKm2);
    }
}
