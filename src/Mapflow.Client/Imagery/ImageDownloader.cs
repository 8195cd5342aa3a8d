using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;
using Mapflow.Client.Results;

namespace Mapflow.Client.Imagery;

/// <summary>
/// Saves an image's file through its presigned link (never with the API's credential): into a hidden temporary
/// file beside the target, checked against the image's size and SHA-1, then renamed into place, as results are
/// saved. A body cut short or of other bytes is fetched again from the start, with a fresh link.
/// </summary>
public sealed class ImageDownloader
{
    private readonly MapflowClient _client;

    public ImageDownloader(MapflowClient client) => _client = client;

    public async Task<SavedImage> DownloadAsync(Image image, string path, IProgress<long>? progress, CancellationToken cancel)
    {
        var retry = new OperationRetry(_client.Options,
            e => e is ImageFileException { Problem: ImageFileProblem.Incomplete },
            _ => null,
            (e, n, delay) => MapflowLog.Verbose($"Download of '{image.Filename}': {e.Message}; downloading again from the start in {delay.TotalSeconds:0.0} s (retry {n} of {_client.Options.Retry.MaxRetries})."));
        return await retry.ExecuteAsync(attempt => DownloadOnceAsync(image, path, progress, attempt), cancel).ConfigureAwait(false);
    }

    /// <summary>Whether <paramref name="path"/> holds the image's file already: its size and SHA-1.</summary>
    public static async Task<bool> IsSavedAsync(Image image, string path, CancellationToken cancel) =>
        File.Exists(path) && new FileInfo(path).Length == image.FileSize && !string.IsNullOrEmpty(image.Checksum)
        && string.Equals(await FileSha1.OfAsync(path, cancel).ConfigureAwait(false), image.Checksum, StringComparison.OrdinalIgnoreCase);

    private async Task<SavedImage> DownloadOnceAsync(Image image, string path, IProgress<long>? progress, OperationRetry.OperationAttempt attempt)
    {
        var cancel = attempt.Cancel;
        var link = await _client.GetImageDownloadLinkAsync(image.Id, cancel).ConfigureAwait(false);
        if (!Uri.TryCreate(link.DownloadUrl, UriKind.Absolute, out var url))
            throw new MapflowResponseException("GET", $"/rasters/image/{image.Id}/download", "the answer has no download_url");
        return await DownloadCopy.ThroughTemporaryAsync(path, async file =>
        {
            using var response = await _client.OpenPresignedAsync(url, cancel).ConfigureAwait(false);
            using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var idle = _client.Options.Timeouts.DownloadIdle;
            var (length, sha1) = await DownloadCopy.ToFileAsync(body, file, HashAlgorithmName.SHA1, idle, attempt,
                () => Incomplete(image.Filename, $"no data of '{image.Filename}' arrived for {idle.TotalSeconds:0.###} s"),
                (e, total) => Incomplete(image.Filename, $"the download of '{image.Filename}' was cut off after {total} bytes: {(e.InnerException ?? e).Message}"),
                (_, _, total) => progress?.Report(total)).ConfigureAwait(false);
            if (image.FileSize is { } size && size != length)
                throw Incomplete(path, $"the download of '{image.Filename}' gave {length} of its {size} bytes");
            if (!string.IsNullOrEmpty(image.Checksum) && !string.Equals(image.Checksum, sha1, StringComparison.OrdinalIgnoreCase))
                throw Incomplete(path, $"the bytes downloaded of '{image.Filename}' are not the image's (SHA-1 {sha1}, expected {image.Checksum})");
            return new SavedImage { Path = path, ImageId = image.Id, MosaicId = image.MosaicId, Filename = image.Filename, Length = length, Sha1 = sha1 };
        }).ConfigureAwait(false);
    }

    private static ImageFileException Incomplete(string path, string message) => new(path, ImageFileProblem.Incomplete, message);
}
