using System;
using System.IO;
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
    private readonly MapflowClient _client;

    public ResultDownloader(MapflowClient client)
    {
        _client = client;
    }

    public async Task<SavedResult> DownloadAsync(Processing processing, Guid? aoiId, string? aoiName, string path, CancellationToken cancel)
    {
        // Failures before the body (statuses, connection, HTML page) were already retried by the HTTP handler;
        // retrying them here too would multiply the attempts. Only a body that went wrong is fetched again.
        var retry = new OperationRetry(_client.Options,
            e => e is IncompleteResultException,
            _ => null,
            (e, n, delay) => MapflowLog.Verbose($"Result of '{processing.Name}': {e.Message}; downloading again from the start in {delay.TotalSeconds:0.0} s (retry {n} of {_client.Options.Retry.MaxRetries})."));
        try
        {
            var saved = await retry.ExecuteAsync(attempt => DownloadOnceAsync(processing, aoiId, path, attempt), cancel).ConfigureAwait(false);
            saved.AoiName = aoiName;
            return saved;
        }
        catch (IncompleteResultException e)
        {
            throw e.Unwrap();
        }
    }

    private Task<SavedResult> DownloadOnceAsync(Processing processing, Guid? aoiId, string path, OperationRetry.OperationAttempt attempt) =>
        DownloadCopy.ThroughTemporaryAsync(path, async file =>
        {
            using var response = await _client.OpenResultAsync(processing.Id, aoiId, attempt.Cancel).ConfigureAwait(false);
            using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var expected = response.Content.Headers.ContentLength;
            var check = new FeatureCollectionScanner();
            var idle = _client.Options.Timeouts.DownloadIdle;
            // Checked and counted while it is hashed and written: one pass over the bytes, nothing read back.
            var (length, sha256) = await DownloadCopy.ToFileAsync(body, file, HashAlgorithmName.SHA256, idle, attempt,
                () => new IncompleteResultException(new TimeoutException($"no result data arrived for {idle.TotalSeconds:0.###} s")),
                (e, total) => new IncompleteResultException(new InvalidDataException(
                    $"the result was cut off after {total}{(expected is { } l ? $" of {l}" : "")} bytes: {(e.InnerException ?? e).Message}", e)),
                (buffer, read, _) => Checked(() => check.Append(new ReadOnlySpan<byte>(buffer, 0, read)))).ConfigureAwait(false);
            if (expected is { } announced && announced != length)
                throw new IncompleteResultException(new InvalidDataException($"the result ended after {length} of {announced} bytes"));
            return new SavedResult
            {
                Path = path, ProcessingId = processing.Id, ProcessingName = processing.Name, AoiId = aoiId,
                FeatureCount = Checked(check.Complete), Length = length, Sha256 = sha256,
            };
        });

    /// <summary>A body that is not a whole FeatureCollection is worth downloading again.</summary>
    private static T Checked<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (InvalidDataException e)
        {
            throw new IncompleteResultException(e);
        }
    }

    private static void Checked(Action check) => Checked(() => { check(); return 0; });

    public static string Sha256Of(string path)
    {
        using var sha = SHA256.Create();
        using var file = File.OpenRead(path);
        return Hex.Lower(sha.ComputeHash(file));
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
        if (File.Exists(path))
        {
            File.Replace(temp, path, null);
            return;
        }
        try
        {
            File.Move(temp, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another save (a second run into the same folder) put the same result there a moment ago.
            File.Replace(temp, path, null);
        }
    }
}

/// <summary>The body of a result went wrong after its headers (cut off, stalled, not a whole FeatureCollection): worth a fresh download.</summary>
internal sealed class IncompleteResultException : Exception
{
    public IncompleteResultException(Exception inner) : base(inner.Message, inner)
    {
    }

    /// <summary>What the caller sees once the retries are over: the failure itself (Result.Incomplete or a timeout).</summary>
    public Exception Unwrap() => InnerException!;
}
