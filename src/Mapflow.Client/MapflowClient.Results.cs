using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Results;

namespace Mapflow.Client;

/// <summary>A processing's AOIs and its result read as features (mapflow-api.md §4.6).</summary>
public sealed partial class MapflowClient
{
    /// <summary>GET /processings/{id}/aois: a bare array, in no documented order; each AOI is told its processing.</summary>
    public async Task<List<ProcessingAoi>> GetProcessingAoisAsync(Guid id, CancellationToken cancellationToken)
    {
        var aois = await GetJsonAsync<List<ProcessingAoi>>($"processings/{id}/aois", cancellationToken).ConfigureAwait(false);
        foreach (var aoi in aois) aoi.ProcessingId = id;
        return aois;
    }

    /// <summary>
    /// Reads GET /processings/{id}/result[?aoiId=] one feature at a time as the body arrives, handing each to
    /// <paramref name="onFeature"/> (on this call's thread) before the next is read; never the whole body at once.
    /// Returns the number of features. Unlike a save, a body cut short is not read again (its first features were
    /// handed on already): it is an <see cref="InvalidDataException"/> after them.
    /// </summary>
    public async Task<long> ReadResultFeaturesAsync(Guid id, Guid? aoiId, Action<ResultFeature> onFeature, CancellationToken cancellationToken)
    {
        using var response = await OpenResultAsync(id, aoiId, cancellationToken).ConfigureAwait(false);
        using var body = new ResultBodyStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), Options.Timeouts.DownloadIdle, cancellationToken);
        try
        {
            return FeatureCollectionCheck.ReadFeatures(body, bytes => onFeature(ResultFeature.Parse(bytes, id, aoiId)));
        }
        catch (InvalidDataException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidDataException($"The result of processing {id}{(aoiId is { } a ? $" (AOI {a})" : "")} could not be read to its end: {e.Message}", e);
        }
    }

    /// <summary>
    /// The result body for the synchronous feature reader: each read waits at most the idle timeout (not the whole
    /// download) and gives up when the command is stopped; a connection lost midway is a body cut short.
    /// </summary>
    private sealed class ResultBodyStream : Stream
    {
        private readonly Stream _inner;
        private readonly TimeSpan _idle;
        private readonly CancellationToken _cancel;
        private long _read;

        public ResultBodyStream(Stream inner, TimeSpan idle, CancellationToken cancel) => (_inner, _idle, _cancel) = (inner, idle, cancel);

        public override int Read(byte[] buffer, int offset, int count)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancel);
            timeout.CancelAfter(_idle);
            try
            {
                var read = _inner.ReadAsync(buffer, offset, count, timeout.Token).GetAwaiter().GetResult();
                _read += read;
                return read;
            }
            catch (OperationCanceledException) when (!_cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"No result data arrived for {_idle.TotalSeconds:0.###} s, after {_read} bytes.");
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !_cancel.IsCancellationRequested)
            {
                throw new InvalidDataException($"the result was cut off after {_read} bytes: {(e.InnerException ?? e).Message}", e);
            }
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
