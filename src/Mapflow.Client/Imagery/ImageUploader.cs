using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;

namespace Mapflow.Client.Imagery;

/// <summary>
/// Uploads one GeoTIFF to a mosaic. The file is streamed from disk; the answer names only the mosaic
/// (<c>{"message","mosaic_id"}</c>), so the image is then found in the mosaic's list: one that was not there
/// before, with the file's SHA-1 and size (its name preferred, as a server may store an encoded one). After an
/// unclear outcome (no answer, a timeout, a 5xx) the server may have kept the file: before sending it again, from
/// its first byte, the mosaic's list is searched the same way, so a retry never makes a second image.
/// </summary>
internal sealed class ImageUploader
{
    private readonly MapflowClient _client;

    public ImageUploader(MapflowClient client) => _client = client;

    public async Task<Image> UploadAsync(Guid mosaicId, string path, IProgress<long>? progress, CancellationToken cancel)
    {
        var name = Path.GetFileName(path);
        var sha1 = await FileSha1.OfAsync(path, cancel).ConfigureAwait(false);
        var length = new FileInfo(path).Length;
        // Copies already in the mosaic (the same file uploaded before) are never taken for this upload.
        var before = new HashSet<Guid>((await _client.GetImagesAsync(mosaicId, cancel).ConfigureAwait(false)).Select(i => i.Id));
        var retry = new OperationRetry(_client.Options, IsUnclear, e => (e as MapflowApiException)?.RetryAfter,
            (e, n, delay) => MapflowLog.Verbose($"Upload of '{name}': {e.Message}; looking for it in the mosaic, then sending it again from the start in {delay.TotalSeconds:0.0} s (retry {n} of {_client.Options.Retry.MaxRetries})."));
        var image = await retry.ExecuteAsync(async attempt =>
        {
            if (attempt.Number > 0)
            {
                progress?.Report(0);
                if (await FindAsync(mosaicId, name, sha1, length, before, attempt.Cancel).ConfigureAwait(false) is { } kept)
                {
                    MapflowLog.Verbose($"Upload of '{name}': the mosaic has it already ({kept.Id}); not sent again.");
                    progress?.Report(length);
                    return kept;
                }
            }
            await _client.PostFileAsync($"rasters/mosaic/{mosaicId}/image", path, progress, attempt.Cancel).ConfigureAwait(false);
            // Not found after a clear success is no reason to send the file again: it is reported below, not retried.
            return await FindAsync(mosaicId, name, sha1, length, before, attempt.Cancel).ConfigureAwait(false);
        }, cancel).ConfigureAwait(false);
        return image ?? throw new MapflowResponseException("POST", $"/rasters/mosaic/{mosaicId}/image",
            $"the upload of '{name}' was accepted, but the mosaic lists no image with its name and checksum");
    }

    /// <summary>The image of the mosaic that is this upload: new since it began, with its SHA-1 and size; its name first, then the newest.</summary>
    private async Task<Image?> FindAsync(Guid mosaicId, string name, string sha1, long length, ISet<Guid> before, CancellationToken cancel) =>
        (await _client.GetImagesAsync(mosaicId, cancel).ConfigureAwait(false))
        .Where(i => !before.Contains(i.Id) && string.Equals(i.Checksum, sha1, StringComparison.OrdinalIgnoreCase) && (i.FileSize is null || i.FileSize == length))
        .OrderByDescending(i => string.Equals(i.Filename, name, StringComparison.Ordinal))
        .ThenByDescending(i => i.Uploaded)
        .FirstOrDefault();

    /// <summary>Whether the server may have kept the file although no success came back.</summary>
    private static bool IsUnclear(Exception e) => e switch
    {
        MapflowConnectionException or TimeoutException or MapflowResponseException => true,
        MapflowApiException api => (int)api.StatusCode >= 500 || api.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
