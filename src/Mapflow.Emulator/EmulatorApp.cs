using Mapflow.Emulator.Endpoints;
using Mapflow.Emulator.Faults;
using Mapflow.Emulator.RequestLogging;
using Mapflow.Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Mapflow.Emulator;

/// <summary>
/// Builds the emulator of the Mapflow REST API. The API is served under <c>/rest</c> only, as the real one is
/// (https://api.mapflow.ai/rest), so a client that loses the prefix fails here as it would there. The test
/// controls (<c>/_emulator</c>) and the result layers' tileJSON (<c>/api/layers</c>, outside <c>/rest</c> in the
/// real service too) live at the root.
/// </summary>
public static class EmulatorApp
{
    public const string DefaultUrl = "http://127.0.0.1:5088";

    /// <summary>Creates the app without starting it. Throws <see cref="NonLoopbackUrlException"/> for a non-loopback --urls.</summary>
    public static WebApplication Create(string[] args)
    {
        var builder = LoopbackGuard.CreateBuilder(args, DefaultUrl);

        var options = builder.Configuration.GetSection(EmulatorOptions.Section).Get<EmulatorOptions>() ?? new EmulatorOptions();
        builder.Services.AddSingleton(new EmulatorState(options));
        builder.Services.AddSingleton(_ => new DataCatalogState(options));
        builder.Services.AddSingleton<FaultRegistry>();
        builder.Services.AddSingleton<RequestLog>();

        var app = builder.Build();
        app.UsePathBase("/rest");
        // Outermost first: the log sees the final status, faults wrap everything the API does, errors become JSON, then auth.
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        app.UseMiddleware<ApiErrorMiddleware>();
        app.Use((context, next) => context.Request.PathBase.HasValue || ControlApi.Is(context.Request.Path) || ResultEndpoints.IsLayerPath(context.Request.Path)
                                  || DataCatalogEndpoints.IsStoragePath(context.Request.Path)
            ? next(context)
            : throw new ApiException(StatusCodes.Status404NotFound, "NOT_FOUND", $"No such endpoint: {context.Request.Method} {context.Request.Path} (the API is under /rest)"));
        app.UseMiddleware<Auth.Middleware>();
        // Unknown routes (404) and wrong methods (405) get a shape-1 body too.
        app.UseStatusCodePages(context => Json.Error(
            new ApiError(context.HttpContext.Response.StatusCode == StatusCodes.Status405MethodNotAllowed ? "METHOD_NOT_ALLOWED" : "NOT_FOUND",
                $"No such endpoint: {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}", new Dictionary<string, string>()),
            context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        app.UseRouting();

        UserEndpoints.Map(app);
        ProjectEndpoints.Map(app);
        ProcessingEndpoints.Map(app);
        ProcessingV1Endpoints.Map(app);
        ProcessingActionEndpoints.Map(app);
        ResultEndpoints.Map(app);
        CostEndpoints.Map(app);
        DataCatalogEndpoints.Map(app);
        ControlEndpoints.Map(app);
        CatalogSearchEndpoints.Map(app);
        return app;
    }

    /// <summary>The address actually bound (with the real port when 0 was asked for). Call after the app has started.</summary>
    public static string ListeningAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    /// <summary>The API token of the first configured user.</summary>
    public static string DemoToken(WebApplication app) =>
        app.Services.GetRequiredService<EmulatorState>().Users[0].Token;
}
