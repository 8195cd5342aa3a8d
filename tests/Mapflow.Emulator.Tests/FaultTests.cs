using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace Mapflow.Emulator.Tests;

public sealed class FaultTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private async Task<int> AddFault(object fault) => (int)(await Control("faults", fault))["id"]!;

    private async Task<JsonArray> Log() => (await GetJson("_emulator/requests", client: Emulator.Controls)).AsArray();

    [Fact]
    public async Task Status_fault_with_retry_after_is_consumed_by_count()
    {
        var id = await AddFault(new { method = "GET", path = "/user/status", kind = "status", status = 503, retryAfter = "2", count = 2 });
        Assert.True(id > 0);

        for (var i = 0; i < 2; i++)
        {
            using var response = await Client.GetAsync("user/status");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
            Assert.Equal("""{"code":"INTERNAL_ERROR","message":"Injected fault","params":{}}""", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("user/status")).StatusCode);
        Assert.Equal(["status", "status", null], (await Log()).Select(e => (string?)e!["fault"]));
    }

    [Fact]
    public async Task Faults_match_method_wildcards_with_or_without_the_rest_prefix_in_order()
    {
        await AddFault(new { method = "POST", path = "/user/status", kind = "status", status = 500 });
        await AddFault(new { path = "/rest/processings/*/result", kind = "status", status = 502 });
        await AddFault(new { path = "/processings/*/result", kind = "status", status = 504 });

        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("user/status")).StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, (await Client.GetAsync($"processings/{Guid.NewGuid()}/result")).StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, (await Client.GetAsync($"processings/{Guid.NewGuid()}/result")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"processings/{Guid.NewGuid()}/result")).StatusCode);

        // The POST-only fault is still pending until the faults are cleared.
        Assert.Equal(HttpStatusCode.OK, (await Emulator.Controls.DeleteAsync("_emulator/faults")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Client.PostAsync("user/status", null)).StatusCode);
    }

    [Fact]
    public async Task Drop_creates_the_processing_but_the_client_gets_no_answer()
    {
        await AddFault(new { method = "POST", path = "/processings/v2", kind = "drop" });
        using var fresh = Emulator.NewClient(Emulator.Token);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => fresh.PostAsync("processings/v2",
            JsonBody(new { name = "dropped", wdId = BuildingsId, geometry = Geometries.Square(37.61, 55.75, 0.5) })));

        var stored = Assert.Single((await GetJson("_emulator/processings", client: Emulator.Controls)).AsArray());
        Assert.Equal("dropped", (string?)stored!["name"]);
        var entry = Assert.Single(await Log());
        Assert.Equal(0, (int)entry!["status"]!);
        Assert.Equal("drop", (string?)entry["fault"]);
    }

    [Fact]
    public async Task Drop_with_a_delay_creates_the_processing_even_after_the_client_gave_up()
    {
        await AddFault(new { method = "POST", path = "/processings/v2", kind = "drop", delayMs = 600 });
        using var impatient = Emulator.NewClient(Emulator.Token);
        impatient.Timeout = TimeSpan.FromMilliseconds(150);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostAsync("processings/v2",
            JsonBody(new { name = "late", wdId = BuildingsId, geometry = Geometries.Square(37.61, 55.75, 0.5) })));
        Assert.Empty((await GetJson("_emulator/processings", client: Emulator.Controls)).AsArray());

        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonArray stored;
        while ((stored = (await GetJson("_emulator/processings", client: Emulator.Controls)).AsArray()).Count == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.Equal("late", (string?)Assert.Single(stored)!["name"]);
    }

    [Fact]
    public async Task Reset_aborts_before_processing()
    {
        await AddFault(new { path = "/processings/v2", kind = "reset" });
        using var fresh = Emulator.NewClient(Emulator.Token);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => fresh.PostAsync("processings/v2",
            JsonBody(new { name = "reset", wdId = BuildingsId, geometry = Geometries.Square(37.61, 55.75, 0.5) })));

        Assert.Empty((await GetJson("_emulator/processings", client: Emulator.Controls)).AsArray());
        Assert.Equal(0, (int)(await Log())[0]!["status"]!);
    }

    [Fact]
    public async Task Truncate_sends_half_the_body_under_the_full_content_length()
    {
        await AddFault(new { path = "/user/status", kind = "truncate" });
        using var fresh = Emulator.NewClient(Emulator.Token);

        using var response = await fresh.GetAsync("user/status", HttpCompletionOption.ResponseHeadersRead);
        var declared = response.Content.Headers.ContentLength;
        var received = 0;
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
                received += n;
        });

        Assert.NotNull(declared);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(declared / 2, received);
    }

    [Fact]
    public async Task Html_page_instead_of_json()
    {
        await AddFault(new { path = "/projects/default", kind = "html" });

        using var response = await Client.GetAsync("projects/default");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Latency_delays_then_answers()
    {
        await AddFault(new { path = "/user/status", kind = "latency", delayMs = 400 });

        var clock = Stopwatch.StartNew();
        using var response = await Client.GetAsync("user/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.ElapsedMilliseconds >= 380, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Slow_trickles_the_whole_body()
    {
        var size = (await Client.GetByteArrayAsync("user/status")).Length;
        await AddFault(new { path = "/user/status", kind = "slow", bytesPerSecond = 10_000 });

        var clock = Stopwatch.StartNew();
        var body = await Client.GetStringAsync("user/status");

        Assert.NotNull(JsonNode.Parse(body)!["email"]);
        Assert.True(clock.ElapsedMilliseconds >= size * 1000 / 10_000 * 0.8, $"{size} bytes took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Bad_fault_specs_are_rejected()
    {
        AssertError(await PostJson("_emulator/faults", new { path = "/x", kind = "explode" }, HttpStatusCode.BadRequest, Emulator.Controls), "BAD_REQUEST");
        AssertError(await PostJson("_emulator/faults", new { path = "/x", kind = "status", count = 0 }, HttpStatusCode.BadRequest, Emulator.Controls), "BAD_REQUEST");
    }
}
