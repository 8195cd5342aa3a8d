using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;
using Mapflow.Client.Json;
using Polly.Timeout;

namespace Mapflow.Client;

/// <summary>
/// Typed access to the Mapflow processing API. One instance per connection; thread-safe, so many calls may run at once.
/// </summary>
public sealed partial class MapflowClient : IDisposable
{
    private readonly MapflowHttp _http;
    private readonly string _base;

    public MapflowClient(MapflowClientOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        _http = new MapflowHttp(options);
        _base = options.ApiUrl.AbsoluteUri.TrimEnd('/') + "/";
    }

    public MapflowClientOptions Options { get; }

    public Task<Account> GetAccountAsync(CancellationToken cancellationToken) =>
        GetJsonAsync<Account>("user/status", cancellationToken);

    /// <summary>GET /version: plain text.</summary>
    public async Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "version", null, RequestKind.Api, true, acceptJson: false, cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Trim();
    }

    public Task<List<Project>> GetProjectsAsync(CancellationToken cancellationToken) =>
        GetJsonAsync<List<Project>>("projects", cancellationToken);

    public Task<Project> GetProjectAsync(Guid id, CancellationToken cancellationToken) =>
        GetJsonAsync<Project>("projects/" + id, cancellationToken);

    public Task<Project> GetDefaultProjectAsync(CancellationToken cancellationToken) =>
        GetJsonAsync<Project>("projects/default", cancellationToken);

    /// <summary>Creates a project. Not retried: a lost answer could otherwise create two.</summary>
    public Task<Project> CreateProjectAsync(string name, string? description, CancellationToken cancellationToken) =>
        SendJsonAsync<Project>(HttpMethod.Post, "projects", new { name, description }, RequestKind.Create, false, cancellationToken);

    public Task<Processing> GetProcessingAsync(Guid id, CancellationToken cancellationToken) =>
        GetJsonAsync<Processing>($"processings/{id}/v2", cancellationToken);

    /// <summary>PUT /projects/{id}: a new name or description; what is null stays as it is.</summary>
    public Task<Project> UpdateProjectAsync(Guid id, string? name, string? description, CancellationToken cancellationToken) =>
        SendJsonAsync<Project>(HttpMethod.Put, "projects/" + id, new { name, description }, RequestKind.Api, true, cancellationToken);

    /// <summary>DELETE /projects/{id}: the project with its processings and their results. The default project cannot go.</summary>
    public Task DeleteProjectAsync(Guid id, CancellationToken cancellationToken) => DeleteAsync("projects/" + id, cancellationToken);

    /// <summary>POST /projects/{id}/processings/v2/page: the QGIS poll target. A read, so it is retried like a GET.</summary>
    public Task<Page<Processing>> GetProcessingPageAsync(Guid projectId, int offset, int limit, string? terms, string sortBy, string sortOrder,
        CancellationToken cancellationToken) =>
        SendJsonAsync<Page<Processing>>(HttpMethod.Post, $"projects/{projectId}/processings/v2/page",
            new { limit, offset, terms = string.IsNullOrEmpty(terms) ? null : terms, sortBy, sortOrder },
            RequestKind.Api, true, cancellationToken);

    /// <summary>
    /// Every processing of a project, oldest (or newest) first, one page at a time; stop enumerating to stop paging.
    /// A server may cap the page size without saying so, so paging follows what came back and the page's total,
    /// never the size asked for; each processing comes once even when the order shifts between pages.
    /// </summary>
    public IAsyncEnumerable<Processing> GetProcessingsAsync(Guid projectId, string? terms, int pageSize, bool newestFirst, CancellationToken cancellationToken) =>
        AllPagesAsync((offset, cancel) => GetProcessingPageAsync(projectId, offset, pageSize, terms, "CREATED", newestFirst ? "DESC" : "ASC", cancel),
            p => p.Id, cancellationToken);

    /// <summary>Every item of a paged listing (a <see cref="Page{T}"/> of results and total), as <see cref="OffsetPages"/> reads it.</summary>
    private static async IAsyncEnumerable<T> AllPagesAsync<T>(Func<int, CancellationToken, Task<Page<T>>> readPage, Func<T, Guid> idOf,
        [EnumeratorCancellation] CancellationToken cancellationToken) where T : class
    {
        await foreach (var item in OffsetPages.ReadAsync(async offset =>
                           {
                               var page = await readPage(offset, cancellationToken).ConfigureAwait(false);
                               return new OffsetPage<T>(page.Results, page.Returned, page.Total);
                           }, idOf, cancellationToken).ConfigureAwait(false))
            yield return item;
    }

    /// <summary>
    /// A project's processings, newest (or oldest) first, a page at a time to <paramref name="take"/> until it returns
    /// true or the pages end. Once the first page tells the total and the page size the server allows, the later pages
    /// are read <see cref="ConcurrentPageReads"/> at a time, so a window may read a few pages past the one that was
    /// enough. Without a total, one page at a time. <paramref name="take"/> is called for one page at a time, in order,
    /// with the page's total (null without one); a processing may come twice when the order shifts between pages.
    /// </summary>
    public async Task ReadPagesAsync(Guid projectId, int pageSize, bool newestFirst, Func<IReadOnlyList<Processing>, int?, bool> take,
        CancellationToken cancellationToken)
    {
        var order = newestFirst ? "DESC" : "ASC";
        var first = await GetProcessingPageAsync(projectId, 0, pageSize, null, "CREATED", order, cancellationToken).ConfigureAwait(false);
        if (take(first.Results, first.Total) || first.Returned == 0) return;
        if (first.Total is not { } total)
        {
            // No total to plan by: page on one at a time (the enumeration knows when to stop), from the start again.
            var page = new List<Processing>(first.Returned);
            await foreach (var processing in GetProcessingsAsync(projectId, null, pageSize, newestFirst, cancellationToken).ConfigureAwait(false))
            {
                page.Add(processing);
                if (page.Count < first.Returned) continue;
                if (take(page, null)) return;
                page = new List<Processing>(first.Returned);
            }
            if (page.Count > 0) take(page, null);
            return;
        }
        var offsets = new Queue<int>();
        for (var offset = first.Returned; offset < total; offset += first.Returned) offsets.Enqueue(offset);
        while (offsets.Count > 0)
        {
            var window = Enumerable.Range(0, Math.Min(ConcurrentPageReads, offsets.Count))
                .Select(_ => GetProcessingPageAsync(projectId, offsets.Dequeue(), pageSize, null, "CREATED", order, cancellationToken)).ToList();
            foreach (var page in await Task.WhenAll(window).ConfigureAwait(false))
                if (take(page.Results, page.Total)) return;
        }
    }

    /// <summary>How many listing pages <see cref="ReadPagesAsync"/> reads at once.</summary>
    public const int ConcurrentPageReads = 8;

    /// <summary>POST /processings/v2. Never retried here: after an unclear outcome the caller looks the start up by its key.</summary>
    public Task<Processing> CreateProcessingAsync(ProcessingRequest request, CancellationToken cancellationToken) =>
        SendJsonAsync<Processing>(HttpMethod.Post, "processings/v2", request, RequestKind.Create, false, cancellationToken);

    /// <summary>
    /// POST /processings/{id}/restart/v2: Mapflow runs the failed parts of a FAILED processing again, each from its
    /// first failed stage. Never retried here: a second restart of one that did restart is refused as not FAILED.
    /// </summary>
    public Task<Processing> RestartProcessingAsync(Guid id, CancellationToken cancellationToken) =>
        SendJsonAsync<Processing>(HttpMethod.Post, $"processings/{id}/restart/v2", null, RequestKind.Api, false, cancellationToken);

    /// <summary>DELETE /processings/{id}: the processing and its results, for good.</summary>
    public Task DeleteProcessingAsync(Guid id, CancellationToken cancellationToken) => DeleteAsync($"processings/{id}", cancellationToken);

    /// <summary>POST /processing/cost/v2 with the same body as a create; the answer is a bare number of credits as text, maybe fractional.</summary>
    public async Task<double> GetProcessingCostAsync(ProcessingRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, "processing/cost/v2", request, RequestKind.Api, true, acceptJson: false, cancellationToken).ConfigureAwait(false);
        var text = (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Trim();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var cost))
            throw new MapflowResponseException("POST", "/processing/cost/v2", $"expected a number, got '{Truncate(Options.Token.Redact(text))}'");
        return cost;
    }

    /// <summary>
    /// Starts GET /processings/{id}/result and returns once the headers are in; the caller streams the body. A file
    /// download (octet-stream), so no JSON Accept header: a server that honours Accept would refuse one.
    /// </summary>
    public async Task<HttpResponseMessage> OpenResultAsync(Guid id, Guid? aoiId, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, $"processings/{id}/result" + (aoiId is { } a ? "?aoiId=" + a : ""), null, RequestKind.Download, true,
            acceptJson: false, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return response;
        response.Dispose();
        throw new MapflowResponseException("GET", $"/processings/{id}/result", "an HTML page instead of GeoJSON");
    }

    /// <summary>A DELETE, retried like a read (deleting twice leaves the same state); its body is not read.</summary>
    private async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Delete, path, null, RequestKind.Api, true, acceptJson: false, cancellationToken).ConfigureAwait(false);
    }

    private Task<T> GetJsonAsync<T>(string path, CancellationToken cancellationToken) =>
        SendJsonAsync<T>(HttpMethod.Get, path, null, RequestKind.Api, true, cancellationToken);

    /// <summary>
    /// Reads a JSON answer tolerantly (see <see cref="MapflowJson"/>). Items of a list that could not be read are
    /// left out with a warning; a body that is no JSON at all is a <see cref="MapflowResponseException"/> that says
    /// whether it was cut short, broken, or of another shape.
    /// </summary>
    private async Task<T> SendJsonAsync<T>(HttpMethod method, string path, object? body, RequestKind kind, bool idempotent, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, kind, idempotent, acceptJson: true, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        SkippedItems.Clear();
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, MapflowJson.Options)
                   ?? throw new MapflowResponseException(method.Method, "/" + path, "the body was JSON null");
        }
        catch (JsonException e)
        {
            throw new MapflowResponseException(method.Method, "/" + path, JsonProblem(bytes, e), e);
        }
        finally
        {
            foreach (var note in SkippedItems.Take())
                MapflowLog.Warning($"Mapflow API {method} /{path}: {Options.Token.Redact(note)}.");
        }
    }

    /// <summary>Why a body could not be read: "truncated" only when every byte was valid JSON and it stops inside a value.</summary>
    private string JsonProblem(byte[] body, JsonException e)
    {
        var detail = Options.Token.Redact(e.Message);
        try
        {
            using (JsonDocument.Parse(body)) { }
            return $"JSON of an unexpected shape ({detail})";
        }
        catch (JsonException)
        {
            // Not a whole JSON document: cut short, or broken?
        }
        var reader = new Utf8JsonReader(body, isFinalBlock: false, state: default);
        try
        {
            while (reader.Read()) { }
        }
        catch (JsonException)
        {
            return $"malformed JSON ({detail})";
        }
        return body.Length == 0 ? "an empty body" : $"JSON that stops before it is complete, after {body.Length} bytes (cut short)";
    }

    /// <param name="body">Sent as JSON; an <see cref="HttpContent"/> (an upload) is sent as it is.</param>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, RequestKind kind, bool idempotent, bool acceptJson,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, _base + path);
        request.Headers.TryAddWithoutValidation("Authorization", Options.Token.HeaderValue);
        // JSON is asked for only where JSON comes back; /result is a file, /version and the cost are text.
        if (acceptJson) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is HttpContent content)
        {
            request.Content = content;
        }
        else if (body != null)
        {
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), MapflowJson.Options));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        return await SendRequestAsync(request, "/" + path, kind, idempotent, Redaction(body), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends <paramref name="request"/> through the resilience pipeline; a failure becomes the client's exceptions,
    /// naming <paramref name="named"/>, their texts scrubbed by <paramref name="redact"/>.
    /// </summary>
    private async Task<HttpResponseMessage> SendRequestAsync(HttpRequestMessage request, string named, RequestKind kind, bool idempotent,
        Func<string, string> redact, CancellationToken cancellationToken)
    {
        var method = request.Method;
        var path = named.TrimStart('/');
        new RequestInfo(kind, idempotent).AttachTo(request);

        HttpResponseMessage response;
        try
        {
            response = await _http.Client.SendAsync(request,
                kind is RequestKind.Download or RequestKind.PresignedDownload ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead,
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"Mapflow API {method} /{path} did not answer in time{Retries(request)}.", e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new MapflowConnectionException(method.Method, "/" + path, _http.UsesProxy(request.RequestUri!), e);
        }

        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            // Only a proxy answers 407: say so, rather than report it as an error of the API.
            if (response.StatusCode == HttpStatusCode.ProxyAuthenticationRequired)
                throw new MapflowConnectionException(method.Method, "/" + path, viaProxy: true,
                    new HttpRequestException("it answered 407 Proxy Authentication Required; pass Connect-Mapflow -ProxyCredential (or user:password in the -Proxy or HTTPS_PROXY URL)"));
            var error = await ToApiExceptionAsync(response, redact, method.Method, "/" + path, Retries(request)).ConfigureAwait(false);
            if (error is MapflowApiException api) api.RetryAfter = RetryPolicy.RetryAfter(response, Options.TimeProvider.GetUtcNow());
            throw error;
        }
    }

    private static string Retries(HttpRequestMessage request) =>
        request.Properties.TryGetValue(ResilienceHandler.AttemptsProperty, out var a) && a is int attempts && attempts > 1
            ? $" after {attempts - 1} retr{(attempts == 2 ? "y" : "ies")}"
            : "";

    /// <summary>
    /// What error texts are scrubbed of: the API token, and a tile service's password the request carries, since an
    /// error body may echo the request it refuses.
    /// </summary>
    private Func<string, string> Redaction(object? body)
    {
        var password = (body as ProcessingRequest)?.Params?.SourceParams.UserDefined?.RasterPassword;
        return string.IsNullOrEmpty(password) ? Options.Token.Redact : text => Options.Token.Redact(text).Replace(password, SourceCredential.Mask);
    }

    private static async Task<Exception> ToApiExceptionAsync(HttpResponseMessage response, Func<string, string> redact, string method, string path, string retries)
    {
        var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        string? code = null, message = null;
        var parameters = new Dictionary<string, string>();
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            // Data-catalog errors nest the same fields under "detail" (shape 2).
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object) root = detail;
            // A gateway or the API may echo the rejected request, Authorization header included, in any of these
            // (nested params too): every string taken from the body is scrubbed before it goes anywhere.
            if (root.ValueKind == JsonValueKind.Object)
            {
                code = Scrub(redact, Text(root, "code"));
                message = Scrub(redact, Text(root, "message"));
                foreach (var name in new[] { "params", "parameters" })
                    if (root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object)
                        foreach (var property in p.EnumerateObject())
                            parameters[redact(property.Name)] = redact(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
            }
        }
        catch (JsonException)
        {
            message = string.IsNullOrWhiteSpace(text) || response.StatusCode == HttpStatusCode.Unauthorized ? null : Truncate(redact(text));
        }
        if (!string.IsNullOrEmpty(retries)) message = (message ?? Scrub(redact, response.ReasonPhrase)) + $" ({retries.Trim()})";
        return response.StatusCode == HttpStatusCode.Unauthorized || response.StatusCode == HttpStatusCode.Forbidden && IsAccountRead(method, path)
            ? new MapflowAuthenticationException(response.StatusCode, method, path, code, message, parameters)
            : new MapflowApiException(response.StatusCode, method, path, code, message, parameters);
    }

    /// <summary>
    /// The reads whose 403 refuses the account itself: its status and its own default project. Any other 403 (a
    /// provider outside the plan, a read-only member's start, a project not shared with the account) concerns its
    /// request alone; a command that cannot go on without that request still ends, with the same id.
    /// </summary>
    private static bool IsAccountRead(string method, string path) =>
        method == "GET" && path is "/user/status" or "/projects/default";

    private static string? Scrub(Func<string, string> redact, string? text) => text is null ? null : redact(text);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static string Truncate(string text) => text.Length <= 300 ? text : text.Substring(0, 300) + "…";

    public void Dispose() => _http.Dispose();
}
