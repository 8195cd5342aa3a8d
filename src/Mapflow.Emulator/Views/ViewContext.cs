using Mapflow.Emulator.State;

namespace Mapflow.Emulator.Views;

/// <summary>What every response mapping needs: one "now" per request, the emulator's own address for layer URLs, and the config in force.</summary>
internal sealed record ViewContext(DateTimeOffset Now, string BaseUrl, EmulatorConfig Config)
{
    public static ViewContext For(HttpRequest request) =>
        new(DateTimeOffset.UtcNow, $"{request.Scheme}://{request.Host}", request.HttpContext.RequestServices.GetRequiredService<EmulatorState>().Config);
}
