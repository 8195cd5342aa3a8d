using Xunit;
using System.Runtime.CompilerServices;
using System.Text;
using Mapflow.Client.Aois;

namespace Mapflow.Client.Tests.Aois;

/// <summary>Paths to the files under Aois/Data and helpers to read small GeoJSON texts.</summary>
internal static class AoiTestData
{
    /// <summary>A valid 0.01° square near Samarkand, as a GeoJSON geometry.</summary>
    public const string Square = "{\"type\":\"Polygon\",\"coordinates\":[[[69,40],[69.01,40],[69.01,40.01],[69,40.01],[69,40]]]}";

    public static string Feature(string propertiesJson, string geometry = Square) =>
        $"{{\"type\":\"Feature\",\"properties\":{propertiesJson},\"geometry\":{geometry}}}";

    public static string Collection(params string[] features) =>
        "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";

    // The test project copies no content files, so find Data/ next to this source file.
    public static string PathOf(string fileName, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Data", fileName);

    public static List<AoiReadResult> ReadText(string geoJson, bool repair = false, string nameProperty = "name")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(geoJson));
        var options = new AoiReadOptions { Repair = repair, NameProperty = nameProperty };
        return AoiReader.ReadGeoJson(stream, "test.geojson", options).ToList();
    }

    public static Aoi SingleAoi(string geoJson, bool repair = false)
    {
        var result = Assert.Single(ReadText(geoJson, repair));
        Assert.True(result.Aoi is not null, result.Problem?.ToString());
        return result.Aoi!;
    }

    public static AoiProblem SingleProblem(string geoJson, bool repair = false)
    {
        var result = Assert.Single(ReadText(geoJson, repair));
        Assert.True(result.Problem is not null, $"expected a problem, got AOI {result.Aoi}");
        return result.Problem!;
    }

    /// <summary>A temporary directory removed on dispose.</summary>
    public sealed class TempDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("mapflow-aois-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
