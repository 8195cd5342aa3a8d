namespace Mapflow.Emulator;

/// <summary>The test-control routes under <c>/_emulator</c>: no auth, no faults, not logged.</summary>
internal static class ControlApi
{
    public const string Prefix = "/_emulator";

    public static bool Is(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
