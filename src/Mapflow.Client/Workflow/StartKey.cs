using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mapflow.Client.Workflow;

/// <summary>
/// The idempotency key of a start: a hash of everything that makes it the same paid work (model, project, source,
/// options, geometry, name). The API has no idempotency header, so the key travels in the processing's meta.
/// </summary>
public static class StartKey
{
    /// <param name="salt">Makes a deliberate repeat (-Force) a different start, so a lost answer is never matched to the earlier one.</param>
    public static string Compute(ProcessingRequest request, string? salt = null)
    {
        var meta = request.Meta;
        request.Meta = null;
        try
        {
            using var sha = SHA256.Create();
            var content = JsonSerializer.SerializeToUtf8Bytes(request, MapflowJson.Options);
            var hash = sha.ComputeHash(salt is null ? content : content.Concat(Encoding.UTF8.GetBytes(salt)).ToArray());
            return BitConverter.ToString(hash, 0, 16).Replace("-", "").ToLowerInvariant();
        }
        finally
        {
            request.Meta = meta;
        }
    }
}
