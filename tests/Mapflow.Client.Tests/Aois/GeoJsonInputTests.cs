using System.Text;
using Mapflow.Client.Aois;
using Xunit;

namespace Mapflow.Client.Tests.Aois;

/// <summary>The shapes a GeoJSON input can take, the crs member, encodings, and whole-file failures.</summary>
public class GeoJsonInputTests
{
    private const string Square = AoiTestData.Square;

    private static string Feature(string name) => $"{{\"type\":\"Feature\",\"properties\":{{\"name\":\"{name}\"}},\"geometry\":{Square}}}";

    private static string Collection(string members) =>
        $"{{\"type\":\"FeatureCollection\",{members}}}";

    [Fact]
    public void SingleFeatureIsOneAoi()
    {
        var aoi = AoiTestData.SingleAoi(Feature("Бой"));
        Assert.Equal("Бой", aoi.Name);
        Assert.Equal(0, aoi.Index);
    }

    [Fact]
    public void BareGeometryIsOneAoiNamedByIndex()
    {
        var aoi = AoiTestData.SingleAoi(Square);
        Assert.Equal("0", aoi.Name);
        Assert.Empty(aoi.Properties);
    }

    [Fact]
    public void BarePointIsReportedNotThrown()
    {
        var problem = AoiTestData.SingleProblem("{\"type\":\"Point\",\"coordinates\":[69,40]}");
        Assert.Equal(AoiProblemCodes.UnsupportedGeometryType, problem.Code);
    }

    [Fact]
    public void TypeMayComeAfterFeatures()
    {
        var results = AoiTestData.ReadText($"{{\"features\":[{Feature("a")},{Feature("b")}],\"type\":\"FeatureCollection\"}}");
        Assert.Equal(["a", "b"], results.Select(r => r.Aoi!.Name));
    }

    [Theory]
    [InlineData("urn:ogc:def:crs:EPSG::32642")]
    [InlineData("EPSG:3857")]
    public void ProjectedCrsBeforeFeaturesRejectsEveryFeature(string crs)
    {
        var results = AoiTestData.ReadText(Collection(
            $"\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"{crs}\"}}}},\"features\":[{Feature("a")},{Feature("b")}]"));
        Assert.Equal(2, results.Count);
        Assert.All(results, r =>
        {
            Assert.Equal(AoiProblemCodes.UnsupportedCrs, r.Problem?.Code);
            Assert.Contains(crs, r.Problem!.Message);
        });
        Assert.Equal(["a", "b"], results.Select(r => r.Problem!.Name));
    }

    [Fact]
    public void ProjectedCrsAfterFeaturesStillRejectsEveryFeature()
    {
        var results = AoiTestData.ReadText(Collection(
            $"\"features\":[{Feature("a")}],\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"urn:ogc:def:crs:EPSG::32642\"}}}}"));
        Assert.Equal(AoiProblemCodes.UnsupportedCrs, Assert.Single(results).Problem?.Code);
    }

    [Theory]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84")]
    [InlineData("urn:ogc:def:crs:OGC::CRS84")]
    [InlineData("urn:ogc:def:crs:EPSG::4326")]
    [InlineData("EPSG:4326")]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84")]
    public void Wgs84CrsIsAccepted(string crs)
    {
        var results = AoiTestData.ReadText(Collection(
            $"\"crs\":{{\"type\":\"name\",\"properties\":{{\"name\":\"{crs}\"}}}},\"features\":[{Feature("a")}]"));
        Assert.NotNull(Assert.Single(results).Aoi);
    }

    [Fact]
    public void CrsOnASingleFeatureApplies()
    {
        string feature = "{\"type\":\"Feature\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:32642\"}},"
            + $"\"properties\":{{}},\"geometry\":{Square}}}";
        Assert.Equal(AoiProblemCodes.UnsupportedCrs, AoiTestData.SingleProblem(feature).Code);
    }

    [Fact]
    public void BadFeaturesDoNotStopTheRest()
    {
        var results = AoiTestData.ReadText(Collection(
            $"\"features\":[\"text\",{{\"type\":\"Feature\",\"properties\":\"x\",\"geometry\":{Square}}},{Feature("ok")}]"));
        Assert.Equal(AoiProblemCodes.InvalidFeature, results[0].Problem?.Code);
        Assert.Equal(AoiProblemCodes.InvalidFeature, results[1].Problem?.Code);
        Assert.Equal("ok", results[2].Aoi?.Name);
    }

    [Theory]
    [InlineData("[[[69,40],[69.01,40],[\"69\",40.01],[69,40]]]", "\"69\" that is not a number")]
    [InlineData("[[[69,40],[69.01],[69.01,40.01],[69,40]]]", "position with 1 value(s)")]
    [InlineData("[[69,40]]", "ring 0 has a position that is a JSON number")]
    [InlineData("[69,40]", "ring 0 is a JSON number, not an array of positions")]
    public void MalformedCoordinatesAreInvalidFeatures(string coordinates, string expected)
    {
        var problem = AoiTestData.SingleProblem($"{{\"type\":\"Polygon\",\"coordinates\":{coordinates}}}");
        Assert.Equal(AoiProblemCodes.InvalidFeature, problem.Code);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void EmptyCollectionYieldsNothing() =>
        Assert.Empty(AoiTestData.ReadText(Collection("\"features\":[]")));

    [Fact]
    public void Utf8ByteOrderMarkIsSkipped()
    {
        using var temp = new AoiTestData.TempDirectory();
        string path = temp.File("bom.geojson");
        File.WriteAllText(path, Feature("Авазли"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var result = Assert.Single(AoiReader.Read(path, new AoiReadOptions()));
        Assert.Equal("Авазли", result.Aoi?.Name);
    }

    [Fact]
    public void Utf16FileThrowsAClearError()
    {
        using var stream = new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Square)).ToArray());
        var error = Assert.Throws<InvalidDataException>(() => AoiReader.ReadGeoJson(stream, null, new AoiReadOptions()).ToList());
        Assert.Contains("UTF-16", error.Message);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"name\":\"no type\"}")]
    [InlineData("{\"type\":\"FeatureCollection\"}")]
    public void NonGeoJsonThrows(string text) =>
        Assert.Throws<InvalidDataException>(() => AoiTestData.ReadText(text));

    [Fact]
    public void TruncatedFileThrowsBeforeYieldingAnything()
    {
        string text = Collection($"\"features\":[{Feature("a")},{Feature("b")}]");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text[..^10]));
        using var results = AoiReader.ReadGeoJson(stream, "cut.geojson", new AoiReadOptions()).GetEnumerator();
        var error = Assert.Throws<InvalidDataException>(() => results.MoveNext());
        Assert.Contains("cut.geojson", error.Message);
    }

    [Fact]
    public void NonSeekableStreamIsRead()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Collection($"\"features\":[{Feature("a")},{Feature("b")}]"));
        using var stream = new ForwardOnlyStream(bytes);
        var results = AoiReader.ReadGeoJson(stream, null, new AoiReadOptions()).ToList();
        Assert.Equal(["a", "b"], results.Select(r => r.Aoi!.Name));
    }

    [Fact]
    public void FeatureLargerThanTheReadBufferIsReadWhole()
    {
        // A circle of 20,000 vertices (~800 kB) forces the 64 kB buffer to grow.
        var ring = Enumerable.Range(0, 20000)
            .Select(i => (69 + 0.01 * Math.Cos(i * 2 * Math.PI / 20000), 40 + 0.01 * Math.Sin(i * 2 * Math.PI / 20000)))
            .Select(p => FormattableString.Invariant($"[{p.Item1:R},{p.Item2:R}]"));
        string coordinates = "[[" + string.Join(",", ring) + ",[70,40]]]"; // ends off the start: unclosed
        string big = $"{{\"type\":\"Feature\",\"properties\":{{}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":{coordinates}}}}}";
        var results = AoiTestData.ReadText(Collection($"\"features\":[{big},{Feature("after")}]"), repair: true);
        Assert.NotNull(results[0].Aoi);
        Assert.Contains(AoiRepairs.ClosedRings, results[0].Aoi!.Repairs);
        Assert.Equal("after", results[1].Aoi?.Name);
    }

    [Fact]
    public void MissingFileThrowsAtTheCall() =>
        Assert.Throws<FileNotFoundException>(() => AoiReader.Read("/nonexistent/aois.geojson", new AoiReadOptions()));

    [Fact]
    public void UnknownExtensionNamesTheSupportedOnes()
    {
        var error = Assert.Throws<NotSupportedException>(() => AoiReader.Read("aois.kml", new AoiReadOptions()));
        Assert.Contains(".geojson", error.Message);
    }

    [Fact]
    public void ExtensionIsCaseInsensitive()
    {
        using var temp = new AoiTestData.TempDirectory();
        string path = temp.File("AOIS.GeoJSON");
        File.WriteAllText(path, Square);
        Assert.NotNull(Assert.Single(AoiReader.Read(path, new AoiReadOptions())).Aoi);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }
    }
}
