using System.IO;
using BitMiracle.LibTiff.Classic;

namespace Mapflow.Client.Imagery;

/// <summary>
/// A local GeoTIFF as the data catalog will see it, read from its tags only (LibTiff.NET): size, bands and whether it
/// is georeferenced (ModelPixelScale with ModelTiepoint, or ModelTransformation) with a GeoKeyDirectory. Checked
/// before an upload, so a file the service would refuse (FileOpenError) costs no transfer.
/// </summary>
public sealed class GeoTiffFile
{
    private const int PixelScaleTag = 33550;
    private const int TiepointTag = 33922;
    private const int TransformationTag = 34264;
    private const int GeoKeyDirectoryTag = 34735;

    static GeoTiffFile() => Tiff.SetErrorHandler(new Quiet());

    private GeoTiffFile(string path, long length, int width, int height)
    {
        Path = path;
        Length = length;
        Width = width;
        Height = height;
    }

    /// <summary>A file of the given size and pixels, for tests of what is decided from them.</summary>
    internal static GeoTiffFile ForTest(string path, long length, int width, int height) => new(path, length, width, height);

    public string Path { get; }
    public string Name => System.IO.Path.GetFileName(Path);
    public long Length { get; }
    public int Width { get; }
    public int Height { get; }
    public long PixelCount => (long)Width * Height;

    /// <summary>Reads the tags of <paramref name="path"/>; an <see cref="ImageFileException"/> (NotGeoTiff) when it is no georeferenced TIFF.</summary>
    public static GeoTiffFile Read(string path)
    {
        var length = new FileInfo(path).Length;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var tiff = Tiff.ClientOpen(path, "r", file, new TiffStream())
                         ?? throw NotGeoTiff(path, "it is not a TIFF file");
        int Int(TiffTag tag) => tiff.GetField(tag) is { } value ? value[0].ToInt() : 0;
        var (width, height) = (Int(TiffTag.IMAGEWIDTH), Int(TiffTag.IMAGELENGTH));
        if (width <= 0 || height <= 0) throw NotGeoTiff(path, "the TIFF has no image size");
        var placed = tiff.GetField((TiffTag)PixelScaleTag) != null && tiff.GetField((TiffTag)TiepointTag) != null
                     || tiff.GetField((TiffTag)TransformationTag) != null;
        if (!placed || tiff.GetField((TiffTag)GeoKeyDirectoryTag) == null)
            throw NotGeoTiff(path, "the TIFF has no georeferencing (GeoTIFF tags ModelPixelScale and ModelTiepoint, and a GeoKeyDirectory)");
        return new GeoTiffFile(path, length, width, height);
    }

    private static ImageFileException NotGeoTiff(string path, string why) =>
        new(path, ImageFileProblem.NotGeoTiff, $"'{path}' cannot be uploaded: {why}. Mapflow takes GeoTIFF files only.");

    /// <summary>LibTiff's default handler prints to the console; a problem here is reported as an exception instead.</summary>
    private sealed class Quiet : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) { }
        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args) { }
        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }
    }
}
