using System.Text;
using Mapflow.Client.Aois;
using Xunit;

namespace Mapflow.Client.Tests.Aois;

/// <summary>
/// One bad feature never ends the import: text that is not UTF-8, lone surrogate escapes, and features too large
/// to read are problems of that feature alone, and the memory used stays bounded by the per-feature limit.
/// </summary>
public class BadInputTests
{
    private const string Square = AoiTestData.Square;

    private static string Feature(string propertiesJson) => AoiTestData.Feature(propertiesJson);

    private static string Collection(params string[] features) => AoiTestData.Collection(features);

    // The collection before, middle, after with the placeholder in the middle feature replaced by raw bytes.
    private static byte[] WithBytes(string middleProperties, string placeholder, params byte[] raw)
    {
        var bytes = Encoding.UTF8.GetBytes(Collection(
            Feature("{\"name\":\"before\"}"), Feature(middleProperties), Feature("{\"name\":\"after\"}")));
        int at = Encoding.UTF8.GetString(bytes).IndexOf(placeholder, StringComparison.Ordinal);
        raw.CopyTo(bytes, at);
        return bytes;
    }

    private static List<AoiReadResult> Read(byte[] bytes, int maxFeatureBytes = AoiReadOptions.DefaultMaxFeatureBytes)
    {
        using var stream = new MemoryStream(bytes);
        return AoiReader.ReadGeoJson(stream, "bad.geojson", new AoiReadOptions { MaxFeatureBytes = maxFeatureBytes }).ToList();
    }

    private static List<AoiReadResult> Read(string text, int maxFeatureBytes = AoiReadOptions.DefaultMaxFeatureBytes) =>
        Read(Encoding.UTF8.GetBytes(text), maxFeatureBytes);

    // The feature in the middle is bad; the ones around it must come through.
    private static AoiProblem MiddleProblem(List<AoiReadResult> results)
    {
        Assert.Equal(3, results.Count);
        Assert.Equal("before", results[0].Aoi?.Name);
        Assert.Equal("after", results[2].Aoi?.Name);
        var problem = results[1].Problem!;
        Assert.NotNull(problem);
        Assert.Equal(1, problem.Index);
        Assert.Equal("bad.geojson", problem.SourcePath);
        return problem;
    }

    [Theory]
    [InlineData("b\\ud800", "\\ud800")]
    [InlineData("\\udc00b", "\\udc00")]
    [InlineData("\\udc00\\ud800", "\\udc00")]
    public void LoneSurrogateEscapeIsThatFeaturesInvalidText(string value, string escape)
    {
        var problem = MiddleProblem(Read(Collection(
            Feature("{\"name\":\"before\"}"), Feature($"{{\"name\":\"{value}\",\"n\":1}}"), Feature("{\"name\":\"after\"}"))));
        Assert.Equal(AoiProblemCodes.InvalidText, problem.Code);
        Assert.Contains($"the value of \"name\" (at byte", problem.Message);
        Assert.Contains($"has {escape}, half of a UTF-16 surrogate pair", problem.Message);
    }

    [Fact]
    public void Cp1251ValueIsThatFeaturesInvalidText()
    {
        var problem = MiddleProblem(Read(WithBytes("{\"name\":\"XXX\"}", "XXX", 0xC1, 0xEE, 0xE9))); // "Бой" in Windows-1251
        Assert.Equal(AoiProblemCodes.InvalidText, problem.Code);
        Assert.Contains("the value of \"name\"", problem.Message);
        Assert.Contains("has bytes that are not UTF-8 (0xC1", problem.Message);
        Assert.Contains("Windows-1251", problem.Message);
    }

    [Fact]
    public void Cp1251PropertyNameIsThatFeaturesInvalidText()
    {
        var problem = MiddleProblem(Read(WithBytes("{\"name\":\"b\",\"XX\":1}", "XX", 0xC8, 0xFF))); // "Им" in Windows-1251
        Assert.Equal(AoiProblemCodes.InvalidText, problem.Code);
        Assert.Contains("the property name after \"name\"", problem.Message);
    }

    [Fact]
    public void BadTextOutsideTheFeaturesIsAnUnreadableFileNotACrash()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"FeatureCollection\",\"features\":[],\"XX\":1}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC1;
        var error = Assert.Throws<InvalidDataException>(() => Read(bytes));
        Assert.Contains("bad.geojson", error.Message);
    }

    [Theory]
    [InlineData("\"note\":\"{0}\"")] // one long string, as a 600 MB property
    [InlineData("\"note\":\"\\\\{0}\\\"\\\\\"")] // escapes at both ends, an escaped quote among them
    [InlineData("\"population\":1{0}")] // one long number token, as a 1 GiB token
    [InlineData("\"tags\":[\"{0}\",\"{0}\",\"{0}\",\"{0}\"]")] // several long strings
    public void ATokenFarLongerThanTheLimitIsThatFeaturesProblemAndIsNotHeldInMemory(string property)
    {
        string filler = new string(property.Contains("population") ? '7' : 'x', 1_000_000);
        string bad = Feature("{\"name\":\"b\"," + string.Format(property, filler) + "}");
        byte[] bytes = Encoding.UTF8.GetBytes(Collection(Feature("{\"name\":\"before\"}"), bad, Feature("{\"name\":\"after\"}")));

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var results = Read(bytes, maxFeatureBytes: 4096);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var problem = MiddleProblem(results);
        Assert.Equal(AoiProblemCodes.FeatureTooLarge, problem.Code);
        Assert.Contains("over the limit of 4,096 bytes", problem.Message);
        Assert.InRange(long.Parse(problem.Message.Split(' ')[3], System.Globalization.NumberStyles.AllowThousands,
            System.Globalization.CultureInfo.InvariantCulture), bad.Length, bad.Length + 2);
        Assert.True(allocated < 300_000, $"reading allocated {allocated:N0} bytes for a {bytes.Length:N0}-byte input");
    }

    [Fact]
    public void AFeatureOfManySmallTokensOverTheLimitIsThatFeaturesProblem()
    {
        var ring = Enumerable.Range(0, 20_000).Select(i => FormattableString.Invariant($"[{69 + i * 1e-7},{40 + (i % 2) * 1e-7}]"));
        string bad = $"{{\"type\":\"Feature\",\"properties\":{{\"name\":\"b\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{string.Join(",", ring)}]]}}}}";
        var results = Read(Collection(Feature("{\"name\":\"before\"}"), bad, Feature("{\"name\":\"after\"}")), maxFeatureBytes: 64 * 1024);
        Assert.Equal(AoiProblemCodes.FeatureTooLarge, MiddleProblem(results).Code);
    }

    [Fact]
    public void WhitespaceBetweenFeaturesDoesNotCountWhitespaceInsideOneDoes()
    {
        // Utf8JsonReader keeps the whitespace after a comma until the next token: 100 kB of it must not fill the buffer.
        string spaces = new string(' ', 100_000);
        string text = "{\"type\":\"FeatureCollection\",\"features\":[" + Feature("{\"name\":\"before\"}") + "," + spaces
            + Feature("{\"name\":\"b\"," + spaces + "\"n\":1}") + "," + spaces + Feature("{\"name\":\"after\"}") + "]}";
        Assert.Equal(AoiProblemCodes.FeatureTooLarge, MiddleProblem(Read(text, maxFeatureBytes: 4096)).Code);
    }

    [Fact]
    public void AFeatureOfExactlyTheLimitIsRead()
    {
        string feature = Feature("{\"name\":\"b\",\"longer\":\"than the features around it\"}");
        string text = Collection(Feature("{\"name\":\"before\"}"), feature, Feature("{\"name\":\"after\"}"));
        Assert.Equal("b", Read(text, maxFeatureBytes: feature.Length)[1].Aoi?.Name);
        var problem = MiddleProblem(Read(text, maxFeatureBytes: feature.Length - 1));
        Assert.StartsWith($"the feature is {feature.Length} bytes of GeoJSON, over the limit of {feature.Length - 1} bytes for", problem.Message);
    }

    [Fact]
    public void ASingleFeatureFileOverTheLimitIsOneProblem()
    {
        string text = Feature("{\"name\":\"b\",\"note\":\"" + new string('x', 100_000) + "\"}");
        var problem = Assert.Single(Read(text, maxFeatureBytes: 4096)).Problem!;
        Assert.Equal(AoiProblemCodes.FeatureTooLarge, problem.Code);
        Assert.Equal(0, problem.Index);
    }

    [Fact]
    public void ALongMemberOutsideTheFeaturesIsSkipped()
    {
        string text = "{\"type\":\"FeatureCollection\",\"description\":\"" + new string('x', 100_000) + "\",\"features\":["
            + Feature("{\"name\":\"a\"}") + "],\"note\":" + new string('9', 100_000) + "}";
        Assert.Equal("a", Assert.Single(Read(text, maxFeatureBytes: 4096)).Aoi?.Name);
    }

    [Fact]
    public void ACrsOverTheLimitMakesTheFileUnreadable()
    {
        string text = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + new string('x', 100_000)
            + "\"}},\"features\":[" + Feature("{\"name\":\"a\"}") + "]}";
        var error = Assert.Throws<InvalidDataException>(() => Read(text, maxFeatureBytes: 4096));
        Assert.Contains("\"crs\" member is", error.Message);
    }

    [Fact]
    public void ALongStringThatNeverEndsIsBrokenJson()
    {
        string text = "{\"type\":\"FeatureCollection\",\"features\":[" + Feature("{\"name\":\"a\"}") + ",{\"note\":\"" + new string('x', 100_000);
        Assert.Throws<InvalidDataException>(() => Read(text, maxFeatureBytes: 4096));
    }

    [Fact]
    public void AtTheDocumentedLimitAPropertyOver64MiBIsThatFeaturesProblem()
    {
        using var temp = new AoiTestData.TempDirectory();
        string path = temp.File("huge-property.geojson");
        using (var file = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            file.Write("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"huge\",\"note\":\"");
            var chunk = new string('x', 1 << 20);
            for (int i = 0; i < 65; i++)
                file.Write(chunk);
            file.Write($"\"}},\"geometry\":{Square}}},{Feature("{\"name\":\"after\"}")}]}}");
        }

        var results = AoiReader.Read(path, new AoiReadOptions()).ToList();

        Assert.Equal(2, results.Count);
        Assert.Equal(AoiProblemCodes.FeatureTooLarge, results[0].Problem?.Code);
        Assert.Contains("over the limit of 67,108,864 bytes (64 MiB)", results[0].Problem!.Message);
        Assert.Equal("after", results[1].Aoi?.Name);
    }
}
