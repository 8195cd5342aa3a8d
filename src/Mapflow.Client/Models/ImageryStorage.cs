namespace Mapflow;

/// <summary>The account's data-catalog storage (GET /rasters/memory), in bytes; a null limit or free space is unlimited.</summary>
public sealed class ImageryStorage
{
    public long? MemoryLimit { get; set; }
    public long MemoryUsed { get; set; }
    public long? MemoryFree { get; set; }

    /// <summary>The largest file one upload may send.</summary>
    public long? MaxUploadFileSize { get; set; }

    /// <summary>The most pixels (width × height) one image may have.</summary>
    public long? MaxPixelCount { get; set; }
}

/// <summary>A presigned link to an image's file (GET /rasters/image/{id}/download); it carries its own credential.</summary>
public sealed class ImageDownloadLink
{
    [System.Text.Json.Serialization.JsonPropertyName("download_url")]
    public string? DownloadUrl { get; set; }

    public string? Filename { get; set; }

    /// <summary>Seconds the link stays valid.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("expires_in")]
    public int? ExpiresIn { get; set; }

    // The URL is a credential for an hour: never shown by ToString.
    public override string ToString() => Filename ?? "";
}
