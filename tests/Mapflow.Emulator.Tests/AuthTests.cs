using System.Net;
using System.Net.Http.Headers;

namespace Mapflow.Emulator.Tests;

public sealed class AuthTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public async Task Missing_token_is_a_plain_text_401()
    {
        using var response = await Emulator.Anonymous.GetAsync("user/status");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unauthorized", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Basic", "not-base64!")]
    [InlineData("Basic", "ZGVtb0BtYXBmbG93LmxvY2FsOndyb25n")] // demo@mapflow.local:wrong
    [InlineData("Basic", "bm9ib2R5QGV4YW1wbGUuY29tOnNlY3JldA==")] // nobody@example.com:secret
    [InlineData("Digest", "ZGVtb0BtYXBmbG93LmxvY2FsOmRlbW8tc2VjcmV0")]
    public async Task Invalid_token_is_401(string scheme, string token)
    {
        using var client = Emulator.NewClient(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, token);
        using var response = await client.GetAsync("projects/default");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Valid_token_works_with_or_without_padding_and_as_Bearer()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("user/status")).StatusCode);

        using var unpadded = Emulator.NewClient(Emulator.Token.TrimEnd('='));
        Assert.Equal(HttpStatusCode.OK, (await unpadded.GetAsync("user/status")).StatusCode);

        using var bearer = Emulator.NewClient(null);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.Token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("user/status")).StatusCode);
    }

    [Fact]
    public async Task Version_and_control_api_need_no_auth()
    {
        using var version = await Emulator.Anonymous.GetAsync("version");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        Assert.Equal("3.6.0", await version.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", version.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.OK, (await Emulator.Controls.GetAsync("_emulator/config")).StatusCode);
    }

    [Fact]
    public async Task The_api_is_served_under_rest_only()
    {
        var status = await GetJson("user/status");
        Assert.Equal(EmulatorFixture.DemoEmail, (string?)status["email"]);
        Assert.StartsWith(Emulator.BaseUrl + "/rest/", Client.BaseAddress!.AbsoluteUri);
        AssertError(await GetJson("no/such/route", HttpStatusCode.NotFound), "NOT_FOUND");

        // At the root, as a client that dropped /rest from the base URL would ask.
        AssertError(await GetJson(Emulator.BaseUrl + "/user/status", HttpStatusCode.NotFound), "NOT_FOUND");
        using var version = await Emulator.Anonymous.GetAsync(Emulator.BaseUrl + "/version");
        Assert.Equal(HttpStatusCode.NotFound, version.StatusCode);
    }
}
