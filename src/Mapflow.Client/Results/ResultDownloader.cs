using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;

namespace Mapflow.Client.Results;

/// <summary>
/// Streams a processing's result to disk: into a temporary file beside the target, checked to be a whole
/// FeatureCollection, then renamed into place. A file at its final name is therefore always complete, and
/// a stopped or failed download leaves nothing there. Truncated downloads start again from the beginning.
/// </summary>
public sealed class ResultDownloader
{
    private const int BufferSize = 81920;
    private readonly MapflowClient _client;
    private readonly RetryPolicy _policy;

    public ResultDownloader(MapflowClient client)
    {
        _client = client;
        _policy = new RetryPolicy(client.Options.Retry);
    }

    public async Task<SavedResult> DownloadAsync(Processing processing, Guid? aoiId, string? aoiName, string path, CancellationToken cancel)
    {
        var clock = _client.Options.TimeProvider;
        var started = clock.GetTimestamp();
        for (var retry = 1; ; retry++)
        {
            try
            {
                var saved = await DownloadOnceAsync(processing, aoiId, path, cancel).ConfigureAwait(false);
                saved.AoiName = aoiName;
                return saved;
            }
            catch (Exception e) when (IsRetryable(e) && !cancel.IsCancellationRequested)
            {
                var delay = _policy.NextDelay(retry, null, clock.GetElapsedTime(started));
                if (delay is null) throw;
                MapflowLog.Verbose($"Result of '{processing.Name}': {e.Message}; downloading again from the start in {delay.Value.TotalSeconds:0.0} s (retry {retry}).");
                await Task.Delay(delay.Value, cancel).ConfigureAwait(false);
            }
        }
    }

    private static bool IsRetryable(Exception e) => e is IOException or HttpRequestException or InvalidDataException or TimeoutException
        or MapflowResponseException or MapflowConnectionException
        || e is MapflowApiException api && RetryPolicy.IsTransient(api.StatusCode);

    private async Task<SavedResult> DownloadOnceAsync(Processing processing, Guid? aoiId, string path, CancellationToken cancel)
    {
        var temp = TemporaryPathFor(path);
        try
        {
            long length;
            string sha256;
            using (var response = await _client.OpenResultAsync(processing.Id, aoiId, cancel).ConfigureAwait(false))
            using (var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                if (response.Content.Headers.ContentType?.MediaType == "text/html")
                    throw new MapflowResponseException("GET", $"/processings/{processing.Id}/result", "an HTML page instead of GeoJSON");
                (length, sha256) = await CopyAsync(body, file, cancel).ConfigureAwait(false);
                var expected = response.Content.Headers.ContentLength;
                if (expected is { } l && l != length)
                    throw new IOException($"the result ended after {length} of {l} bytes");
            }

            long features;
            using (var check = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize))
                features = FeatureCollectionCheck.CountFeatures(check);

            MoveIntoPlace(temp, path);
            return new SavedResult
            {
                Path = path, ProcessingId = processing.Id, ProcessingName = processing.Name, AoiId = aoiId,
                FeatureCount = features, Length = length, Sha256 = sha256,
            };
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Copies while bytes keep flowing: each read gets the idle timeout, not the whole download.</summary>
    private async Task<(long Length, string Sha256)> CopyAsync(Stream body, Stream file, CancellationToken cancel)
    {
        var buffer = new byte[BufferSize];
        long total = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var idle = _client.Options.Timeouts.DownloadIdle;
        while (true)
        {
            int read;
            using (var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancel))
            {
                readTimeout.CancelAfter(idle);
                try
                {
                    read = await body.ReadAsync(buffer, 0, buffer.Length, readTimeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    throw new TimeoutException($"no result data arrived for {idle.TotalSeconds:0} s");
                }
            }
            if (read == 0) break;
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer, 0, read, cancel).ConfigureAwait(false);
            total += read;
        }
        return (total, BitConverter.ToString(hash.GetHashAndReset()).Replace("-", "").ToLowerInvariant());
    }

    public static string Sha256Of(string path)
    {
        using var sha = SHA256.Create();
        using var file = File.OpenRead(path);
        return BitConverter.ToString(sha.ComputeHash(file)).Replace("-", "").ToLowerInvariant();
    }

    /// <summary>A hidden file beside <paramref name="path"/>, so the final rename stays on one volume.</summary>
    internal static string TemporaryPathFor(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!,
            "." + System.IO.Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
    }

    internal static void MoveIntoPlace(string temp, string path)
    {
        // File.Move cannot overwrite on netstandard2.0; Replace swaps atomically when the target exists (-Force).
        if (File.Exists(path)) File.Replace(temp, path, null);
        else File.Move(temp, path);
    }
}
