using System.Net.Http;

namespace Mapflow.Client.Http;

internal enum RequestKind
{
    /// <summary>Status reads, listings, updates, estimates: short attempts.</summary>
    Api,
    /// <summary>A create: longer attempt, never retried blindly (the caller reconciles by key).</summary>
    Create,
    /// <summary>A result download: headers within the API timeout, then streamed while bytes flow.</summary>
    Download,
    /// <summary>A download from a presigned link: as a download, but without the API's credential, which the link replaces.</summary>
    PresignedDownload,
    /// <summary>A file upload: one long attempt, never retried here (its body is a stream; the caller looks for the image first).</summary>
    Upload,
}

/// <summary>What the handlers need to know about a request; travels in the request's property bag.</summary>
internal sealed class RequestInfo
{
    private const string Key = "Mapflow.RequestInfo";

    public RequestInfo(RequestKind kind, bool idempotent)
    {
        Kind = kind;
        Idempotent = idempotent;
    }

    public RequestKind Kind { get; }

    /// <summary>Safe to send again after an unclear outcome: GET, PUT, DELETE and read-only POSTs (pages, cost).</summary>
    public bool Idempotent { get; }

    public static RequestInfo Of(HttpRequestMessage request) =>
        request.Properties.TryGetValue(Key, out var value) && value is RequestInfo info ? info : new RequestInfo(RequestKind.Api, false);

    public void AttachTo(HttpRequestMessage request) => request.Properties[Key] = this;
}
