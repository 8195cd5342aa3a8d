using System;
using System.Security.Cryptography;
using System.Text.Json;

namespace Mapflow.Client.Workflow;

/// <summary>
/// The idempotency key of a start: a hash of everything that makes it the same paid work (model, project, source,
/// options, geometry, name). The API has no idempotency header, so the key travels in the processing's meta.
/// </summary>
public static class StartKey
{
    public static string Compute(ProcessingRequest request)
    {
        var meta = request.Meta;
        request.Meta = null;
        try
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(JsonSerializer.SerializeToUtf8Bytes(request, MapflowJson.Options));
            return BitConverter.ToString(hash, 0, 16).Replace("-", "").ToLowerInvariant();
        }
        finally
        {
            request.Meta = meta;
        }
    }
}
