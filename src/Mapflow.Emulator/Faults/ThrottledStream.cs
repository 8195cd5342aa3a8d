using System.Diagnostics;

namespace Mapflow.Emulator.Faults;

/// <summary>
/// A write-only wrapper that paces writes to about <c>bytesPerSecond</c>, in chunks of a twentieth of a
/// second, so a client sees a slow link. Stops as soon as the client goes away.
/// </summary>
internal sealed class ThrottledStream(Stream inner, int bytesPerSecond, CancellationToken aborted) : Stream
{
    private readonly int _chunkSize = Math.Max(1, bytesPerSecond / 20);
    private Stopwatch? _clock;
    private long _sent;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, aborted);
        _clock ??= Stopwatch.StartNew();
        while (!buffer.IsEmpty)
        {
            var chunk = buffer[..Math.Min(_chunkSize, buffer.Length)];
            await inner.WriteAsync(chunk, linked.Token);
            await inner.FlushAsync(linked.Token);
            _sent += chunk.Length;
            buffer = buffer[chunk.Length..];
            var wait = TimeSpan.FromSeconds((double)_sent / bytesPerSecond) - _clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, linked.Token);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override void Flush() => inner.Flush();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Use WriteAsync");
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
