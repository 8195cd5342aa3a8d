using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using Mapflow.Client;

namespace Mapflow.PowerShell;

/// <summary>
/// The default session of each runspace: set by Connect-Mapflow, else built from MAPFLOW_TOKEN and
/// MAPFLOW_API_URL so a scheduled script needs no interactive step. Runspaces never share one.
/// </summary>
internal static class SessionStore
{
    private sealed class Slot
    {
        public MapflowSession? Connected;
        public MapflowSession? FromEnvironment;
        public string? EnvironmentKey;
    }

    private static readonly ConditionalWeakTable<Runspace, Slot> Slots = new();

    private static Slot Current => Slots.GetValue(Runspace.DefaultRunspace, _ => new Slot());

    public static MapflowSession? Connected
    {
        get => Current.Connected;
        // The previous session is not disposed: Connect-Mapflow -PassThru may have handed it to a script that
        // still uses it with -Session (two accounts side by side).
        set => Current.Connected = value;
    }

    /// <summary>The session a cmdlet uses: its -Session, else the connected one, else one from the environment.</summary>
    public static MapflowSession Resolve(MapflowSession? explicitSession)
    {
        if (explicitSession != null) return explicitSession;
        var slot = Current;
        if (slot.Connected != null) return slot.Connected;

        var token = Environment.GetEnvironmentVariable("MAPFLOW_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
            throw new NotConnectedException();
        var url = Environment.GetEnvironmentVariable("MAPFLOW_API_URL");
        // Keyed by a hash so the slot never keeps the token text itself.
        var key = $"{token!.GetHashCode()}|{url}";
        if (slot.FromEnvironment == null || slot.EnvironmentKey != key)
        {
            slot.FromEnvironment?.Dispose();
            slot.FromEnvironment = new MapflowSession(new MapflowClientOptions(new MapflowToken(token), ParseUrl(url)), "MAPFLOW_TOKEN");
            slot.EnvironmentKey = key;
        }
        return slot.FromEnvironment;
    }

    public static Uri? ParseUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return uri;
        throw new PSArgumentException($"'{url}' is not an http or https URL for the Mapflow API.");
    }
}

/// <summary>No -Session, no Connect-Mapflow and no MAPFLOW_TOKEN.</summary>
internal sealed class NotConnectedException : InvalidOperationException
{
    public NotConnectedException()
        : base("Not connected to Mapflow. Run Connect-Mapflow -Token <token>, or set $env:MAPFLOW_TOKEN (and $env:MAPFLOW_API_URL for another API).")
    {
    }
}
