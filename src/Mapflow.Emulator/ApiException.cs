using System.Globalization;

namespace Mapflow.Emulator;

/// <summary>
/// An API error in the processing/project API's shape 1: <c>{"code","message","params"}</c>,
/// where every params value is a string (§3 of the API notes).
/// </summary>
internal sealed class ApiException(int status, string code, string message, IReadOnlyDictionary<string, string>? parameters = null)
    : Exception(message)
{
    /// <summary>
    /// The code of refusals whose real code no public source shows (mapflow-api.md §11.10): the real API uses this
    /// generic code with a distinguishing message for some errors, so the emulator does the same for those.
    /// </summary>
    public const string GenericCode = "BAD_REQUEST";

    public int Status { get; } = status;
    public ApiError Body { get; } = new(code, message, parameters ?? new Dictionary<string, string>());

    public static ApiException BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, GenericCode, message);

    public static ApiException NotFound(string entity, string id) =>
        new(StatusCodes.Status404NotFound, "NOT_FOUND", $"{entity} {id} not found", new Dictionary<string, string> { ["id"] = id });

    public static ApiException InvalidGeometry(string reason) =>
        new(StatusCodes.Status400BadRequest, "geometry.Invalid", $"Invalid geometry: {reason}");

    public static ApiException TooLarge(long area, long limit) =>
        new(StatusCodes.Status400BadRequest, "TOO_LARGE_PROCESSING",
            $"Processings larger than {Str(limit)} sq.m. are prohibited. Area: {Str(area)} sq.m.",
            new Dictionary<string, string> { ["area"] = Str(area), ["aoiAreaLimit"] = Str(limit) });

    public static string Str(long value) => value.ToString(CultureInfo.InvariantCulture);
}

internal sealed record ApiError(string Code, string Message, IReadOnlyDictionary<string, string> Params);
