using BitMiracle.LibTiff.Classic;

namespace Mapflow.Emulator.Tests;

/// <summary>Small GeoTIFFs written with LibTiff.NET: uint8 pixels, georeferenced by pixel scale, tiepoint and EPSG code.</summary>
internal static class GeoTiffs
{
    private const TiffTag PixelScale = (TiffTag)33550;
    private const TiffTag Tiepoint = (TiffTag)33922;
    private const TiffTag GeoKeys = (TiffTag)34735;
    private static readonly object Gate = new();

    static GeoTiffs()
    {
        // The GeoTIFF tags are unknown to LibTiff: registered for every file it opens from now on.
        Tiff.TiffExtendProc? parent = null;
        parent = Tiff.SetTagExtender(tiff =>
        {
            tiff.MergeFieldInfo(
            [
                new TiffFieldInfo(PixelScale, -1, -1, TiffType.DOUBLE, FieldBit.Custom, false, true, "ModelPixelScale"),
                new TiffFieldInfo(Tiepoint, -1, -1, TiffType.DOUBLE, FieldBit.Custom, false, true, "ModelTiepoint"),
                new TiffFieldInfo(GeoKeys, -1, -1, TiffType.SHORT, FieldBit.Custom, false, true, "GeoKeyDirectory"),
            ], 3);
            parent?.Invoke(tiff);
        });
    }

    public static byte[] Write(int width = 8, int height = 8, int bands = 3, int epsg = 4326, double x = 37.6, double y = 55.8, double pixel = 0.0001, int seed = 1)
    {
        lock (Gate)
        {
            using var stream = new MemoryStream();
            using (var tiff = Tiff.ClientOpen("test.tif", "w", stream, new TiffStream()))
            {
                tiff.SetField(TiffTag.IMAGEWIDTH, width);
                tiff.SetField(TiffTag.IMAGELENGTH, height);
                tiff.SetField(TiffTag.SAMPLESPERPIXEL, bands);
                tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
                tiff.SetField(TiffTag.PHOTOMETRIC, bands >= 3 ? Photometric.RGB : Photometric.MINISBLACK);
                tiff.SetField(TiffTag.PLANARCONFIG, PlanarConfig.CONTIG);
                tiff.SetField(TiffTag.ROWSPERSTRIP, height);
                tiff.SetField(PixelScale, 3, new[] { pixel, pixel, 0.0 });
                tiff.SetField(Tiepoint, 6, new[] { 0, 0, 0, x, y, 0.0 });
                var geographic = epsg == 4326;
                tiff.SetField(GeoKeys, 16, new short[] { 1, 1, 0, 3, 1024, 0, 1, (short)(geographic ? 2 : 1), 1025, 0, 1, 1, (short)(geographic ? 2048 : 3072), 0, 1, (short)epsg });
                var row = new byte[width * bands];
                var random = new Random(seed);
                for (var r = 0; r < height; r++)
                {
                    random.NextBytes(row);
                    tiff.WriteScanline(row, r);
                }
                tiff.WriteDirectory();
                tiff.Flush();
            }
            return stream.ToArray();
        }
    }
}
