using Xunit;
using Mapflow.Client.Aois;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Tests.Aois;

/// <summary>Data/mixed.geojson: one feature per case, read with and without -Repair.</summary>
public class MixedFileTests
{
    private static readonly string MixedPath = AoiTestData.PathOf("mixed.geojson");
    private static readonly List<AoiReadResult> Plain = Read(repair: false);
    private static readonly List<AoiReadResult> Repaired = Read(repair: true);

    private static List<AoiReadResult> Read(bool repair) =>
        AoiReader.Read(MixedPath, new AoiReadOptions { Repair = repair }).ToList();

    // index, name, code without -Repair (null = valid), code with -Repair, repair note expected with -Repair
    public static TheoryData<int, string, string?, string?, string?> Cases => new()
    {
        { 0, "Valid", null, null, null },
        { 1, "Bowtie", AoiProblemCodes.SelfIntersection, null, AoiRepairs.FixedSelfIntersection },
        { 2, "Unclosed", AoiProblemCodes.UnclosedRing, null, AoiRepairs.ClosedRings },
        { 3, "ThreePositions", AoiProblemCodes.TooFewPositions, AoiProblemCodes.TooFewPositions, null },
        { 4, "HoleCrossesShell", AoiProblemCodes.InvalidHole, null, AoiRepairs.FixedInvalidHole },
        { 5, "PlaceNode", AoiProblemCodes.UnsupportedGeometryType, AoiProblemCodes.UnsupportedGeometryType, null },
        { 6, "Road", AoiProblemCodes.UnsupportedGeometryType, AoiProblemCodes.UnsupportedGeometryType, null },
        { 7, "NoGeometry", AoiProblemCodes.NullGeometry, AoiProblemCodes.NullGeometry, null },
        { 8, "Utm", AoiProblemCodes.CoordinatesOutOfRange, AoiProblemCodes.CoordinatesOutOfRange, null },
        { 9, "WithHeights", null, null, AoiRepairs.DroppedZ },
        { 10, "WithMeasures", AoiProblemCodes.MeasureCoordinates, AoiProblemCodes.MeasureCoordinates, null },
        { 11, "ThreeParts", null, null, null },
        { 12, "Бой", null, null, null },
        { 13, "Бой", null, null, null },
        { 14, "Авазли", null, null, null },
        { 15, "15", null, null, null },
        { 16, "Clockwise", null, null, AoiRepairs.ReorientedRings },
        { 17, "Collection", AoiProblemCodes.UnsupportedGeometryType, AoiProblemCodes.UnsupportedGeometryType, null },
        { 18, "Empty", AoiProblemCodes.EmptyGeometry, AoiProblemCodes.EmptyGeometry, null },
        { 19, "GeometryIsText", AoiProblemCodes.InvalidFeature, AoiProblemCodes.InvalidFeature, null },
        { 20, "20", null, null, null },
        { 21, "12345", null, null, null },
        { 22, "WithHole", null, null, null },
        { 23, "HoleOutsideShell", AoiProblemCodes.InvalidHole, null, AoiRepairs.FixedInvalidHole },
        { 24, "24", AoiProblemCodes.InvalidFeature, AoiProblemCodes.InvalidFeature, null },
    };

    [Fact]
    public void EveryFeatureYieldsExactlyOneResultInOrder()
    {
        Assert.Equal(Cases.Count(), Plain.Count);
        Assert.Equal(Cases.Count(), Repaired.Count);
        foreach (var result in Plain.Concat(Repaired))
            Assert.True(result.Aoi is null != (result.Problem is null));
        Assert.Equal(Enumerable.Range(0, Plain.Count), Plain.Select(r => r.Aoi?.Index ?? r.Problem!.Index));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WithoutRepair(int index, string name, string? code, string? repairedCode, string? repairNote)
    {
        _ = repairedCode;
        var result = Plain[index];
        Assert.Equal(code, result.Problem?.Code);
        Assert.Equal(name, result.Aoi?.Name ?? result.Problem!.Name);
        Assert.Equal(MixedPath, result.Aoi?.SourcePath ?? result.Problem!.SourcePath);
        if (result.Aoi is { } aoi)
        {
            // Without -Repair only the ring orientation and the heights may change.
            Assert.Equal(repairNote is AoiRepairs.ReorientedRings or AoiRepairs.DroppedZ ? new[] { repairNote } : [], aoi.Repairs);
            AssertSendable(aoi);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void WithRepair(int index, string name, string? code, string? repairedCode, string? repairNote)
    {
        _ = code;
        var result = Repaired[index];
        Assert.Equal(repairedCode, result.Problem?.Code);
        Assert.Equal(name, result.Aoi?.Name ?? result.Problem!.Name);
        if (result.Aoi is { } aoi)
        {
            Assert.Equal(repairNote is null ? [] : new[] { repairNote }, aoi.Repairs);
            AssertSendable(aoi);
        }
    }

    [Theory]
    [InlineData(1, "ring 0 has a self-intersection at (69.105, 40.405)")]
    [InlineData(2, "ring 0 is not closed: it starts at (69.1, 40.4) and ends at (69.1, 40.41)")]
    [InlineData(3, "ring 0 has 3 positions, at least 4 are needed")]
    [InlineData(4, "a hole crosses or touches the exterior ring or another hole at (69.105, 40.41)")]
    [InlineData(5, "a Point cannot be an AOI")]
    [InlineData(5, "OSM place=* features are often nodes")]
    [InlineData(6, "a LineString cannot be an AOI")]
    [InlineData(8, "(500000, 4400000)")]
    [InlineData(8, "probably in a projected CRS")]
    [InlineData(10, "M (measure)")]
    [InlineData(17, "a GeometryCollection cannot be an AOI")]
    [InlineData(19, "the geometry is a JSON string, not an object")]
    [InlineData(23, "a hole lies outside the exterior ring")]
    [InlineData(24, "the feature is a JSON number, not an object")]
    public void ProblemMessagesNameTheReason(int index, string expectedPart)
    {
        Assert.Contains(expectedPart, Plain[index].Problem!.Message);
    }

    [Fact]
    public void MultiPolygonStaysOneAoiCountingItsParts()
    {
        var aoi = Plain[11].Aoi!;
        Assert.IsType<MultiPolygon>(aoi.Geometry);
        Assert.Equal(3, aoi.PolygonCount);
        Assert.Equal(3 * Plain[0].Aoi!.AreaKm2, aoi.AreaKm2, 6);
    }

    [Fact]
    public void RepairedBowTieBecomesTwoTriangles()
    {
        var aoi = Repaired[1].Aoi!;
        Assert.Equal(2, aoi.PolygonCount);
        Assert.Equal(Plain[0].Aoi!.AreaKm2 / 2, aoi.AreaKm2, 6);
    }

    [Fact]
    public void HeightsAreDroppedWithoutRepair()
    {
        var aoi = Plain[9].Aoi!;
        Assert.All(aoi.Geometry.Coordinates, c => Assert.True(double.IsNaN(c.Z)));
        Assert.DoesNotContain("512.5", aoi.ToGeoJson());
    }

    [Fact]
    public void FourValuePositionsAreStillRejectedWithRepair() =>
        Assert.Contains("M (measure)", Repaired[10].Problem!.Message);

    [Fact]
    public void ClockwiseRingIsWrittenCounterClockwise()
    {
        var shell = ((Polygon)Plain[16].Aoi!.Geometry).Shell;
        Assert.True(Orientation.IsCCW(shell.CoordinateSequence));
    }

    [Fact]
    public void ValidPolygonWithHoleKeepsItsHoleUntouched()
    {
        var polygon = (Polygon)Plain[22].Aoi!.Geometry;
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.False(Orientation.IsCCW(polygon.Holes[0].CoordinateSequence));
        Assert.Empty(Plain[22].Aoi!.Repairs);
    }

    [Fact]
    public void PropertiesKeepTheirJsonTypes()
    {
        var properties = Plain[0].Aoi!.Properties;
        Assert.Equal("Valid", properties["name"]);
        Assert.Equal(1200L, properties["population"]);
        Assert.Equal(12.5, properties["area_ha"]);
        Assert.Equal(true, properties["verified"]);
        Assert.Null(properties["note"]);
        Assert.Equal("{\"place\": \"village\"}", properties["osm"]);
    }

    [Fact]
    public void NamePropertyCanBeChosen()
    {
        var results = AoiReader.Read(MixedPath, new AoiReadOptions { NameProperty = "place" }).ToList();
        Assert.Equal("hamlet", results[15].Aoi!.Name);
        Assert.Equal("0", results[0].Aoi!.Name);
    }

    // What the API needs: 2D WGS84 Polygon/MultiPolygon, valid, exterior CCW and holes CW.
    private static void AssertSendable(Aoi aoi)
    {
        Assert.True(aoi.Geometry is Polygon or MultiPolygon);
        Assert.True(aoi.Geometry.IsValid);
        Assert.Equal(4326, aoi.Geometry.SRID);
        Assert.True(aoi.AreaKm2 > 0);
        for (int p = 0; p < aoi.Geometry.NumGeometries; p++)
        {
            var polygon = (Polygon)aoi.Geometry.GetGeometryN(p);
            Assert.True(Orientation.IsCCW(polygon.Shell.CoordinateSequence));
            Assert.All(polygon.Holes, hole => Assert.False(Orientation.IsCCW(hole.CoordinateSequence)));
        }
    }
}
