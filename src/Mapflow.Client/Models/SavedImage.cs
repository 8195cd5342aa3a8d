using System;

namespace Mapflow;

/// <summary>An image file saved from the data catalog, checked against its size and SHA-1.</summary>
public sealed class SavedImage
{
    public string Path { get; set; } = "";
    public Guid ImageId { get; set; }
    public Guid MosaicId { get; set; }
    public string Filename { get; set; } = "";
    public long Length { get; set; }
    public string Sha1 { get; set; } = "";

    public override string ToString() => Path;
}
