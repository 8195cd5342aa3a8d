using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;
using Mapflow.Client.Imagery;

namespace Mapflow.Client;

/// <summary>
/// The data catalog, "My imagery" (/rasters, mapflow-api.md §4.8): a service of its own with snake_case keys and
/// errors in shape 2 (<c>{"detail":{"code","parameters"}}</c>), which <see cref="MapflowApiException"/> reads too.
/// </summary>
public sealed partial class MapflowClient
{
    public Task<ImageryStorage> GetImageryStorageAsync(CancellationToken cancellationToken) =>
        GetJsonAsync<ImageryStorage>("rasters/memory", cancellationToken);

    /// <summary>The account's mosaics; with tags, those carrying any of them (the query's repeated <c>tags</c>).</summary>
    public Task<List<Mosaic>> GetMosaicsAsync(IEnumerable<string>? tags, CancellationToken cancellationToken) =>
        GetJsonAsync<List<Mosaic>>("rasters/mosaic" + Query((tags ?? Enumerable.Empty<string>()).Select(t => ("tags", t))), cancellationToken);

    public Task<Mosaic> GetMosaicAsync(Guid id, CancellationToken cancellationToken) =>
        GetJsonAsync<Mosaic>("rasters/mosaic/" + id, cancellationToken);

    /// <summary>POST /rasters/mosaic. Not retried: a lost answer could otherwise make two.</summary>
    public Task<Mosaic> CreateMosaicAsync(string name, IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        SendJsonAsync<Mosaic>(HttpMethod.Post, "rasters/mosaic", new { name, tags }, RequestKind.Create, false, cancellationToken);

    /// <summary>PUT /rasters/mosaic/{id}: both the name and the tags, which replace the old ones.</summary>
    public Task<Mosaic> UpdateMosaicAsync(Guid id, string name, IReadOnlyList<string> tags, CancellationToken cancellationToken) =>
        SendJsonAsync<Mosaic>(HttpMethod.Put, "rasters/mosaic/" + id, new { name, tags }, RequestKind.Api, true, cancellationToken);

    /// <summary>DELETE /rasters/mosaic/{id}: the mosaic and all its images, for good.</summary>
    public Task DeleteMosaicAsync(Guid id, CancellationToken cancellationToken) => DeleteAsync("rasters/mosaic/" + id, cancellationToken);

    public Task<List<Image>> GetImagesAsync(Guid mosaicId, CancellationToken cancellationToken) =>
        GetJsonAsync<List<Image>>($"rasters/mosaic/{mosaicId}/image", cancellationToken);

    public Task<Image> GetImageAsync(Guid id, CancellationToken cancellationToken) =>
        GetJsonAsync<Image>("rasters/image/" + id, cancellationToken);

    /// <summary>PUT /rasters/image/{id}?name=: the new name goes in the query, without a body (as QGIS sends it).</summary>
    public Task<Image> RenameImageAsync(Guid id, string name, CancellationToken cancellationToken) =>
        SendJsonAsync<Image>(HttpMethod.Put, $"rasters/image/{id}" + Query(new[] { ("name", name) }), null, RequestKind.Api, true, cancellationToken);

    public Task DeleteImageAsync(Guid id, CancellationToken cancellationToken) => DeleteAsync("rasters/image/" + id, cancellationToken);

    /// <summary>GET /rasters/image/{id}/download: a presigned link to the file, valid for <see cref="ImageDownloadLink.ExpiresIn"/> seconds.</summary>
    public Task<ImageDownloadLink> GetImageDownloadLinkAsync(Guid id, CancellationToken cancellationToken) =>
        GetJsonAsync<ImageDownloadLink>($"rasters/image/{id}/download", cancellationToken);

    /// <summary>
    /// Uploads a GeoTIFF to a mosaic and returns the image it became (see <see cref="ImageUploader"/>: streamed from
    /// disk, started again from its first byte after an unclear outcome unless the image is already there).
    /// </summary>
    public Task<Image> UploadImageAsync(Guid mosaicId, string path, IProgress<long>? progress, CancellationToken cancellationToken) =>
        new ImageUploader(this).UploadAsync(mosaicId, path, progress, cancellationToken);

    /// <summary>One POST of a file as the multipart part <c>file</c>, read from disk as it is sent; never retried here.</summary>
    internal async Task PostFileAsync(string path, string file, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var stream = new ProgressStream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), progress);
        using var part = new StreamContent(stream, 81920);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/tiff");
        using var form = new MultipartFormDataContent();
        form.Add(part, "file", Path.GetFileName(file));
        using var response = await SendAsync(HttpMethod.Post, path, form, RequestKind.Upload, false, acceptJson: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a GET of a presigned link and returns once the headers are in. The link is its own credential: the
    /// API's Authorization header is never sent with it, and only its path is ever logged or named in errors.
    /// </summary>
    internal async Task<HttpResponseMessage> OpenPresignedAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        return await SendRequestAsync(request, url.AbsolutePath, RequestKind.PresignedDownload, true, text => StorageErrorText(Options.Token.Redact(text)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// An object store's XML error echoes the signature, the string it signed and the request (S3's
    /// SignatureDoesNotMatch): of such a body only its Code and Message are kept.
    /// </summary>
    private static string StorageErrorText(string text)
    {
        if (text.IndexOf('<') < 0) return text;
        var code = Regex.Match(text, "<Code>([^<]*)</Code>");
        var message = Regex.Match(text, "<Message>([^<]*)</Message>");
        return code.Success ? code.Groups[1].Value + (message.Success ? ": " + message.Groups[1].Value : "") : "";
    }

    private static string Query(IEnumerable<(string Name, string Value)> parameters)
    {
        var text = string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
        return text.Length == 0 ? "" : "?" + text;
    }
}
