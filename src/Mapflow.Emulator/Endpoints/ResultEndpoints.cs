using Mapflow.Emulator.VectorResults;
using Mapflow.Emulator.State;
using Mapflow.Emulator.Views;

namespace Mapflow.Emulator.Endpoints;

/// <summary>AOIs and vector results of a processing (§4.6), and the tileJSON of its result layer (§4.7).</summary>
internal static class ResultEndpoints
{
    // Up to this many features a result is generated into memory first, to send a Content-Length; beyond it, chunked.
    private const int MaxBufferedFeatures = 10_000;

    /// <summary>The tileJSON of result layers, served outside <c>/rest</c> like app.mapflow.ai/api/layers.</summary>
    public static bool IsLayerPath(PathString path) => path.StartsWithSegments("/api/layers", StringComparison.OrdinalIgnoreCase);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/processings/{id}/aois", (HttpContext context, string id, EmulatorState state) =>
            Json.Ok(ProcessingView.Aois(state.GetProcessing(Auth.User(context), id), ViewContext.For(context.Request))));

        app.MapGet("/processings/{id}/result", WriteResultAsync);

        app.MapGet("/api/layers/{layerId}.json", (HttpContext context, string layerId, EmulatorState state) =>
        {
            var processing = Guid.TryParse(layerId, out var guid) ? state.ProcessingByVectorLayer(Auth.User(context), guid) : null;
            if (processing is null)
                throw ApiException.NotFound("Layer", layerId);
            var layer = ProcessingView.VectorLayer(processing, ViewContext.For(context.Request));
            var bounds = processing.Aois.Select(a => a.Geometry.EnvelopeInternal).Aggregate((a, b) => a.ExpandedBy(b));
            return Json.Ok(new
            {
                tilejson = "2.2.0",
                name = layer.Name,
                tiles = new[] { layer.TileUrl },
                minzoom = 0,
                maxzoom = 18,
                bounds = new[] { bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY },
            });
        });
    }

    /// <summary>Only an OK processing has a result; it is served as an octet stream, like the real API.</summary>
    private static async Task WriteResultAsync(HttpContext context, string id, EmulatorState state)
    {
        var processing = state.GetProcessing(Auth.User(context), id);
        ContentNegotiation.Require(context.Request, "application/octet-stream");
        var aoiId = AoiFilter(context.Request, processing);
        var status = Lifecycle.At(processing, DateTimeOffset.UtcNow).Status;
        if (status != ProcessingStatus.Ok)
            throw new ApiException(StatusCodes.Status400BadRequest, ApiException.GenericCode,
                $"Processing {id} is not completed: status {status}", new Dictionary<string, string> { ["status"] = status });

        var response = context.Response;
        response.ContentType = "application/octet-stream";
        var features = (aoiId is null ? processing.Aois.Count : 1) * processing.FeaturesPerAoi;
        if (features > MaxBufferedFeatures)
        {
            await ResultWriter.WriteAsync(response.Body, processing, aoiId, context.RequestAborted);
            return;
        }
        using var buffer = new MemoryStream();
        await ResultWriter.WriteAsync(buffer, processing, aoiId, context.RequestAborted);
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, context.RequestAborted);
    }

    private static Guid? AoiFilter(HttpRequest request, Processing processing)
    {
        var raw = request.Query["aoiId"].ToString();
        if (raw.Length == 0)
            return null;
        return Guid.TryParse(raw, out var aoiId) && processing.Aois.Any(a => a.Id == aoiId)
            ? aoiId
            : throw ApiException.NotFound("AOI", raw);
    }
}
