using System.Net;
using System.Text.Json;
using Xunit;

namespace Mapflow.Client.Tests;

/// <summary>A tile service's password goes on the wire and nowhere else: not in what is read back, nor in errors.</summary>
public sealed class SourceCredentialTests
{
    [Fact]
    public void An_echoed_tile_password_is_masked_when_a_processing_is_read()
    {
        var json = """
            {"id":"5f748822-c94a-4233-ae1e-7622973bf9b5","name":"x","status":"OK",
             "params":{"sourceParams":{"myImagery":null,"imagerySearch":null,"dataProvider":null,
               "userDefined":{"sourceType":"XYZ","url":"https://t/{z}/{x}/{y}","rasterLogin":"me","rasterPassword":"hunter2"}},"inferenceParams":null}}
            """;
        var processing = JsonSerializer.Deserialize<Processing>(json, MapflowJson.Options)!;
        var text = processing.Params!.Value.GetRawText();
        Assert.DoesNotContain("hunter2", text);
        Assert.Equal(SourceCredential.Mask, processing.Params.Value.GetProperty("sourceParams").GetProperty("userDefined").GetProperty("rasterPassword").GetString());
        Assert.Equal("me", processing.Params.Value.GetProperty("sourceParams").GetProperty("userDefined").GetProperty("rasterLogin").GetString());
    }

    [Fact]
    public void A_request_shows_no_password_as_text()
    {
        var source = new SourceParams { UserDefined = new UserDefinedSource { SourceType = "XYZ", Url = "https://t.example/{z}/{x}/{y}?k=1", RasterPassword = "hunter2" } };
        Assert.Equal("XYZ tiles from t.example", source.ToString());
        var wire = JsonSerializer.Serialize(new ProcessingParams { SourceParams = source }, MapflowJson.Options);
        Assert.Equal("""{"sourceParams":{"userDefined":{"sourceType":"XYZ","url":"https://t.example/{z}/{x}/{y}?k=1","rasterPassword":"hunter2"}}}""", wire);
    }

    [Fact]
    public async Task An_error_that_echoes_the_request_does_not_carry_the_password()
    {
        const string password = "hunter2-\u00e9";
        // The password as JSON text would carry it (é escaped), and the request body echoed whole.
        using var api = new StubApi(request => new StubApi.Answer(400,
            "{\"code\":\"BAD_REQUEST\",\"message\":\"bad source " + password + " in " + request.Body.Replace("\"", "'") + "\"," +
            "\"params\":{\"rasterPassword\":\"" + password + "\"}}"));
        using var client = api.Client();
        var request = new ProcessingRequest
        {
            Name = "x",
            Params = new ProcessingParams { SourceParams = { UserDefined = new UserDefinedSource { SourceType = "XYZ", Url = "https://t/{z}/{x}/{y}", RasterPassword = "hunter2-é" } } },
        };

        var create = await Assert.ThrowsAsync<MapflowApiException>(() => client.CreateProcessingAsync(request, CancellationToken.None));
        var cost = await Assert.ThrowsAsync<MapflowApiException>(() => client.GetProcessingCostAsync(request, CancellationToken.None));

        foreach (var error in new[] { create, cost })
        {
            Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
            Assert.DoesNotContain("hunter2", error.ToString());
            Assert.DoesNotContain("hunter2", error.ParametersText);
            Assert.Contains(SourceCredential.Mask, error.Message);
        }
        Assert.Contains("hunter2-é", api.Requests.First().Body);
    }
}
