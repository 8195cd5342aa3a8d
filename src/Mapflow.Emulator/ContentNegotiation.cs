using Microsoft.Net.Http.Headers;

namespace Mapflow.Emulator;

/// <summary>
/// Endpoints that answer a file or plain text refuse an Accept header that rules their type out, with 406, as a
/// server that honours Accept does (a Spring endpoint declaring what it produces). No Accept header accepts all.
/// </summary>
internal static class ContentNegotiation
{
    public static void Require(HttpRequest request, string produced)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return;
        var type = MediaTypeHeaderValue.Parse(produced);
        if (accept.Any(range => range.Quality is not 0 && type.IsSubsetOf(range))) return;
        throw new ApiException(StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
            $"This endpoint answers {produced}; the request accepts only {request.Headers.Accept}");
    }
}
