namespace Mapflow.Emulator;

/// <summary>
/// Turns <see cref="ApiException"/> into the API's shape-1 JSON, and anything unexpected into a
/// 500 in the same shape, never a stack trace.
/// </summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await Write(context, e.Status, e.Body);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await Write(context, e.StatusCode, new ApiError("BAD_REQUEST", e.Message, new Dictionary<string, string>()));
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Unhandled error for {Method} {Path}", context.Request.Method, context.Request.Path);
            await Write(context, StatusCodes.Status500InternalServerError,
                new ApiError("INTERNAL_ERROR", "Internal server error", new Dictionary<string, string>()));
        }
    }

    private static Task Write(HttpContext context, int status, ApiError error)
    {
        context.Response.Clear();
        return Json.Error(error, status).ExecuteAsync(context);
    }
}
