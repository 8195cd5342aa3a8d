using System.Text;
using Mapflow.Client.Results;
using Xunit;

namespace Mapflow.Client.Tests.Results;

public class FeatureCollectionCheckTests
{
    private static long Count(string json) => FeatureCollectionCheck.CountFeatures(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Counts_top_level_features_only() =>
        Assert.Equal(2, Count("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"nested":{"a":[{"b":1}]}},"geometry":null},{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}]}"""));

    [Fact]
    public void An_empty_collection_is_valid() =>
        Assert.Equal(0, Count("""{"features":[],"type":"FeatureCollection"}"""));

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","prop""")]
    [InlineData("""{"type":"FeatureCollection","features":[]""")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("""{"type":"Feature","features":[]}""")]
    [InlineData("""{"type":"FeatureCollection"}""")]
    [InlineData("[]")]
    [InlineData("")]
    public void Truncated_or_foreign_bodies_are_rejected(string json) =>
        Assert.Throws<InvalidDataException>(() => Count(json));

    [Fact]
    public void Reads_a_large_collection_through_a_small_buffer()
    {
        var text = new StringBuilder("""{"type":"FeatureCollection","features":[""");
        for (var i = 0; i < 20000; i++)
            text.Append(i == 0 ? "" : ",").Append("{\"type\":\"Feature\",\"properties\":{\"id\":" + i + ",\"name\":\"Бой " + i + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[64.1,39.8],[64.2,39.8],[64.2,39.9],[64.1,39.8]]]}}");
        text.Append("]}");
        Assert.Equal(20000, Count(text.ToString()));
    }

    [Fact]
    public void A_string_longer_than_the_buffer_is_read() =>
        Assert.Equal(1, Count("""{"type":"FeatureCollection","features":[{"properties":{"note":" """ + new string('x', 200_000) + """ "}}]}"""));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Gives_the_same_answer_whatever_the_chunks_the_bytes_arrive_in(int chunk)
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(
            """{"crs":{"type":"name"},"bbox":[1,2,3,4],"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Бой \"x\""},"geometry":null},{"type":"Feature"},7]}""")).ToArray();
        Assert.Equal(3, Scan(bytes, chunk));
        Assert.Throws<InvalidDataException>(() => Scan(bytes.Take(bytes.Length - 2).ToArray(), chunk));
    }

    [Fact]
    public void Stops_checking_at_the_end_of_the_collection() =>
        Assert.Equal(1, Scan(Encoding.UTF8.GetBytes("""{"type":"FeatureCollection","features":[{}]}""" + "\n"), 3));

    private static long Scan(byte[] bytes, int chunk)
    {
        var scanner = new FeatureCollectionScanner();
        for (var at = 0; at < bytes.Length; at += chunk)
            scanner.Append(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)));
        return scanner.Complete();
    }
}
