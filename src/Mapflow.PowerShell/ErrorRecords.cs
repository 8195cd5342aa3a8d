using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using Mapflow.Client;
using Mapflow.Client.Imagery;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell;

/// <summary>
/// Turns client exceptions into ErrorRecords with stable ids, so scripts can match
/// $Error[0].FullyQualifiedErrorId. The ids are listed in about_Mapflow_Errors.
/// </summary>
internal static class ErrorRecords
{
    private const int MaxTargetText = 200;

    public static ErrorRecord From(Exception exception, object? target)
    {
        var record = exception switch
        {
            MapflowAuthenticationException e => new ErrorRecord(e,
                e.StatusCode == HttpStatusCode.Unauthorized ? "MapflowApi.Unauthorized" : "MapflowApi.Forbidden",
                e.StatusCode == HttpStatusCode.Unauthorized ? ErrorCategory.AuthenticationError : ErrorCategory.PermissionDenied, target),
            // Any other 403 (a provider outside the plan, a read-only member's start) fails its item under the same id.
            MapflowApiException { StatusCode: HttpStatusCode.Forbidden } e => new ErrorRecord(e, "MapflowApi.Forbidden", ErrorCategory.PermissionDenied, target),
            MapflowApiException e => new ErrorRecord(e, "MapflowApi." + (DataCatalogIds.TryGetValue(e.Code ?? "", out var id) ? id : Pascal(e.Code ?? e.StatusCode.ToString())), Category(e), target),
            ImageFileException e => new ErrorRecord(e, "Image." + e.Problem, ImageCategory(e.Problem), target ?? e.Path),
            MapflowResponseException e => new ErrorRecord(e, "MapflowApi.MalformedResponse", ErrorCategory.InvalidResult, target),
            MapflowConnectionException e => new ErrorRecord(e, e.ViaProxy ? "MapflowApi.ProxyFailure" : "MapflowApi.ConnectionFailure", ErrorCategory.ConnectionError, target),
            TimeoutException e => new ErrorRecord(e, "MapflowApi.Timeout", ErrorCategory.OperationTimeout, target),
            StartUnconfirmedException e => new ErrorRecord(e, "Start.Unconfirmed", ErrorCategory.OperationTimeout, target),
            NotConnectedException e => new ErrorRecord(e, "Mapflow.NotConnected", ErrorCategory.AuthenticationError, target),
            ModelNotFoundException e => new ErrorRecord(e, e.Ambiguous ? "Model.Ambiguous" : "Model.NotFound", ErrorCategory.InvalidArgument, target ?? e.Requested),
            ItemNotFoundException e => new ErrorRecord(e, "Mapflow.NotFound", ErrorCategory.ObjectNotFound, target),
            ArgumentException e => new ErrorRecord(e, "Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, target),
            InvalidDataException e => new ErrorRecord(e, "Result.Incomplete", ErrorCategory.InvalidData, target),
            IOException e => new ErrorRecord(e, "Mapflow.IOError", ErrorCategory.WriteError, target),
            _ => new ErrorRecord(exception, "Mapflow.UnexpectedError", ErrorCategory.NotSpecified, target),
        };
        NameTarget(record, target);
        if (exception is MapflowApiException api && api.Parameters.Count > 0)
            record.ErrorDetails = new ErrorDetails($"{api.Message} [{api.ParametersText}]");
        var action = RecommendedAction(exception);
        if (action != null)
        {
            record.ErrorDetails ??= new ErrorDetails(exception.Message);
            record.ErrorDetails.RecommendedAction = action;
        }
        return record;
    }

    public static ErrorRecord Create(string errorId, ErrorCategory category, object? target, string message, Exception? inner = null)
    {
        var record = new ErrorRecord(inner is null ? new InvalidOperationException(message) : new InvalidOperationException(message, inner), errorId, category, target);
        NameTarget(record, target);
        return record;
    }

    /// <summary>
    /// The error view shows the target by its ToString. A list of AOIs or option names, or a hashtable, would show as
    /// its .NET type name; such a target is named by what it holds instead (the object itself stays the TargetObject).
    /// </summary>
    private static void NameTarget(ErrorRecord record, object? target)
    {
        var value = target is PSObject ps ? ps.BaseObject : target;
        if (value is null || value.ToString() != value.GetType().ToString()) return;
        var text = TargetText(value);
        record.CategoryInfo.TargetName = text.Length <= MaxTargetText ? text : text.Substring(0, MaxTargetText - 1) + "…";
    }

    private static string TargetText(object? value) => (value is PSObject ps ? ps.BaseObject : value) switch
    {
        null => "",
        string text => text,
        IDictionary dictionary => "@{" + string.Join("; ", dictionary.Keys.Cast<object>().Select(k => $"{k}={TargetText(dictionary[k])}")) + "}",
        IEnumerable items => string.Join(", ", items.Cast<object?>().Take(MaxTargetText / 2).Select(TargetText)),
        var other => other.ToString() ?? "",
    };

    /// <summary>Whether a failure ends the whole command rather than one item: the account itself is refused.</summary>
    public static bool IsFatal(Exception exception) => exception is MapflowAuthenticationException or NotConnectedException;

    /// <summary>
    /// By the HTTP status, since only TOO_LARGE_PROCESSING is a code any public source shows (mapflow-api.md §11.10);
    /// other codes are whatever the server sends, often a generic BAD_REQUEST with a message.
    /// </summary>
    private static ErrorCategory Category(MapflowApiException e) => (int)e.StatusCode switch
    {
        _ when e.Code == TooLargeProcessing => ErrorCategory.LimitsExceeded,
        _ when e.Code is { } code && DataCatalogCategories.TryGetValue(code, out var category) => category,
        400 => ErrorCategory.InvalidArgument,
        402 => ErrorCategory.LimitsExceeded,
        403 => ErrorCategory.PermissionDenied,
        404 => ErrorCategory.ObjectNotFound,
        409 => ErrorCategory.ResourceBusy,
        429 => ErrorCategory.LimitsExceeded,
        >= 500 => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.InvalidOperation,
    };

    private const string TooLargeProcessing = "TOO_LARGE_PROCESSING";

    /// <summary>
    /// The data catalog's detail codes (mapflow-api.md §7.3) by what they mean; its ItemNotFound has the id every other
    /// missing thing has, so one catch of MapflowApi.NotFound serves both services.
    /// </summary>
    private static readonly Dictionary<string, ErrorCategory> DataCatalogCategories = new(StringComparer.Ordinal)
    {
        ["ItemNotFound"] = ErrorCategory.ObjectNotFound,
        ["AccessDenied"] = ErrorCategory.PermissionDenied,
        ["MemoryLimitExceeded"] = ErrorCategory.QuotaExceeded,
        ["FileTooBig"] = ErrorCategory.LimitsExceeded,
        ["ImageExtentTooBig"] = ErrorCategory.LimitsExceeded,
        ["FileOpenError"] = ErrorCategory.InvalidData,
        ["FileCheckFailed"] = ErrorCategory.InvalidData,
        ["FileValidationFailed"] = ErrorCategory.InvalidData,
        ["ImageOutOfBounds"] = ErrorCategory.InvalidData,
    };

    private static readonly Dictionary<string, string> DataCatalogIds = new(StringComparer.Ordinal) { ["ItemNotFound"] = "NotFound" };

    private static ErrorCategory ImageCategory(ImageFileProblem problem) => problem switch
    {
        ImageFileProblem.TooLarge => ErrorCategory.LimitsExceeded,
        ImageFileProblem.StorageFull => ErrorCategory.QuotaExceeded,
        _ => ErrorCategory.InvalidData,
    };

    private static string? RecommendedAction(Exception e) => e switch
    {
        MapflowAuthenticationException { StatusCode: HttpStatusCode.Unauthorized } =>
            "Get a current token at https://app.mapflow.ai/account/api and pass it to Connect-Mapflow -Token, or set $env:MAPFLOW_TOKEN.",
        MapflowApiException { Code: TooLargeProcessing } =>
            "Split the AOI into smaller ones, or group fewer AOIs per processing (-GroupSize).",
        // QGIS tells a provider outside the plan by a 403 whose message names the data provider.
        MapflowApiException { StatusCode: HttpStatusCode.Forbidden } api when (api.ApiMessage ?? "").IndexOf("data provider", StringComparison.OrdinalIgnoreCase) >= 0 =>
            "The imagery provider is not on the account's plan: pick another with -DataProvider (Get-MapflowAccount lists them) or change the plan.",
        MapflowApiException { StatusCode: HttpStatusCode.Forbidden } =>
            "The account may not do this here, e.g. as a read-only member of a shared project; ask the project's owner.",
        MapflowApiException { Code: "FileValidationFailed" } =>
            "All images of a mosaic share one CRS, band count and pixel size: upload this one to a mosaic of its own (New-MapflowMosaic).",
        MapflowApiException { Code: "MemoryLimitExceeded" } or ImageFileException { Problem: ImageFileProblem.StorageFull } =>
            "Free imagery storage with Remove-MapflowImage or Remove-MapflowMosaic, or upload fewer files.",
        ImageFileException { Problem: ImageFileProblem.NotGeoTiff } or MapflowApiException { Code: "FileOpenError" } =>
            "Export the image as a georeferenced GeoTIFF (for example with gdal_translate -of GTiff) and upload that.",
        MapflowConnectionException { ViaProxy: true } =>
            "Check the proxy and its credential: Connect-Mapflow -Proxy and -ProxyCredential, or the HTTPS_PROXY (HTTP_PROXY for an http:// API URL) and NO_PROXY environment variables, read when PowerShell starts.",
        _ => null,
    };

    /// <summary>TOO_LARGE_PROCESSING → TooLargeProcessing; geometry.Invalid → GeometryInvalid.</summary>
    internal static string Pascal(string code)
    {
        var words = code.Split(new[] { '_', '.', '-', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(words.Select(w => w.Length == 0 ? w
            : char.ToUpperInvariant(w[0]) + (w.Skip(1).Any(char.IsLower) ? w.Substring(1) : w.Substring(1).ToLower(CultureInfo.InvariantCulture))));
    }
}
