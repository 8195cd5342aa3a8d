using System;
using System.Threading;

namespace Mapflow.Client;

/// <summary>Where the client's request log goes: PowerShell's verbose and debug streams, a test, or nowhere.</summary>
public interface IMapflowLog
{
    void Verbose(string message);
    void Debug(string message);

    /// <summary>Something the user should know although the call succeeded, e.g. an item of a listing left out.</summary>
    void Warning(string message);
}

/// <summary>
/// The log of the current logical call. It flows with async work, so requests made for one cmdlet
/// invocation report to that invocation even though the HTTP handlers are shared by the session.
/// </summary>
public static class MapflowLog
{
    private static readonly AsyncLocal<IMapflowLog?> CurrentLog = new();

    public static IDisposable Use(IMapflowLog log)
    {
        var previous = CurrentLog.Value;
        CurrentLog.Value = log;
        return new Restore(previous);
    }

    internal static void Verbose(string message) => CurrentLog.Value?.Verbose(message);

    internal static void Debug(string message) => CurrentLog.Value?.Debug(message);

    internal static void Warning(string message) => CurrentLog.Value?.Warning(message);

    private sealed class Restore : IDisposable
    {
        private readonly IMapflowLog? _previous;
        public Restore(IMapflowLog? previous) => _previous = previous;
        public void Dispose() => CurrentLog.Value = _previous;
    }
}
