using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;

namespace Mapflow.Emulator.Tests;

/// <summary>One in-process emulator on a free loopback port, shared by every test (they run one at a time).</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string DemoEmail = "demo@mapflow.local";
    public const string OtherEmail = "other@mapflow.local";

    private WebApplication? _app;

    /// <summary>The server root: the test controls (<c>/_emulator</c>) and result layers (<c>/api/layers</c>).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The API's base, under <c>/rest</c> as the real one.</summary>
    public string ApiUrl => BaseUrl + "/rest";
    public string Token { get; } = TokenFor(DemoEmail, "demo-secret");
    public string OtherToken { get; } = TokenFor(OtherEmail, "other-secret");

    /// <summary>Authenticated as the demo user.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The API without an Authorization header, e.g. for /version.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The test-control API at the server root; it needs no auth.</summary>
    public HttpClient Controls { get; private set; } = null!;

    public static string TokenFor(string email, string secret) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{secret}"));

    public async Task InitializeAsync()
    {
        _app = EmulatorApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            // Tests that need time to pass set a duration themselves; reset brings this back.
            "--Emulator:ProcessingDurationMs=0",
            // Projects start empty here so counts stay simple; OtherClientsTests turns the seeding on.
            "--Emulator:OtherClientProcessings=0",
            $"--Emulator:Users={DemoEmail}:demo-secret;{OtherEmail}:other-secret",
        ]);
        await _app.StartAsync();
        BaseUrl = EmulatorApp.ListeningAddress(_app);
        Client = NewClient(Token);
        Anonymous = NewClient(null);
        Controls = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client of the API on its own connection pool; pass null for no auth.</summary>
    public HttpClient NewClient(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(ApiUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        Controls.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulator";
}
