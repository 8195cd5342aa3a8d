using System.Globalization;
using BitMiracle.LibTiff.Classic;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Geo;

/// <summary>
/// What the data catalog reads from an uploaded GeoTIFF (§5.8 meta_data): size, bands, sample type, CRS, pixel size
/// and the footprint in EPSG:4326. Georeferencing by ModelPixelScale + ModelTiepoint, CRS by the GeoKeyDirectory's
/// geographic (2048) or projected (3072) EPSG key; EPSG:4326 and 3857 are the CRSs whose footprint it computes.
/// </summary>
internal sealed record GeoTiff(string Crs, int Count, int Width, int Height, IReadOnlyList<string> Dtypes, double? Nodata,
    double PixelSizeX, double PixelSizeY, Polygon Footprint)
{
    private const int PixelScaleTag = 33550;
    private const int TiepointTag = 33922;
    private const int GeoKeyDirectoryTag = 34735;
    private const int GdalNodataTag = 42113;
    private const int GeographicTypeKey = 2048;
    private const int ProjectedTypeKey = 3072;
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    static GeoTiff() => Tiff.SetErrorHandler(new Quiet());

    /// <summary>The GeoTIFF in <paramref name="path"/>; else whether it is a TIFF at all, and what it lacks.</summary>
    public static (GeoTiff? Tiff, bool IsTiff, string? Problem) Read(string path)
    {
        using var tiff = Tiff.Open(path, "r");
        if (tiff is null) return (null, false, "not a TIFF file");
        int Int(TiffTag tag, int fallback) => tiff.GetField(tag) is { } v ? v[0].ToInt() : fallback;
        var width = Int(TiffTag.IMAGEWIDTH, 0);
        var height = Int(TiffTag.IMAGELENGTH, 0);
        var count = Int(TiffTag.SAMPLESPERPIXEL, 1);
        var bits = Int(TiffTag.BITSPERSAMPLE, 1);
        var format = Int(TiffTag.SAMPLEFORMAT, 1);
        var scale = tiff.GetField((TiffTag)PixelScaleTag)?[1].ToDoubleArray();
        var tiepoint = tiff.GetField((TiffTag)TiepointTag)?[1].ToDoubleArray();
        var keys = tiff.GetField((TiffTag)GeoKeyDirectoryTag)?[1].ToShortArray();
        if (width <= 0 || height <= 0) return (null, true, "a TIFF without image size");
        if (scale is not { Length: >= 2 } || tiepoint is not { Length: >= 6 }) return (null, true, "a TIFF without georeferencing (ModelPixelScale and ModelTiepoint)");
        var epsg = keys is null ? null : Epsg(keys);
        if (epsg is not (4326 or 3857)) return (null, true, $"a GeoTIFF in {(epsg is null ? "an unknown CRS" : $"EPSG:{epsg}")}; the emulator reads EPSG:4326 and EPSG:3857");
        var nodataText = tiff.GetField((TiffTag)GdalNodataTag)?[1].ToString()?.Trim('\0', ' ');
        double? nodata = double.TryParse(nodataText, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

        // The tiepoint ties raster (i, j) to model (x, y); rows go down, so y decreases.
        var (x0, y0) = (tiepoint[3] - tiepoint[0] * scale[0], tiepoint[4] + tiepoint[1] * scale[1]);
        var (x1, y1) = (x0 + width * scale[0], y0 - height * scale[1]);
        var corners = new[] { (x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0) }
            .Select(c => epsg == 3857 ? FromWebMercator(c.Item1, c.Item2) : new Coordinate(c.Item1, c.Item2)).ToArray();
        var dtype = DType(bits, format);
        return (new GeoTiff($"EPSG:{epsg}", count, width, height, Enumerable.Repeat(dtype, count).ToList(), nodata, scale[0], scale[1],
            Wgs84.CreatePolygon(corners)), true, null);
    }

    /// <summary>The EPSG code of the GeoKeyDirectory (header of 4 shorts, then 4 per key: id, location, count, value).</summary>
    private static int? Epsg(short[] keys)
    {
        int? geographic = null, projected = null;
        for (var i = 4; i + 3 < keys.Length; i += 4)
        {
            var (id, location, value) = ((ushort)keys[i], keys[i + 1], (ushort)keys[i + 3]);
            if (location != 0) continue;
            if (id == GeographicTypeKey) geographic = value;
            if (id == ProjectedTypeKey) projected = value;
        }
        return projected ?? geographic;
    }

    private static Coordinate FromWebMercator(double x, double y)
    {
        const double r = 6378137;
        return new Coordinate(x / r * 180 / Math.PI, (2 * Math.Atan(Math.Exp(y / r)) - Math.PI / 2) * 180 / Math.PI);
    }

    /// <summary>rasterio's names for the sample type (BitsPerSample with SampleFormat 1 uint, 2 int, 3 float).</summary>
    private static string DType(int bits, int format) => format switch
    {
        2 => $"int{bits}",
        3 => $"float{bits}",
        _ => $"uint{bits}",
    };

    /// <summary>LibTiff's default handler prints to the console; the emulator reports problems in its answers instead.</summary>
    private sealed class Quiet : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) { }
        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }
        public override void WarningHandler(Tiff tif, string method, string format, params object[] args) { }
        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args) { }
    }
}
