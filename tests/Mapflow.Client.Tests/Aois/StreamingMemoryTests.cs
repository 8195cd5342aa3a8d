using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mapflow.Client.Aois;
using Xunit;
using Xunit.Abstractions;

namespace Mapflow.Client.Tests.Aois;

/// <summary>A ~50 MB, 100,000-feature file must be read without holding the file or the features in memory.</summary>
/// <remarks>The measure is process-wide, so it runs when no other test does (seen failing at 5.6 MB beside parallel tests).</remarks>
[Collection(NotInParallel.Name)]
public class StreamingMemoryTests(ITestOutputHelper output)
{
    private const int FeatureCount = 100_000;

    [Fact]
    public void ReadingALargeFileKeepsRetainedMemorySmall()
    {
        using var temp = new AoiTestData.TempDirectory();
        string path = temp.File("large.geojson");
        long fileSize = WriteLargeFile(path);
        Assert.True(fileSize > 45_000_000, $"the generated file has only {fileSize} bytes");

        // Peak *retained* managed memory: force a full collection at samples taken while enumerating.
        // (Total allocated bytes would count the garbage of every feature and says nothing about holding.)
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        int read = 0, valid = 0;
        var clock = Stopwatch.StartNew();
        foreach (var result in AoiReader.Read(path, new AoiReadOptions()))
        {
            read++;
            if (result.Aoi is not null)
                valid++;
            if (read % 10_000 == 0)
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }

        output.WriteLine($"file {fileSize:N0} bytes, {read:N0} features in {clock.ElapsedMilliseconds:N0} ms, "
            + $"peak retained growth {peak:N0} bytes");
        Assert.Equal(FeatureCount, read);
        Assert.Equal(FeatureCount, valid);
        Assert.True(peak < fileSize / 20, $"retained {peak:N0} bytes while reading a {fileSize:N0}-byte file");
    }

    // Each feature is a 12-vertex polygon with a few properties, about 500 bytes; the crs member comes last
    // so the reader's first pass has to go through the whole file to find it.
    private static long WriteLargeFile(string path)
    {
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("{\"type\":\"FeatureCollection\",\"features\":[\n");
            var feature = new StringBuilder(600);
            for (int i = 0; i < FeatureCount; i++)
            {
                double lon = 60 + (i % 1000) * 0.02, lat = 30 + (i / 1000) * 0.02;
                feature.Clear().Append(i == 0 ? "" : ",\n")
                    .Append(CultureInfo.InvariantCulture,
                        $"{{\"type\":\"Feature\",\"properties\":{{\"name\":\"Деревня {i}\",\"osm_id\":{9_000_000_000L + i},\"place\":\"village\",\"population\":{i % 5000}}},")
                    .Append("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
                for (int v = 0; v <= 12; v++)
                {
                    double angle = (v % 12) * Math.PI / 6;
                    feature.Append(v == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                        $"[{lon + 0.005 * Math.Cos(angle):F9},{lat + 0.005 * Math.Sin(angle):F9}]");
                }

                writer.Write(feature.Append("]]}}"));
            }

            writer.Write("\n],\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}}}\n");
        }

        return new FileInfo(path).Length;
    }
}
