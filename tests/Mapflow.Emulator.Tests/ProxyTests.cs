using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Mapflow.Emulator.Proxy;
using Microsoft.AspNetCore.Builder;

namespace Mapflow.Emulator.Tests;

/// <summary>The emulator app in proxy mode, in process, in front of the shared emulator.</summary>
public sealed class ProxyTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public async Task Forwards_absolute_form_requests_with_body_and_auth_and_logs_them_without_credentials()
    {
        await using var proxy = await StartProxy();
        using var client = ThroughProxy(proxy, credential: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Emulator.Token);

        using var created = await client.PostAsync(Emulator.ApiUrl + "/projects", JsonBody(new { name = "via proxy" }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("via proxy", (string?)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["name"]);

        var entry = Assert.Single(await ProxyLog(proxy));
        Assert.Equal("POST", (string?)entry!["method"]);
        Assert.Equal(Emulator.ApiUrl + "/projects", (string?)entry["target"]);
        Assert.Equal(200, (int)entry["status"]!);
        Assert.True((bool)entry["authorization"]!);
        Assert.Equal("missing", (string?)entry["proxyAuthorization"]);
        Assert.DoesNotContain(Emulator.Token, entry.ToJsonString());
        var logged = Assert.Single((await GetJson("_emulator/requests", client: Emulator.Controls)).AsArray());
        Assert.Equal("present", (string?)logged!["authorization"]);
    }

    [Fact]
    public async Task Demands_its_credential_when_it_has_one()
    {
        await using var proxy = await StartProxy("--Proxy:Credential=user:pass");

        using (var anonymous = ThroughProxy(proxy, credential: null))
        {
            using var refused = await anonymous.GetAsync(Emulator.ApiUrl + "/version");
            Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, refused.StatusCode);
            Assert.Equal("Basic", refused.Headers.ProxyAuthenticate.Single().Scheme);
        }
        using (var authenticated = ThroughProxy(proxy, new NetworkCredential("user", "pass")))
            Assert.Equal("3.6.0", await authenticated.GetStringAsync(Emulator.ApiUrl + "/version"));

        var log = await ProxyLog(proxy);
        Assert.Equal(["missing", "missing", "present"], log.Select(e => (string?)e!["proxyAuthorization"]));
        Assert.DoesNotContain("pass", log.ToJsonString());
    }

    [Fact]
    public async Task Refuses_targets_off_loopback_without_connecting()
    {
        await using var proxy = await StartProxy();
        using var client = ThroughProxy(proxy, credential: null);

        using var refused = await client.GetAsync("http://mapflow.invalid/version");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(403, (int)Assert.Single(await ProxyLog(proxy))!["status"]!);
    }

    [Fact]
    public async Task Passes_a_cut_off_body_on_as_cut_off()
    {
        await Control("faults", new { path = "/user/status", kind = "truncate" });
        await using var proxy = await StartProxy();
        using var client = ThroughProxy(proxy, credential: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Emulator.Token);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetStringAsync(Emulator.ApiUrl + "/user/status"));
    }

    [Fact]
    public async Task Listens_on_loopback_only() =>
        Assert.Throws<NonLoopbackUrlException>(() => ProxyApp.Create(["--urls", "http://0.0.0.0:0", "--Emulator:Mode=Proxy"]));

    private static async Task<WebApplication> StartProxy(params string[] extra)
    {
        var app = ProxyApp.Create(["--urls", "http://127.0.0.1:0", "--Emulator:Mode=Proxy", .. extra]);
        await app.StartAsync();
        return app;
    }

    private static HttpClient ThroughProxy(WebApplication proxy, ICredentials? credential) =>
        new(new SocketsHttpHandler { Proxy = new WebProxy(ProxyApp.ListeningAddress(proxy)) { Credentials = credential }, UseProxy = true })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static async Task<JsonArray> ProxyLog(WebApplication proxy)
    {
        using var direct = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        return JsonNode.Parse(await direct.GetStringAsync(ProxyApp.ListeningAddress(proxy) + "/_proxy/requests"))!.AsArray();
    }
}
