using Mapflow.Emulator.Geo;

namespace Mapflow.Emulator.State;

/// <summary>A collection of a user's imagery (§5.7).</summary>
internal sealed record RasterMosaic(Guid Id, string OwnerEmail, string Name, IReadOnlyList<string> Tags, DateTimeOffset Created);

/// <summary>An uploaded GeoTIFF (§5.8); its bytes are kept on disk at <see cref="StoredPath"/>, never in memory.</summary>
internal sealed record RasterImage(Guid Id, Guid MosaicId, string OwnerEmail, string Filename, long FileSize, string Sha1, DateTimeOffset Uploaded,
    GeoTiff Tiff, string StoredPath, bool AvailableForDownload);

/// <summary>The storage quota of <c>/rasters/memory</c>, in bytes; a null memory limit is unlimited.</summary>
internal sealed record RasterLimits(long? MemoryLimit, long MaxUploadFileSize, long MaxPixelCount);

/// <summary>The body of <c>POST /_emulator/rasters/limits</c>: absent keys keep their value.</summary>
internal sealed record RasterLimitsPatch(long? MemoryLimit, long? MaxUploadFileSize, long? MaxPixelCount, bool? Unlimited);

/// <summary>
/// The data catalog ("My imagery", §4.8): mosaics and images per user, the images' bytes in a folder of this
/// emulator's own, removed on reset and when the emulator stops. One lock, immutable records, as in <see cref="EmulatorState"/>.
/// </summary>
internal sealed class DataCatalogState : IDisposable
{
    private readonly object _gate = new();
    private readonly RasterLimits _startupLimits;
    private readonly Dictionary<Guid, RasterMosaic> _mosaics = [];
    private readonly Dictionary<Guid, RasterImage> _images = [];
    private RasterLimits _limits;

    public DataCatalogState(EmulatorOptions options)
    {
        _startupLimits = _limits = new RasterLimits(options.RasterMemoryLimit, options.RasterMaxUploadFileSize, options.RasterMaxPixelCount);
        Folder = Path.Combine(Path.GetTempPath(), "mapflow-emulator-rasters", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>Where uploads are received and images kept.</summary>
    public string Folder { get; }

    public RasterLimits Limits
    {
        get { lock (_gate) return _limits; }
    }

    public RasterLimits UpdateLimits(RasterLimitsPatch patch)
    {
        if (patch.MemoryLimit < 0 || patch.MaxUploadFileSize < 0 || patch.MaxPixelCount < 0)
            throw ApiException.BadRequest("Limits must not be negative");
        lock (_gate)
        {
            return _limits = new RasterLimits(
                patch.Unlimited == true ? null : patch.MemoryLimit ?? _limits.MemoryLimit,
                patch.MaxUploadFileSize ?? _limits.MaxUploadFileSize,
                patch.MaxPixelCount ?? _limits.MaxPixelCount);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _limits = _startupLimits;
            _mosaics.Clear();
            _images.Clear();
            foreach (var file in Directory.EnumerateFiles(Folder)) File.Delete(file);
        }
    }

    /// <summary>Bytes the user's images take.</summary>
    public long MemoryUsed(UserAccount user)
    {
        lock (_gate) return UsedBy(user);
    }

    // ---- Mosaics ----

    public RasterMosaic CreateMosaic(UserAccount user, string name, IReadOnlyList<string> tags)
    {
        var mosaic = new RasterMosaic(Guid.NewGuid(), user.Email, name, tags, DateTimeOffset.UtcNow);
        lock (_gate) _mosaics[mosaic.Id] = mosaic;
        return mosaic;
    }

    /// <summary>The user's mosaics, oldest first; with tags, those that carry any of them.</summary>
    public IReadOnlyList<RasterMosaic> Mosaics(UserAccount user, IReadOnlyCollection<string> tags)
    {
        lock (_gate)
        {
            return _mosaics.Values
                .Where(m => m.OwnerEmail == user.Email && (tags.Count == 0 || m.Tags.Any(tags.Contains)))
                .OrderBy(m => m.Created)
                .ToList();
        }
    }

    public RasterMosaic GetMosaic(UserAccount user, string id)
    {
        lock (_gate) return FindMosaic(user, id);
    }

    public RasterMosaic UpdateMosaic(UserAccount user, string id, string name, IReadOnlyList<string> tags)
    {
        lock (_gate)
        {
            var mosaic = FindMosaic(user, id) with { Name = name, Tags = tags };
            _mosaics[mosaic.Id] = mosaic;
            return mosaic;
        }
    }

    /// <summary>The mosaic and all its images, whose memory is freed.</summary>
    public void DeleteMosaic(UserAccount user, string id)
    {
        lock (_gate)
        {
            var mosaic = FindMosaic(user, id);
            foreach (var image in _images.Values.Where(i => i.MosaicId == mosaic.Id).ToList()) Remove(image);
            _mosaics.Remove(mosaic.Id);
        }
    }

    // ---- Images ----

    /// <summary>A mosaic's images, oldest first.</summary>
    public IReadOnlyList<RasterImage> Images(UserAccount user, string mosaicId)
    {
        lock (_gate)
        {
            var mosaic = FindMosaic(user, mosaicId);
            return _images.Values.Where(i => i.MosaicId == mosaic.Id).OrderBy(i => i.Uploaded).ToList();
        }
    }

    /// <summary>Every image of the user's mosaics, for the mosaics' footprints and sizes.</summary>
    public ILookup<Guid, RasterImage> ImagesByMosaic(UserAccount user)
    {
        lock (_gate) return _images.Values.Where(i => i.OwnerEmail == user.Email).ToLookup(i => i.MosaicId);
    }

    public RasterImage GetImage(UserAccount user, string id)
    {
        lock (_gate) return FindImage(user, id);
    }

    /// <summary>Any user's image, for the presigned download (whose signature stands for the user).</summary>
    public RasterImage? ImageById(Guid id)
    {
        lock (_gate) return _images.GetValueOrDefault(id);
    }

    public RasterImage RenameImage(UserAccount user, string id, string name)
    {
        lock (_gate)
        {
            var image = FindImage(user, id) with { Filename = name };
            _images[image.Id] = image;
            return image;
        }
    }

    public RasterImage SetDownloadable(Guid id, bool available)
    {
        lock (_gate)
        {
            var image = _images.GetValueOrDefault(id) ?? throw DataCatalogException.NotFound("image", id.ToString());
            return _images[id] = image with { AvailableForDownload = available };
        }
    }

    public void DeleteImage(UserAccount user, string id)
    {
        lock (_gate) Remove(FindImage(user, id));
    }

    /// <summary>
    /// Adds the file received at <paramref name="received"/> (which it takes over, kept or deleted) to the mosaic, after
    /// the service's checks in its order: free memory, a readable GeoTIFF, its pixel count, and the same CRS, band
    /// count and pixel size as the mosaic's first image.
    /// </summary>
    public RasterImage AddImage(UserAccount user, RasterMosaic mosaic, string filename, string received, long size, string sha1)
    {
        try
        {
            lock (_gate)
            {
                FindMosaic(user, mosaic.Id.ToString());
                var free = _limits.MemoryLimit - UsedBy(user);
                if (size > free)
                    throw DataCatalogException.Of(400, "MemoryLimitExceeded", ("memory_requested", size), ("available_memory", Math.Max(0, free.Value)));
                var (tiff, isTiff, problem) = GeoTiff.Read(received);
                if (tiff is null)
                {
                    throw isTiff
                        ? DataCatalogException.Of(400, "FileCheckFailed", ("filename", filename), ("bad_parameters", problem!))
                        : DataCatalogException.Of(400, "FileOpenError", ("filename", filename));
                }
                if ((long)tiff.Width * tiff.Height > _limits.MaxPixelCount)
                    throw DataCatalogException.Of(400, "ImageExtentTooBig", ("filename", filename), ("max_pixel_count", _limits.MaxPixelCount),
                        ("actual_pixel_count", (long)tiff.Width * tiff.Height));
                if (_images.Values.Where(i => i.MosaicId == mosaic.Id).OrderBy(i => i.Uploaded).FirstOrDefault() is { } first)
                    Compare(filename, mosaic.Id, tiff, first.Tiff);
                var id = Guid.NewGuid();
                var stored = Path.Combine(Folder, id.ToString("N") + ".tif");
                File.Move(received, stored);
                var image = new RasterImage(id, mosaic.Id, user.Email, filename, size, sha1, DateTimeOffset.UtcNow, tiff, stored, true);
                _images[id] = image;
                return image;
            }
        }
        finally
        {
            if (File.Exists(received)) File.Delete(received);
        }
    }

    private static void Compare(string filename, Guid mosaicId, GeoTiff got, GeoTiff expected)
    {
        void Check(string name, string gotValue, string expectedValue)
        {
            if (gotValue != expectedValue)
                throw DataCatalogException.Of(400, "FileValidationFailed", ("filename", filename), ("mosaic_id", mosaicId.ToString()),
                    ("param_name", name), ("got_param", gotValue), ("expected_param", expectedValue));
        }
        Check("crs", got.Crs, expected.Crs);
        Check("count", got.Count.ToString(), expected.Count.ToString());
        Check("pixel_size", $"{got.PixelSizeX:R},{got.PixelSizeY:R}", $"{expected.PixelSizeX:R},{expected.PixelSizeY:R}");
    }

    private long UsedBy(UserAccount user) => _images.Values.Where(i => i.OwnerEmail == user.Email).Sum(i => i.FileSize);

    private void Remove(RasterImage image)
    {
        _images.Remove(image.Id);
        File.Delete(image.StoredPath);
    }

    // Another user's mosaic or image is "not found", as the service answers for no access (§3).
    private RasterMosaic FindMosaic(UserAccount user, string id) => TryFindMosaic(user, id) ?? throw DataCatalogException.NotFound("mosaic", id);

    private RasterImage FindImage(UserAccount user, string id) => TryFindImage(user, id) ?? throw DataCatalogException.NotFound("image", id);

    private RasterMosaic? TryFindMosaic(UserAccount user, string id) =>
        Guid.TryParse(id, out var guid) && _mosaics.TryGetValue(guid, out var mosaic) && mosaic.OwnerEmail == user.Email ? mosaic : null;

    private RasterImage? TryFindImage(UserAccount user, string id) =>
        Guid.TryParse(id, out var guid) && _images.TryGetValue(guid, out var image) && image.OwnerEmail == user.Email ? image : null;

    /// <summary>
    /// The images a myImagery source names, the user's own: a mosaic's (which must have some) or those listed. An id
    /// the user has not got is a 400, as a body naming what is not there; the caller checks the AOIs against the
    /// images' footprints.
    /// </summary>
    public IReadOnlyList<RasterImage> SourceImages(UserAccount user, Planning.SourceParams source)
    {
        if (source.Kind != Planning.SourceParams.MyImagery) return [];
        lock (_gate)
        {
            if ((string?)source.Value["mosaicId"] is { } mosaicId)
            {
                var mosaic = TryFindMosaic(user, mosaicId) ?? throw ApiException.BadRequest($"sourceParams.myImagery.mosaicId: mosaic {mosaicId} was not found");
                var images = _images.Values.Where(i => i.MosaicId == mosaic.Id).ToList();
                return images.Count > 0 ? images : throw ApiException.BadRequest($"sourceParams.myImagery.mosaicId: mosaic {mosaicId} has no images");
            }
            return (source.Value["imageIds"]?.AsArray().Select(i => (string?)i) ?? [])
                .Select(imageId => TryFindImage(user, imageId ?? "") ?? throw ApiException.BadRequest($"sourceParams.myImagery.imageIds: image {imageId} was not found"))
                .ToList();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A download still streaming a file; the temporary folder is the system's to clean then.
        }
    }
}
