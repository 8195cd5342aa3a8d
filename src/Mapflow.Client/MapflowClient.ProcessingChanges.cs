using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Http;

namespace Mapflow.Client;

/// <summary>Changes to a processing after its start: name, project, rating and review (mapflow-api.md §4.4–§4.6).</summary>
public sealed partial class MapflowClient
{
    /// <summary>
    /// PUT /processings/{id}/v2, the QGIS rename: <c>{name, description}</c>, the description left out when null (it
    /// then stays). The route takes no project; <see cref="UpdateProcessingV1Async"/> does.
    /// </summary>
    public Task<Processing> RenameProcessingAsync(Guid id, string name, string? description, CancellationToken cancellationToken) =>
        SendJsonAsync<Processing>(HttpMethod.Put, $"processings/{id}/v2", new { name, description }, RequestKind.Api, true, cancellationToken);

    /// <summary>
    /// PUT /processings/{id} (v1, documented with <c>projectId</c>, which moves the processing to that project):
    /// only the keys given are sent. Its answer is a v1 object, with flat params.
    /// </summary>
    public Task<Processing> UpdateProcessingV1Async(Guid id, string? description, Guid? projectId, CancellationToken cancellationToken) =>
        SendJsonAsync<Processing>(HttpMethod.Put, $"processings/{id}", new { description, projectId }, RequestKind.Api, true, cancellationToken);

    /// <summary>PUT /processings/{id}/rate: <c>{rating, feedback}</c>, as QGIS sends them (feedback "" when none).</summary>
    public Task<Processing> RateProcessingAsync(Guid id, int rating, string? feedback, CancellationToken cancellationToken) =>
        SendJsonAsync<Processing>(HttpMethod.Put, $"processings/{id}/rate", new { rating, feedback = feedback ?? "" }, RequestKind.Api, true, cancellationToken);

    /// <summary>PUT /processings/{id}/acceptation, no body: the reviewer accepts a result that is IN_REVIEW. Not retried, as a rejection.</summary>
    public Task<Processing> AcceptProcessingAsync(Guid id, CancellationToken cancellationToken) =>
        SendJsonAsync<Processing>(HttpMethod.Put, $"processings/{id}/acceptation", null, RequestKind.Api, false, cancellationToken);

    /// <summary>
    /// PUT /processings/{id}/rejection: <c>{comment, features}</c>, the problem areas as a GeoJSON FeatureCollection
    /// (see <see cref="Review.ProblemAreas"/>). Not retried: a second rejection of one already NOT_ACCEPTED is refused.
    /// </summary>
    public Task<Processing> RejectProcessingAsync(Guid id, string comment, JsonObject features, CancellationToken cancellationToken) =>
        SendJsonAsync<Processing>(HttpMethod.Put, $"processings/{id}/rejection", new { comment, features }, RequestKind.Api, false, cancellationToken);
}
