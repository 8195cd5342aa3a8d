using System.Globalization;
using System.Text;
using Mapflow.Client.Results;
using Xunit;

namespace Mapflow.Client.Tests.Results;

public class SafeFileNameTests
{
    private static readonly Guid Id = Guid.Parse("5f748822-c94a-4233-ae1e-7622973bf9b5");

    [Theory]
    [InlineData("Бой", "Бой")]
    [InlineData("Avazali", "Avazali")]
    [InlineData("a/b:c*?", "a_b_c__")]
    [InlineData("x<y>z|\"q\\", "x_y_z__q_")]
    [InlineData("trailing dot.", "trailing dot")]
    [InlineData("trailing space ", "trailing space")]
    [InlineData("CON", "_CON")]
    [InlineData("con.geojson", "_con.geojson")]
    [InlineData("LPT1", "_LPT1")]
    [InlineData("COM10", "COM10")]
    [InlineData("", "processing")]
    [InlineData("...", "processing")]
    [InlineData("tab\there", "tab_here")]
    public void Stems_are_valid_on_every_platform(string name, string expected) =>
        Assert.Equal(expected, SafeFileName.Stem(name));

    [Fact]
    public void Decomposed_names_are_composed_so_macOS_and_Linux_agree() =>
        Assert.Equal("й", SafeFileName.Stem("и\u0306"));

    [Fact]
    public void Long_names_are_cut_without_splitting_a_character()
    {
        var stem = SafeFileName.Stem(string.Concat(Enumerable.Repeat("😀", 80)));
        Assert.True(stem.Length <= 100);
        Assert.False(char.IsHighSurrogate(stem[^1]));
    }

    [Fact]
    public void The_id_keeps_same_and_case_twin_names_apart_and_stable()
    {
        var other = Guid.Parse("87f258e6-c1ce-4deb-8155-ccd6b21ac237");
        Assert.Equal("Бой_5f748822.geojson", SafeFileName.For("Бой", Id, ".geojson"));
        Assert.NotEqual(SafeFileName.For("Бой", Id, ".geojson").ToLowerInvariant(), SafeFileName.For("бой", other, ".geojson").ToLowerInvariant());
        Assert.Equal(SafeFileName.For("Бой", Id, ".geojson"), SafeFileName.For("Бой", Id, ".geojson"));
    }

    // Names of places, long as official names are; none fits 255 bytes as it was cut before (100 UTF-16 units).
    public static TheoryData<string, string> LongNames => new()
    {
        { "Chinese", string.Concat(Enumerable.Repeat("内蒙古自治区呼和浩特市", 8)) }, // 88 characters, 264 bytes
        { "Thai", "กรุงเทพมหานคร อมรรัตนโกสินทร์ มหินทรายุธยา มหาดิลกภพ นพรัตนราชธานีบูรีรมย์ อุดมราชนิเวศน์มหาสถาน อมรพิมานอวตารสถิต สักกะทัตติยวิษณุกรรมประสิทธิ์" },
        { "Hindi", string.Concat(Enumerable.Repeat("छत्रपति शिवाजी महाराज नगर ", 5)) },
        { "Korean (decomposed)", string.Concat(Enumerable.Repeat("서울특별시종로구", 10)).Normalize(NormalizationForm.FormD) },
        { "Emoji", string.Concat(Enumerable.Repeat("🏠🌲", 40)) },
    };

    [Theory]
    [MemberData(nameof(LongNames))]
    public void On_Linux_and_macOS_every_name_Save_makes_fits_255_bytes(string script, string name)
    {
        _ = script;
        var file = SafeFileName.For(name, Id, ".gpkg", utf8Bytes: true);
        // As SaveMapflowResultCommand names a GeoPackage's download, which ResultDownloader then writes beside itself.
        var download = "." + Path.GetFileNameWithoutExtension(file) + ".0123abcd.download.geojson";
        var partial = Path.GetFileName(ResultDownloader.TemporaryPathFor(Path.Combine(Path.GetTempPath(), download)));
        foreach (var written in new[] { file, download, partial })
            Assert.InRange(Encoding.UTF8.GetByteCount(written), 1, 255);
    }

    [Theory]
    [MemberData(nameof(LongNames))]
    public void Cuts_fall_between_whole_characters_with_their_marks(string script, string name)
    {
        _ = script;
        var composed = name.Normalize(NormalizationForm.FormC);
        var stem = SafeFileName.Stem(name, utf8Bytes: true);
        Assert.StartsWith(stem, composed, StringComparison.Ordinal);
        Assert.Contains(stem.Length, StringInfo.ParseCombiningCharacters(composed));
        Assert.True(Encoding.UTF8.GetByteCount(stem) > 190, $"the stem is cut short: {Encoding.UTF8.GetByteCount(stem)} bytes");
        Assert.Equal(stem, SafeFileName.Stem(name, utf8Bytes: true));
    }

    [Fact]
    public void On_Windows_a_name_within_100_UTF16_units_is_kept_whole()
    {
        var chinese = string.Concat(Enumerable.Repeat("内蒙古自治区呼和浩特市", 8));
        Assert.Equal(chinese, SafeFileName.Stem(chinese, utf8Bytes: false));
    }

    [Theory]
    [InlineData(100, "Ж")] // 200 bytes: within the budget, as it was saved before
    [InlineData(100, "a")]
    [InlineData(150, "a")] // cut at 100 characters, as before
    public void Names_that_could_be_saved_before_keep_their_file(int length, string letter)
    {
        var name = string.Concat(Enumerable.Repeat(letter, length));
        Assert.Equal(name[..Math.Min(length, 100)], SafeFileName.Stem(name, utf8Bytes: true));
        Assert.Equal(name[..Math.Min(length, 100)], SafeFileName.Stem(name, utf8Bytes: false));
    }
}
