using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Mapflow.Client.Results;

namespace Mapflow.Client.Http;

/// <summary>How results and images reach the disk: through a hidden temporary file, in one hashed pass over the bytes.</summary>
internal static class DownloadCopy
{
    private const int BufferSize = 81920;

    /// <summary>
    /// Writes <paramref name="path"/> through a hidden temporary file beside it, held exclusively from the first byte
    /// until <paramref name="write"/> has checked it, then renamed into place: a file at its final name is always
    /// whole, and a failure leaves nothing. A disk error names the file the user asked for, not the temporary one.
    /// </summary>
    public static async Task<T> ThroughTemporaryAsync<T>(string path, Func<FileStream, Task<T>> write)
    {
        var temp = ResultDownloader.TemporaryPathFor(path);
        try
        {
            T written;
            // Unbuffered: every write is a whole download buffer already.
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: false))
                written = await write(file).ConfigureAwait(false);
            ResultDownloader.MoveIntoPlace(temp, path);
            return written;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"'{path}' could not be written: {e.Message.Replace(temp, path)}", e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Copies while bytes keep flowing (each read gets the idle timeout, not the whole download), hashing each chunk
    /// and handing it to <paramref name="chunk"/> (a check, a progress report, with the total so far) on its way to
    /// the file. A stall and a cut become the caller's exceptions, worth a fresh download.
    /// </summary>
    public static async Task<(long Length, string Hash)> ToFileAsync(Stream body, Stream file, HashAlgorithmName algorithm, TimeSpan idle,
        OperationRetry.OperationAttempt attempt, Func<Exception> stalled, Func<Exception, long, Exception> cut, Action<byte[], int, long>? chunk = null)
    {
        var cancel = attempt.Cancel;
        var buffer = new byte[BufferSize];
        long total = 0;
        using var hash = IncrementalHash.CreateHash(algorithm);
        while (true)
        {
            var read = await IdleRead.ReadAsync(body, buffer, idle, cancel, stalled, e => cut(e, total)).ConfigureAwait(false);
            if (read == 0) break;
            attempt.Progressed();
            hash.AppendData(buffer, 0, read);
            file.Write(buffer, 0, read);
            total += read;
            chunk?.Invoke(buffer, read, total);
        }
        return (total, Hex.Lower(hash.GetHashAndReset()));
    }
}
