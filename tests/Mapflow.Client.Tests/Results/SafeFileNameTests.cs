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
}
