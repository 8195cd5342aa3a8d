using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.Client.Imagery;

/// <summary>
/// A read-only view of a file that reports how many bytes have been read from it so far, i.e. handed to the
/// connection. Seekable like the file, so the upload's Content-Length is known and nothing is buffered.
/// </summary>
internal sealed class ProgressStream : Stream
{
    private readonly Stream _inner;
    private readonly IProgress<long>? _progress;

    public ProgressStream(Stream inner, IProgress<long>? progress)
    {
        _inner = inner;
        _progress = progress;
    }

    public override bool CanRead => true;
    public override bool CanSeek => _inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Reported(_inner.Read(buffer, offset, count));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Reported(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

    private int Reported(int read)
    {
        _progress?.Report(_inner.Position);
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}
