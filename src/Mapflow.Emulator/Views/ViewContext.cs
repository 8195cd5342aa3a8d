namespace Mapflow.Emulator.Views;

/// <summary>What every response mapping needs: one "now" per request, and the emulator's own address for layer URLs.</summary>
internal sealed record ViewContext(DateTimeOffset Now, string BaseUrl)
{
    public static ViewContext For(HttpRequest request) =>
        new(DateTimeOffset.UtcNow, $"{request.Scheme}://{request.Host}");
}
