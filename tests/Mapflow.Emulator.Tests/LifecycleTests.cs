using System.Net;

namespace Mapflow.Emulator.Tests;

public sealed class LifecycleTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public async Task Progress_rises_until_ok_after_the_duration()
    {
        await SetConfig(new { processingDurationMs = 800 });
        var p = await CreateProcessing();
        Assert.Equal("IN_PROGRESS", (string?)p["status"]);

        var percents = new List<int>();
        string? status;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(100);
            var current = await GetJson($"processings/{p["id"]}/v2");
            status = (string?)current["status"];
            percents.Add((int)current["percentCompleted"]!);
        }
        while (status == "IN_PROGRESS" && DateTime.UtcNow < deadline);

        Assert.Equal("OK", status);
        Assert.Equal(100, percents[^1]);
        Assert.Contains(percents, x => x is > 0 and < 100);
        Assert.Equal(percents.Order(), percents);
        Assert.All((await GetJson($"processings/{p["id"]}/aois")).AsArray(), a => Assert.Equal("OK", (string?)a!["status"]));
    }

    [Fact]
    public async Task Zero_duration_is_ok_on_the_first_read()
    {
        var p = await CreateProcessing();
        Assert.Equal("IN_PROGRESS", (string?)p["status"]);
        Assert.Equal(0, (int)p["percentCompleted"]!);

        var read = await GetJson($"processings/{p["id"]}/v2");
        Assert.Equal("OK", (string?)read["status"]);
        Assert.Equal(100, (int)read["percentCompleted"]!);
    }

    [Fact]
    public async Task Forced_failure_carries_a_message_and_can_be_restarted()
    {
        await SetConfig(new { processingDurationMs = 60_000 });
        var p = await CreateProcessing();
        var id = (string)p["id"]!;

        var forced = await Control($"processings/{id}/status", new { status = "FAILED" });
        Assert.Equal("FAILED", (string?)forced["status"]);

        var failed = await GetJson($"processings/{id}/v2");
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("dataloader.NoDataTile", (string?)failed["messages"]![0]!["code"]);
        Assert.Equal("error", (string?)failed["messages"]![0]!["parameters"]!["level"]);
        Assert.Equal("FAILED", (string?)(await GetJson($"processings/{id}/aois"))[0]!["status"]);

        var restarted = await PostJson($"processings/{id}/restart/v2", new { });
        Assert.Equal("IN_PROGRESS", (string?)restarted["status"]);
        Assert.Empty(restarted["messages"]!.AsArray());

        AssertError(await PostJson($"processings/{id}/restart", new { }, HttpStatusCode.BadRequest), "BAD_REQUEST");
    }

    [Fact]
    public async Task Forced_statuses_and_percent_are_shown_as_given()
    {
        var id = (string)(await CreateProcessing())["id"]!;

        foreach (var status in new[] { "AWAITING", "CANCELLED", "UNPROCESSED", "IN_PROGRESS" })
        {
            await Control($"processings/{id}/status", new { status, percentCompleted = 42 });
            var p = await GetJson($"processings/{id}/v2");
            Assert.Equal(status, (string?)p["status"]);
            Assert.Equal(42, (int)p["percentCompleted"]!);
        }

        var custom = new[] { new { code = "source-validator.PixelSizeTooHigh", parameters = new { level = "error", max_res = "1.2" } } };
        await Control($"processings/{id}/status", new { status = "FAILED", messages = custom });
        Assert.Equal("1.2", (string?)(await GetJson($"processings/{id}/v2"))["messages"]![0]!["parameters"]!["max_res"]);

        AssertError(await PostJson($"_emulator/processings/{id}/status", new { status = "DONE" }, HttpStatusCode.BadRequest, Emulator.Controls), "BAD_REQUEST");
        AssertError(await PostJson($"_emulator/processings/{Guid.NewGuid()}/status", new { status = "OK" }, HttpStatusCode.NotFound, Emulator.Controls), "NOT_FOUND");
    }

    [Fact]
    public async Task Refund_returns_the_cost()
    {
        var p = await CreateProcessing();
        Assert.Equal(245, (int)(await GetJson("user/status"))["remainingCredits"]!);

        await Control($"processings/{p["id"]}/status", new { status = "REFUNDED" });

        Assert.Equal(250, (int)(await GetJson("user/status"))["remainingCredits"]!);
    }

    [Fact]
    public async Task Rating_only_when_ok_and_review_actions()
    {
        await SetConfig(new { processingDurationMs = 60_000, reviewWorkflowEnabled = true });
        var id = (string)(await CreateProcessing())["id"]!;
        AssertError(await PutJson($"processings/{id}/rate", new { rating = 5, feedback = "nice" }, HttpStatusCode.BadRequest), "BAD_REQUEST");

        await Control($"processings/{id}/status", new { status = "OK" });
        AssertError(await PutJson($"processings/{id}/rate", new { rating = 6 }, HttpStatusCode.BadRequest), "BAD_REQUEST");
        var rated = await PutJson($"processings/{id}/rate", new { rating = 5, feedback = "nice" });
        Assert.Equal(5, (int)rated["rating"]!["rating"]!);
        Assert.Equal("nice", (string?)rated["rating"]!["feedback"]);

        var accepted = await PutJson($"processings/{id}/acceptation", new { });
        Assert.Equal("ACCEPTED", (string?)accepted["reviewStatus"]!["reviewStatus"]);
        // Decided once: only a result in review (IN_REVIEW) can be accepted or rejected.
        AssertError(await PutJson($"processings/{id}/acceptation", new { }, HttpStatusCode.BadRequest), "BAD_REQUEST");
        AssertError(await PutJson($"processings/{id}/rejection", new { comment = "late", features = NoFeatures }, HttpStatusCode.BadRequest), "BAD_REQUEST");
    }

    private static readonly object NoFeatures = new { type = "FeatureCollection", features = Array.Empty<object>() };

    [Fact]
    public async Task A_rejection_needs_a_comment_and_a_feature_collection_and_is_kept()
    {
        await SetConfig(new { reviewWorkflowEnabled = true });
        var id = (string)(await CreateProcessing())["id"]!;
        await Control($"processings/{id}/status", new { status = "OK" });
        AssertError(await PutJson($"processings/{id}/rejection", new { features = NoFeatures }, HttpStatusCode.BadRequest), "BAD_REQUEST");
        AssertError(await PutJson($"processings/{id}/rejection", new { comment = "x" }, HttpStatusCode.BadRequest), "BAD_REQUEST");
        AssertError(await PutJson($"processings/{id}/rejection", new { comment = "x", features = new { type = "Polygon" } }, HttpStatusCode.BadRequest), "BAD_REQUEST");
        AssertError(await PutJson($"processings/{id}/rejection", new { comment = "x", features = new { type = "FeatureCollection", features = new[] { new { type = "Feature" } } } }, HttpStatusCode.BadRequest), "BAD_REQUEST");

        var area = new { type = "Feature", properties = new { }, geometry = Geometries.Square(37.61, 55.75, 0.1) };
        var rejected = await PutJson($"processings/{id}/rejection", new { comment = "missing roofs", features = new { type = "FeatureCollection", features = new[] { area } } });

        Assert.Equal("NOT_ACCEPTED", (string?)rejected["reviewStatus"]!["reviewStatus"]);
        var kept = (await GetJson("_emulator/processings", client: Emulator.Controls)).AsArray().Single(p => (string?)p!["id"] == id)!["rejection"]!;
        Assert.Equal("missing roofs", (string?)kept["comment"]);
        Assert.Single(kept["features"]!["features"]!.AsArray());
    }

    [Fact]
    public async Task Review_is_refused_without_the_workflow_and_before_the_result_is_ok()
    {
        await SetConfig(new { processingDurationMs = 60_000 });
        var id = (string)(await CreateProcessing())["id"]!;
        AssertError(await PutJson($"processings/{id}/acceptation", new { }, HttpStatusCode.BadRequest), "BAD_REQUEST");
        await SetConfig(new { reviewWorkflowEnabled = true });
        AssertError(await PutJson($"processings/{id}/acceptation", new { }, HttpStatusCode.BadRequest), "BAD_REQUEST");
    }

    [Fact]
    public async Task Rename_move_and_delete()
    {
        var id = (string)(await CreateProcessing("old"))["id"]!;
        var project = await PostJson("projects", new { name = "Target" });

        var renamed = await PutJson($"processings/{id}/v2", new { name = "new", description = "d" });
        Assert.Equal("new", (string?)renamed["name"]);
        Assert.Equal("d", (string?)renamed["description"]);

        var moved = await PutJson($"processings/{id}", new { projectId = (string)project["id"]! });
        Assert.Equal((string?)project["id"], (string?)moved["projectId"]);
        Assert.Equal("new", (string?)moved["name"]);
        Assert.Equal("Mapbox", (string?)moved["params"]!["data_provider"]);
        var listed = await PostJson($"projects/{project["id"]}/processings/v2/page", new { limit = 30, offset = 0 });
        Assert.Equal(id, (string?)Assert.Single(listed["results"]!.AsArray())!["id"]);
        AssertError(await PutJson($"processings/{id}", new { projectId = Guid.NewGuid() }, HttpStatusCode.NotFound), "NOT_FOUND");
        AssertError(await PutJson($"processings/{id}/v2", new { description = "no name" }, HttpStatusCode.BadRequest), "BAD_REQUEST");

        Assert.Equal(HttpStatusCode.OK, (await Client.DeleteAsync($"processings/{id}")).StatusCode);
        var gone = await GetJson($"processings/{id}/v2", HttpStatusCode.NotFound);
        Assert.Equal($$$"""{"code":"NOT_FOUND","message":"Processing {{{id}}} not found","params":{"id":"{{{id}}}"}}""", gone.ToJsonString());
    }
}
