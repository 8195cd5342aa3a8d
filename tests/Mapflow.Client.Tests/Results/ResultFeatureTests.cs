using System.Text;
using System.Text.Json.Nodes;
using Mapflow.Client.Review;
using Xunit;

namespace Mapflow.Client.Tests.Results;

public class ResultFeatureTests
{
    private static readonly Guid ProcessingId = Guid.NewGuid();

    private static ResultFeature Parse(string json) => ResultFeature.Parse(Encoding.UTF8.GetBytes(json), ProcessingId, null);

    [Fact]
    public void Keeps_scalars_as_values_and_nested_values_as_their_json_text()
    {
        var feature = Parse("""{"type":"Feature","properties":{"id":7,"area":12.5,"object_type":"building","ok":true,"none":null,"heights":{"min":3,"max":[9,12]}},"geometry":{"type":"Polygon","coordinates":[[[1,2],[3,2],[3,4],[1,2]]]}}""");

        Assert.Equal(7L, feature.Properties["id"]);
        Assert.Equal(12.5, feature.Properties["AREA"]);
        Assert.Equal("building", feature.Properties["object_type"]);
        Assert.Equal(true, feature.Properties["ok"]);
        Assert.Null(feature.Properties["none"]);
        Assert.Equal("""{"min":3,"max":[9,12]}""", feature.Properties["heights"]);
        Assert.Equal("Polygon", feature.GeometryType);
        Assert.Equal("Polygon", (string?)JsonNode.Parse(feature.Geometry!)!["type"]);
        Assert.Equal(ProcessingId, feature.ProcessingId);
    }

    [Fact]
    public void A_feature_without_geometry_or_properties_has_none() =>
        Assert.Multiple(
            () => Assert.Null(Parse("""{"type":"Feature","geometry":null}""").Geometry),
            () => Assert.Empty(Parse("""{"type":"Feature","properties":null,"geometry":null}""").Properties));
}

public class ProblemAreasTests
{
    private const string Square = """{"type":"Polygon","coordinates":[[[1,2],[3,2],[3,4],[1,2]]]}""";

    [Fact]
    public void Geometries_features_and_collections_become_one_feature_collection()
    {
        var collection = ProblemAreas.ToFeatureCollection(new[]
        {
            Square,
            $$"""{"type":"Feature","properties":{"note":"n"},"geometry":{{Square}}}""",
            $$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{{Square}}},{"type":"Feature","properties":{},"geometry":{{Square}}}]}""",
        });

        Assert.Equal("FeatureCollection", (string?)collection["type"]);
        var features = collection["features"]!.AsArray();
        Assert.Equal(4, features.Count);
        Assert.All(features, f => Assert.Equal("Feature", (string?)f!["type"]));
        Assert.Equal("n", (string?)features[1]!["properties"]!["note"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"Circle"}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null}]}""")]
    public void Anything_else_is_an_argument_error(string text) =>
        Assert.Throws<ArgumentException>(() => ProblemAreas.ToFeatureCollection(new[] { text }));
}
