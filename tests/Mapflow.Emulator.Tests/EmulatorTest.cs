using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapflow.Emulator.Tests;

/// <summary>Base for tests against the shared emulator: resets it first and offers small JSON helpers.</summary>
[Collection(EmulatorCollection.Name)]
public abstract class EmulatorTest(EmulatorFixture emulator) : IAsyncLifetime
{
    protected const string BuildingsId = "8cb13006-a299-4df6-b47d-91bd63de947f";

    protected EmulatorFixture Emulator { get; } = emulator;
    protected HttpClient Client => Emulator.Client;

    public async Task InitializeAsync() => (await Emulator.Controls.PostAsync("_emulator/reset", null)).EnsureSuccessStatusCode();

    public Task DisposeAsync() => Task.CompletedTask;

    protected static StringContent JsonBody(object body) =>
        new(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    protected async Task<JsonNode> GetJson(string path, HttpStatusCode expected = HttpStatusCode.OK, HttpClient? client = null)
    {
        using var response = await (client ?? Client).GetAsync(path);
        return await Read(response, expected);
    }

    protected async Task<JsonNode> PostJson(string path, object body, HttpStatusCode expected = HttpStatusCode.OK, HttpClient? client = null)
    {
        using var response = await (client ?? Client).PostAsync(path, JsonBody(body));
        return await Read(response, expected);
    }

    protected async Task<JsonNode> PutJson(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Client.PutAsync(path, JsonBody(body));
        return await Read(response, expected);
    }

    protected Task<JsonNode> Control(string path, object body) => PostJson("_emulator/" + path, body, client: Emulator.Controls);

    protected Task SetConfig(object patch) => Control("config", patch);

    /// <summary>Creates a v2 processing over <paramref name="geometry"/> with the Buildings model.</summary>
    protected Task<JsonNode> CreateProcessing(string name = "test", object? geometry = null, string? projectId = null, object? meta = null) =>
        PostJson("processings/v2", new Dictionary<string, object?>
        {
            ["name"] = name,
            ["projectId"] = projectId,
            ["wdId"] = BuildingsId,
            ["geometry"] = geometry ?? Geometries.Square(37.61, 55.75, 0.5),
            ["meta"] = meta,
        }.Where(kv => kv.Value is not null).ToDictionary());

    protected static async Task<JsonNode> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a shape-1 error body: code, and string params.</summary>
    protected static void AssertError(JsonNode body, string code)
    {
        Assert.Equal(code, (string?)body["code"]);
        Assert.False(string.IsNullOrEmpty((string?)body["message"]));
        Assert.All(body["params"]!.AsObject(), p => Assert.Equal(JsonValueKind.String, p.Value!.GetValueKind()));
    }
}
