using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Mapflow.Emulator.Tests;

public sealed class RequestLogTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private async Task<JsonArray> Log() => (await GetJson("_emulator/requests", client: Emulator.Controls)).AsArray();

    [Fact]
    public async Task Log_records_api_requests_in_order_without_the_token()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        await CreateProcessing("logged");
        await Client.GetAsync("user/status?verbose=1");
        await Emulator.Anonymous.GetAsync("user/status");
        using var invalid = Emulator.NewClient(null);
        invalid.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "bad");
        await invalid.GetAsync("version");
        await Emulator.Controls.GetAsync("_emulator/config");

        var log = await Log();

        Assert.Equal(4, log.Count);
        Assert.Equal([1, 2, 3, 4], log.Select(e => (int)e!["seq"]!));
        Assert.Equal(["POST", "GET", "GET", "GET"], log.Select(e => (string)e!["method"]!));
        Assert.Equal(["/rest/processings/v2", "/rest/user/status", "/rest/user/status", "/rest/version"], log.Select(e => (string)e!["path"]!));
        Assert.Equal(["", "?verbose=1", "", ""], log.Select(e => (string)e!["query"]!));
        Assert.Equal([200, 200, 401, 200], log.Select(e => (int)e!["status"]!));
        Assert.Equal(["present", "present", "missing", "invalid"], log.Select(e => (string)e!["authorization"]!));
        Assert.Contains("\"logged\"", (string)log[0]!["body"]!);
        Assert.Null(log[1]!["body"]);
        Assert.All(log, e =>
        {
            var time = (string)e!["time"]!;
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", time);
            Assert.InRange(DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), before, DateTime.UtcNow.AddSeconds(1));
            Assert.Null(e["fault"]);
        });
        Assert.DoesNotContain(Emulator.Token, log.ToJsonString());
        Assert.DoesNotContain("demo-secret", log.ToJsonString());
    }

    [Fact]
    public async Task Log_can_be_cleared_and_reset_clears_everything()
    {
        await Client.GetAsync("user/status");
        Assert.Single(await Log());

        await Emulator.Controls.DeleteAsync("_emulator/requests");
        Assert.Empty(await Log());

        await CreateProcessing();
        await SetConfig(new { featuresPerAoi = 3 });
        await Control("faults", new { path = "/user/status", kind = "status" });
        await Control("reset", new { });

        Assert.Empty(await Log());
        Assert.Empty((await GetJson("_emulator/processings", client: Emulator.Controls)).AsArray());
        Assert.Equal(25, (int)(await GetJson("_emulator/config", client: Emulator.Controls))["featuresPerAoi"]!);
        Assert.Equal(250, (int)(await GetJson("user/status"))["remainingCredits"]!);
    }

    [Fact]
    public async Task Config_patch_returns_the_full_config()
    {
        var config = await Control("config", new { processingDurationMs = 1234, maxAoisPerProcessing = 3 });

        Assert.Equal(1234, (int)config["processingDurationMs"]!);
        Assert.Equal(3, (int)config["maxAoisPerProcessing"]!);
        Assert.Equal(25, (int)config["featuresPerAoi"]!);
        Assert.Equal(250, (int)config["remainingCredits"]!);
        Assert.Equal(25_000_000, (long)config["aoiAreaLimit"]!);
        Assert.False((bool)config["listsIncludeMeta"]!);
        Assert.Equal(3, (int)(await GetJson("user/status"))["maxAoisPerProcessing"]!);
    }
}
