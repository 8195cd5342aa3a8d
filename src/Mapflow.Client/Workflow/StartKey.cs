using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mapflow.Client.Workflow;

/// <summary>
/// The idempotency key of a start: a hash of everything that makes it the same paid work (model, project, the whole
/// imagery source, inference params, options, geometry, name). The API has no idempotency header, so the key travels
/// in the processing's meta. A tile service's password is left out: it is no part of what the work is, and a hash
/// stored on the server is no place for it (a new password for the same service is the same start).
/// </summary>
public static class StartKey
{
    /// <param name="salt">Makes a deliberate repeat (-Force) a different start, so a lost answer is never matched to the earlier one.</param>
    public static string Compute(ProcessingRequest request, string? salt = null)
    {
        var meta = request.Meta;
        var userDefined = request.Params?.SourceParams.UserDefined;
        var password = userDefined?.RasterPassword;
        request.Meta = null;
        if (userDefined != null) userDefined.RasterPassword = null;
        try
        {
            using var sha = SHA256.Create();
            var content = JsonSerializer.SerializeToUtf8Bytes(request, MapflowJson.Options);
            var hash = sha.ComputeHash(salt is null ? content : content.Concat(Encoding.UTF8.GetBytes(salt)).ToArray());
            return Hex.Lower(hash, 16);
        }
        finally
        {
            request.Meta = meta;
            if (userDefined != null) userDefined.RasterPassword = password;
        }
    }
}
