using System;
using System.Net;

namespace Mapflow.Client;

/// <summary>How one client talks to one Mapflow API: where, as whom, through which proxy, how patiently.</summary>
public sealed class MapflowClientOptions
{
    public static readonly Uri DefaultApiUrl = new("https://api.mapflow.ai/rest");

    public MapflowClientOptions(MapflowToken token, Uri? apiUrl = null)
    {
        Token = token ?? throw new ArgumentNullException(nameof(token));
        ApiUrl = apiUrl ?? DefaultApiUrl;
    }

    public MapflowToken Token { get; }
    public Uri ApiUrl { get; }

    /// <summary>Null uses the system proxy (HTTPS_PROXY, HTTP_PROXY and NO_PROXY on .NET Core).</summary>
    public Uri? Proxy { get; set; }
    public ICredentials? ProxyCredential { get; set; }

    public MapflowTimeouts Timeouts { get; set; } = new();
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Clock for retry delays and budgets; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public string UserAgent { get; set; } = "Mapflow-PowerShell";

    /// <summary>Connections to the API at once: the session's one pool, as large as the most work any command runs at once.</summary>
    public const int MaxConnections = 64;
}

/// <summary>Timeouts per kind of call, as QGIS separates them: short for status and lists, longer for creates, idle-based for downloads.</summary>
public sealed class MapflowTimeouts
{
    /// <summary>One attempt of a status read, a listing or an update.</summary>
    public TimeSpan Api { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt of a create, which the server may take a while to validate.</summary>
    public TimeSpan Create { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a create with an unclear outcome (no answer, a timeout, a server error) is looked up by its key before it
    /// is reported as Start.Unconfirmed. It is never sent again meanwhile: the server may still be making it.
    /// </summary>
    public TimeSpan CreateConfirm { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One attempt of an image upload, whole file included (QGIS allows an hour).</summary>
    public TimeSpan Upload { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A result download may take as long as it needs while bytes keep flowing; it fails after this long without any.</summary>
    public TimeSpan DownloadIdle { get; set; } = TimeSpan.FromSeconds(120);
}

/// <summary>Retries of transient failures: exponential backoff with jitter, Retry-After as the minimum wait, a time budget per call.</summary>
public sealed class RetryOptions
{
    public int MaxRetries { get; set; } = 4;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>All attempts and waits of one call together; a Retry-After that would cross it ends the call instead of waiting.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromMinutes(3);
}
