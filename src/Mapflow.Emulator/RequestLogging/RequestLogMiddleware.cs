using System.Buffers;
using System.Text;
using Mapflow.Emulator.Faults;
using Mapflow.Emulator.State;

namespace Mapflow.Emulator.RequestLogging;

/// <summary>
/// Logs each API request (not the control API): arrival time, path as sent, body of POST/PUT up to 1 MB (not of forms),
/// whether auth was present, missing or invalid, the Accept header, the final status (0 when aborted) and any injected fault.
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, EmulatorState state)
{
    private const int MaxLoggedBodyBytes = 1 << 20;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (ControlApi.Is(request.Path))
        {
            await next(context);
            return;
        }
        var arrival = DateTimeOffset.UtcNow;
        // An upload (multipart) is not logged: its bytes are a GeoTIFF, and buffering it would hold what the endpoint streams.
        var body = (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)) && !request.HasFormContentType ? await ReadBodyAsync(request) : null;
        var (_, authorization) = Auth.Authenticate(request, state.Users);
        var accept = request.Headers.Accept.Count > 0 ? request.Headers.Accept.ToString() : null;
        var slot = log.Begin(arrival, request.Method, request.PathBase.Add(request.Path).Value ?? "/", request.QueryString.Value ?? "", body, authorization, accept);
        try
        {
            await next(context);
        }
        finally
        {
            var aborted = context.Items.ContainsKey(FaultMiddleware.AbortedKey) || context.RequestAborted.IsCancellationRequested;
            log.Complete(slot, aborted ? 0 : context.Response.StatusCode, context.Items[FaultMiddleware.KindKey] as string);
        }
    }

    /// <summary>Reads the start of the body and rewinds it, so the endpoint still sees all of it.</summary>
    private static async Task<string> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var buffer = ArrayPool<byte>.Shared.Rent(MaxLoggedBodyBytes);
        try
        {
            var read = 0;
            int n;
            while (read < MaxLoggedBodyBytes
                   && (n = await request.Body.ReadAsync(buffer.AsMemory(read, MaxLoggedBodyBytes - read), request.HttpContext.RequestAborted)) > 0)
                read += n;
            request.Body.Position = 0;
            return Encoding.UTF8.GetString(buffer, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
