using Mapflow.Client.Aois;
using Xunit;

namespace Mapflow.Client.Tests.Aois;

/// <summary>Where AOI names come from: the usual name properties when none is given, any case, the index otherwise.</summary>
public class NameTests
{
    private static AoiReadResult Read(string properties, string? nameProperty = null, string geometry = AoiTestData.Square)
    {
        string feature = AoiTestData.Feature(properties, geometry);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(feature));
        return Assert.Single(AoiReader.ReadGeoJson(stream, "test.geojson", new AoiReadOptions { NameProperty = nameProperty }).ToList());
    }

    [Theory]
    [InlineData("{\"NAME\":\"Бой\",\"osm_id\":1}", "NAME")]
    [InlineData("{\"Name\":\"Бой\"}", "Name")]
    [InlineData("{\"name_en\":\"Бой\",\"place\":\"village\"}", "name_en")]
    [InlineData("{\"name:en\":\"Бой\"}", "name:en")]
    [InlineData("{\"title\":\"Бой\"}", "title")]
    [InlineData("{\"TITLE\":\"Бой\"}", "TITLE")]
    [InlineData("{\"label\":\"Бой\"}", "label")]
    [InlineData("{\"nom\":\"Бой\"}", "nom")]
    public void UsualNamePropertiesAreFoundWithoutBeingAsked(string properties, string expectedProperty)
    {
        var result = Read(properties);
        Assert.Equal("Бой", result.Aoi!.Name);
        Assert.Equal(expectedProperty, result.NameProperty);
    }

    [Theory]
    [InlineData("{\"title\":\"b\",\"name\":\"a\"}", "a")]
    [InlineData("{\"NAME\":\"b\",\"name\":\"a\"}", "a")]
    [InlineData("{\"name_en\":\"b\",\"NAME\":\"a\"}", "a")]
    [InlineData("{\"name\":\" \",\"title\":\"a\"}", "a")]
    [InlineData("{\"name\":null,\"label\":\"a\"}", "a")]
    public void TheBestUsualPropertyWithAValueWins(string properties, string expected) =>
        Assert.Equal(expected, Read(properties).Aoi!.Name);

    [Fact]
    public void AFeatureWithoutAnyUsualPropertyIsNamedByItsIndexAndSaysSo()
    {
        var result = Read("{\"osm_id\":12,\"place\":\"village\"}");
        Assert.Equal("0", result.Aoi!.Name);
        Assert.Null(result.NameProperty);
    }

    [Fact]
    public void AGivenPropertyMatchesIgnoringCaseExactCaseFirst()
    {
        Assert.Equal("a", Read("{\"CADNUM\":\"a\"}", "cadnum").Aoi!.Name);
        Assert.Equal("b", Read("{\"CADNUM\":\"a\",\"cadnum\":\"b\"}", "cadnum").Aoi!.Name);
    }

    [Fact]
    public void AGivenPropertyIsTheOnlyOneLookedFor()
    {
        var result = Read("{\"name\":\"a\"}", "nmae");
        Assert.Equal("0", result.Aoi!.Name);
        Assert.Null(result.NameProperty);
    }

    [Fact]
    public void AProblemCarriesTheNameAndWhereItCameFrom()
    {
        var result = Read("{\"NAME\":\"Бой\"}", geometry: "{\"type\":\"Point\",\"coordinates\":[69,40]}");
        Assert.Equal("Бой", result.Problem!.Name);
        Assert.Equal("NAME", result.NameProperty);
    }
}
