using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.Client.Http;

/// <summary>
/// One read of a download's body that may take as long as bytes keep coming: it fails after <c>idle</c> without
/// any. A stall and a connection cut become the caller's own exceptions (worth a fresh download); a stop stays a stop.
/// </summary>
internal static class IdleRead
{
    public static async Task<int> ReadAsync(Stream body, byte[] buffer, TimeSpan idle, CancellationToken cancel,
        Func<Exception> stalled, Func<Exception, Exception> cut)
    {
        using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        readTimeout.CancelAfter(idle);
        try
        {
            return await body.ReadAsync(buffer, 0, buffer.Length, readTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            throw stalled();
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            cancel.ThrowIfCancellationRequested();
            throw cut(e);
        }
    }
}
