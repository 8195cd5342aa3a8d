using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mapflow.Emulator.State;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Mapflow.Emulator.Endpoints;

/// <summary>
/// The data catalog, "My imagery" (§4.8): a FastAPI service, so snake_case keys, errors in shape 2 (§7.3) and
/// FastAPI's 422 for a request that fails its types. Uploads are multipart with a <c>file</c> part, read as a stream
/// to disk. Downloads go through a presigned link outside <c>/rest</c> that takes no Basic auth, like an S3 URL.
/// Also the control routes <c>/_emulator/rasters/...</c> for tests.
/// </summary>
internal static class DataCatalogEndpoints
{
    private const string StoragePrefix = "/storage/rasters";
    private const int DownloadExpirySeconds = 3600;
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    private sealed record MosaicBody(string? Name, List<string>? Tags);

    private sealed record DownloadableBody(bool? AvailableForDownload);

    /// <summary>The presigned downloads, served at the root without the API's auth, as S3 serves them.</summary>
    public static bool IsStoragePath(PathString path) => path.StartsWithSegments(StoragePrefix, StringComparison.OrdinalIgnoreCase);

    public static void Map(IEndpointRouteBuilder app)
    {
        var rasters = app.MapGroup("/rasters").AddEndpointFilter(ShapeTwoErrors);

        rasters.MapGet("/memory", (HttpContext context, DataCatalogState catalog) =>
        {
            var limits = catalog.Limits;
            var used = catalog.MemoryUsed(Auth.User(context));
            return Json.Ok(new
            {
                memoryLimit = limits.MemoryLimit,
                memoryUsed = used,
                memoryFree = limits.MemoryLimit is { } limit ? Math.Max(0, limit - used) : (long?)null,
                maxUploadFileSize = limits.MaxUploadFileSize,
                maxPixelCount = limits.MaxPixelCount,
            });
        });

        rasters.MapPost("/mosaic", async (HttpContext context, DataCatalogState catalog) =>
        {
            var body = await ReadMosaicBodyAsync(context.Request);
            return Json.Ok(Created(catalog.CreateMosaic(Auth.User(context), body.Name!, body.Tags ?? [])));
        });

        rasters.MapGet("/mosaic", (HttpContext context, DataCatalogState catalog) =>
        {
            var user = Auth.User(context);
            var tags = context.Request.Query["tags"].SelectMany(SplitTags).ToHashSet(StringComparer.Ordinal);
            var images = catalog.ImagesByMosaic(user);
            return Json.Ok(catalog.Mosaics(user, tags).Select(m => MosaicView(context.Request, m, images[m.Id])).ToList());
        });

        rasters.MapGet("/mosaic/{id}", (HttpContext context, string id, DataCatalogState catalog) =>
        {
            var user = Auth.User(context);
            var mosaic = catalog.GetMosaic(user, id);
            return Json.Ok(MosaicView(context.Request, mosaic, catalog.ImagesByMosaic(user)[mosaic.Id]));
        });

        // Tags are replaced, and both keys are required (QGIS sends both).
        rasters.MapPut("/mosaic/{id}", async (HttpContext context, string id, DataCatalogState catalog) =>
        {
            var body = await ReadMosaicBodyAsync(context.Request);
            return Json.Ok(Created(catalog.UpdateMosaic(Auth.User(context), id, body.Name!, body.Tags ?? [])));
        });

        rasters.MapDelete("/mosaic/{id}", (HttpContext context, string id, DataCatalogState catalog) =>
        {
            catalog.DeleteMosaic(Auth.User(context), id);
            return Results.Ok();
        });

        rasters.MapPost("/mosaic/{id}/image", async (HttpContext context, string id, DataCatalogState catalog) =>
        {
            var user = Auth.User(context);
            var mosaic = catalog.GetMosaic(user, id);
            var (filename, received, size, sha1) = await ReceiveFileAsync(context, catalog);
            catalog.AddImage(user, mosaic, filename, received, size, sha1);
            return Json.Ok(new { message = "Files successfully uploaded", mosaic_id = mosaic.Id });
        });

        // A new mosaic with its first image; QGIS sends the tags as one comma-joined value. No mosaic is left when the image is refused.
        rasters.MapPost("/mosaic/image", async (HttpContext context, DataCatalogState catalog) =>
        {
            var user = Auth.User(context);
            var name = context.Request.Query["name"].ToString();
            if (string.IsNullOrWhiteSpace(name))
                throw DataCatalogException.Unprocessable("query", "name", "missing", "Field required");
            var (filename, received, size, sha1) = await ReceiveFileAsync(context, catalog);
            var mosaic = catalog.CreateMosaic(user, name, context.Request.Query["tags"].SelectMany(SplitTags).ToList());
            try
            {
                catalog.AddImage(user, mosaic, filename, received, size, sha1);
            }
            catch
            {
                catalog.DeleteMosaic(user, mosaic.Id.ToString());
                throw;
            }
            return Json.Ok(new { message = "Files successfully uploaded", mosaic_id = mosaic.Id });
        });

        rasters.MapGet("/mosaic/{id}/image", (HttpContext context, string id, DataCatalogState catalog) =>
            Json.Ok(catalog.Images(Auth.User(context), id).Select(i => ImageView(context.Request, i)).ToList()));

        rasters.MapGet("/image/{id}", (HttpContext context, string id, DataCatalogState catalog) =>
            Json.Ok(ImageView(context.Request, catalog.GetImage(Auth.User(context), id))));

        // A rename is a query parameter, without a body (QGIS).
        rasters.MapPut("/image/{id}", (HttpContext context, string id, DataCatalogState catalog) =>
        {
            var name = context.Request.Query["name"].ToString();
            if (string.IsNullOrWhiteSpace(name))
                throw DataCatalogException.Unprocessable("query", "name", "missing", "Field required");
            return Json.Ok(ImageView(context.Request, catalog.RenameImage(Auth.User(context), id, name)));
        });

        rasters.MapDelete("/image/{id}", (HttpContext context, string id, DataCatalogState catalog) =>
        {
            catalog.DeleteImage(Auth.User(context), id);
            return Results.Ok();
        });

        rasters.MapGet("/image/{id}/download", (HttpContext context, string id, DataCatalogState catalog) =>
        {
            var image = catalog.GetImage(Auth.User(context), id);
            if (!image.AvailableForDownload)
                throw DataCatalogException.Of(StatusCodes.Status403Forbidden, "AccessDenied", ("instance_type", "image"), ("uid", id));
            var expires = DateTimeOffset.UtcNow.AddSeconds(DownloadExpirySeconds).ToUnixTimeSeconds();
            var url = $"{Origin(context.Request)}{StoragePrefix}/{image.Id}/{Uri.EscapeDataString(image.Filename)}" +
                      $"?X-Amz-Expires={DownloadExpirySeconds}&X-Amz-Date={expires}&X-Amz-Signature={Sign(image.Id, expires)}";
            return Json.Ok(new { download_url = url, filename = image.Filename, expires_in = DownloadExpirySeconds });
        });

        app.MapGet(StoragePrefix + "/{id}/{filename}", ServeStorageAsync);

        var control = app.MapGroup(ControlApi.Prefix + "/rasters").AddEndpointFilter(ShapeTwoErrors);

        control.MapGet("/limits", (DataCatalogState catalog) => Json.Ok(catalog.Limits));

        control.MapPost("/limits", async (HttpContext context, DataCatalogState catalog) =>
            Json.Ok(catalog.UpdateLimits(await Json.ReadBodyAsync<RasterLimitsPatch>(context.Request))));

        // What the emulator holds of an image, hashed from the stored bytes now, to compare with the file sent.
        control.MapGet("/images/{id}", async (Guid id, DataCatalogState catalog) =>
        {
            var image = catalog.ImageById(id) ?? throw DataCatalogException.NotFound("image", id.ToString());
            await using var file = File.OpenRead(image.StoredPath);
            var sha1 = Convert.ToHexStringLower(await SHA1.HashDataAsync(file));
            return Json.Ok(new { id, image.Filename, sha1, length = file.Length, image.AvailableForDownload });
        });

        control.MapPost("/images/{id}", async (HttpContext context, Guid id, DataCatalogState catalog) =>
        {
            var body = await Json.ReadBodyAsync<DownloadableBody>(context.Request);
            var image = catalog.SetDownloadable(id, body.AvailableForDownload ?? true);
            return Json.Ok(new { id, image.AvailableForDownload });
        });
    }

    private static async ValueTask<object?> ShapeTwoErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DataCatalogException e)
        {
            return Results.Json(e.Body, Json.Options, statusCode: e.Status);
        }
    }

    private static async Task<MosaicBody> ReadMosaicBodyAsync(HttpRequest request)
    {
        var body = await Json.ReadBodyAsync<MosaicBody>(request);
        if (string.IsNullOrWhiteSpace(body.Name))
            throw DataCatalogException.Unprocessable("body", "name", "missing", "Field required");
        return body;
    }

    /// <summary>
    /// Streams the multipart part <c>file</c> to a file of its own, hashing it on the way; a part larger than
    /// maxUploadFileSize is counted to its end but not kept (FileTooBig).
    /// </summary>
    private static async Task<(string Filename, string Received, long Size, string Sha1)> ReceiveFileAsync(HttpContext context, DataCatalogState catalog)
    {
        var request = context.Request;
        var cancel = context.RequestAborted;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = null;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            throw DataCatalogException.Unprocessable("body", "file", "missing", "Field required");
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        var max = catalog.Limits.MaxUploadFileSize;
        while (await reader.ReadNextSectionAsync(cancel) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || HeaderUtilities.RemoveQuotes(disposition.Name).Value != "file")
                continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            if (string.IsNullOrEmpty(name))
                throw DataCatalogException.Unprocessable("body", "file", "value_error", "Expected UploadFile, received: <class 'str'>");
            var filename = Path.GetFileName(name);
            var received = Path.Combine(catalog.Folder, Guid.NewGuid().ToString("N") + ".upload");
            try
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
                long size = 0;
                await using (var file = new FileStream(received, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await section.Body.ReadAsync(buffer, cancel)) > 0)
                    {
                        size += read;
                        if (size > max) continue;
                        hash.AppendData(buffer, 0, read);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancel);
                    }
                }
                if (size > max)
                    throw DataCatalogException.Of(StatusCodes.Status413RequestEntityTooLarge, "FileTooBig", ("max_file_size", max), ("actual_file_size", size));
                return (filename, received, size, Convert.ToHexStringLower(hash.GetHashAndReset()));
            }
            catch
            {
                File.Delete(received);
                throw;
            }
        }
        throw DataCatalogException.Unprocessable("body", "file", "missing", "Field required");
    }

    /// <summary>Like S3: a bad or expired signature is 403, and a second auth mechanism (a Basic header) is 400.</summary>
    private static async Task ServeStorageAsync(HttpContext context, string id, string filename, DataCatalogState catalog)
    {
        var request = context.Request;
        var response = context.Response;
        if (request.Headers.Authorization.Count > 0)
        {
            await S3Error(response, StatusCodes.Status400BadRequest, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified");
            return;
        }
        var image = Guid.TryParse(id, out var guid) ? catalog.ImageById(guid) : null;
        var signed = long.TryParse(request.Query["X-Amz-Date"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                     && image is not null
                     && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(image.Id, expires)), Encoding.ASCII.GetBytes(request.Query["X-Amz-Signature"].ToString()));
        if (!signed)
        {
            await S3Error(response, StatusCodes.Status403Forbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
            return;
        }
        if (DateTimeOffset.UtcNow.ToUnixTimeSeconds() > expires)
        {
            await S3Error(response, StatusCodes.Status403Forbidden, "AccessDenied", "Request has expired");
            return;
        }
        await using var file = new FileStream(image!.StoredPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
        response.ContentType = "image/tiff";
        response.ContentLength = file.Length;
        response.Headers.ETag = $"\"{image.Sha1}\"";
        await file.CopyToAsync(response.Body, context.RequestAborted);
    }

    private static Task S3Error(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/xml";
        return response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>");
    }

    private static string Sign(Guid id, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(SigningKey, Encoding.ASCII.GetBytes($"{id:N}:{expires}")));

    private static IEnumerable<string> SplitTags(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>The catalog's timestamps: naive UTC with microseconds, no Z (§2).</summary>
    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>What a create or an update answers: the mosaic without its images' footprint and size.</summary>
    private static object Created(RasterMosaic mosaic) =>
        new { id = mosaic.Id, name = mosaic.Name, tags = mosaic.Tags, created_at = Timestamp(mosaic.Created) };

    private static object MosaicView(HttpRequest request, RasterMosaic mosaic, IEnumerable<RasterImage> images)
    {
        var list = images.ToList();
        Geometry? footprint = list.Count == 0 ? null : UnaryUnionOp.Union(list.Select(i => (Geometry)i.Tiff.Footprint).ToList());
        var layer = $"{Origin(request)}/api/rasters/{mosaic.Id}";
        return new
        {
            id = mosaic.Id,
            name = mosaic.Name,
            tags = mosaic.Tags,
            created_at = Timestamp(mosaic.Created),
            footprint = footprint?.AsText(),
            sizeInBytes = list.Sum(i => i.FileSize),
            rasterLayer = new { tileUrl = layer + "/tiles/{z}/{x}/{y}.png", tileJsonUrl = layer + "/tile.json" },
        };
    }

    private static object ImageView(HttpRequest request, RasterImage image)
    {
        var preview = $"{Origin(request)}/rest/rasters/image/{image.Id}/preview";
        return new
        {
            id = image.Id,
            mosaic_id = image.MosaicId,
            image_url = $"s3://mapflow-rasters/{image.MosaicId}/{image.Id}.tif",
            preview_url_s = preview + "/s",
            preview_url_l = preview + "/l",
            uploaded_at = Timestamp(image.Uploaded),
            file_size = image.FileSize,
            footprint = image.Tiff.Footprint.AsText(),
            filename = image.Filename,
            checksum = image.Sha1,
            meta_data = new
            {
                crs = image.Tiff.Crs,
                count = image.Tiff.Count,
                width = image.Tiff.Width,
                height = image.Tiff.Height,
                dtypes = image.Tiff.Dtypes,
                nodata = image.Tiff.Nodata,
                pixel_size = new[] { image.Tiff.PixelSizeX, image.Tiff.PixelSizeY },
            },
            cog_link = (string?)null,
            available_for_download = image.AvailableForDownload,
        };
    }
}
