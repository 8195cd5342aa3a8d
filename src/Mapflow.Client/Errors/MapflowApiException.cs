using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace Mapflow.Client;

/// <summary>The API answered with an error status. Carries the body's code, message and params (shape 1 of the API's errors).</summary>
public class MapflowApiException : Exception
{
    public MapflowApiException(HttpStatusCode statusCode, string method, string path, string? code, string? apiMessage,
        IReadOnlyDictionary<string, string>? parameters, Exception? inner = null)
        : base(Describe(statusCode, method, path, code, apiMessage), inner)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        Code = code;
        ApiMessage = apiMessage;
        Parameters = parameters ?? new Dictionary<string, string>();
    }

    public HttpStatusCode StatusCode { get; }
    public string Method { get; }
    public string Path { get; }
    /// <summary>The API's error code, e.g. TOO_LARGE_PROCESSING; null when the body had none.</summary>
    public string? Code { get; }
    public string? ApiMessage { get; }
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The wait the server asked for with Retry-After, if any.</summary>
    public TimeSpan? RetryAfter { get; set; }

    private static string Describe(HttpStatusCode status, string method, string path, string? code, string? message)
    {
        var text = $"Mapflow API {method} {path} failed with {(int)status} {status}";
        if (!string.IsNullOrEmpty(code)) text += $" {code}";
        if (!string.IsNullOrEmpty(message)) text += $": {message}";
        return text;
    }

    public string ParametersText => string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"));
}

/// <summary>401, or a 403 that is about the token: never retried, ends the run.</summary>
public sealed class MapflowAuthenticationException : MapflowApiException
{
    public MapflowAuthenticationException(HttpStatusCode statusCode, string method, string path, string? code, string? apiMessage,
        IReadOnlyDictionary<string, string>? parameters)
        : base(statusCode, method, path, code, apiMessage ?? (statusCode == HttpStatusCode.Unauthorized
            ? "the API token was refused. Check $env:MAPFLOW_TOKEN or Connect-Mapflow -Token; a re-issued token replaces the old one"
            : "access is forbidden for this account"), parameters)
    {
    }
}

/// <summary>The API answered 2xx but the body was not what the endpoint returns (an HTML page, truncated or malformed JSON).</summary>
public sealed class MapflowResponseException : Exception
{
    public MapflowResponseException(string method, string path, string problem, Exception? inner = null)
        : base($"Mapflow API {method} {path} returned a malformed response: {problem}", inner)
    {
        Method = method;
        Path = path;
    }

    public string Method { get; }
    public string Path { get; }
}

/// <summary>
/// A create had an unclear outcome and the processing it may have made was not found by its key in the time allowed.
/// Nothing was sent again; the next run looks the key up first.
/// </summary>
public sealed class StartUnconfirmedException : Exception
{
    public StartUnconfirmedException(string name, TimeSpan lookedFor, Exception outcome)
        : base($"The start of '{name}' got no clear answer ({outcome.Message}), and no processing with its key appeared in the project within " +
               $"{lookedFor.TotalSeconds:0.#} s. It was not sent again: the server may still make it, and charge for it. Run the same command " +
               "later: it looks the key up first and starts the AOI only if it is not there.", outcome)
    {
    }
}

/// <summary>A request could not reach the API (DNS, refused connection, TLS, proxy) after the retries allowed.</summary>
public sealed class MapflowConnectionException : Exception
{
    public MapflowConnectionException(string method, string path, bool viaProxy, Exception inner)
        : base(viaProxy
            ? $"Mapflow API {method} {path}: the proxy could not be reached or refused the request: {inner.Message}"
            : $"Mapflow API {method} {path}: the service could not be reached: {inner.Message}", inner)
    {
        ViaProxy = viaProxy;
    }

    public bool ViaProxy { get; }
}

public static class MapflowFailures
{
    /// <summary>
    /// A failure of one request that leaves the others good: an answer about that item, a dropped connection, a
    /// timeout, a body that cannot be read. A refused token is not: every request would fail.
    /// </summary>
    public static bool IsOfOneRequest(Exception e) =>
        e is MapflowApiException and not MapflowAuthenticationException or MapflowConnectionException or TimeoutException or MapflowResponseException;
}
