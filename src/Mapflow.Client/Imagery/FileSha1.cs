using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.Client.Imagery;

/// <summary>The SHA-1 of a file in lower-case hex, as the data catalog gives an image's checksum.</summary>
internal static class FileSha1
{
    public static async Task<string> OfAsync(string path, CancellationToken cancel)
    {
        using var sha1 = SHA1.Create();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        var buffer = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(buffer, 0, buffer.Length, cancel).ConfigureAwait(false)) > 0)
            sha1.TransformBlock(buffer, 0, read, null, 0);
        sha1.TransformFinalBlock(buffer, 0, 0);
        return Hex.Lower(sha1.Hash!);
    }
}
