using Mapflow.Client.Workflow;
using Xunit;

namespace Mapflow.Client.Tests.Workflow;

public class ModelResolverTests
{
    private static readonly Model[] Models =
    {
        new() { Id = Guid.Parse("8cb13006-a299-4df6-b47d-91bd63de947f"), Name = "🏠 Buildings" },
        new() { Id = Guid.NewGuid(), Name = "Buildings (⭐️ Aerial imagery)" },
        new() { Id = Guid.NewGuid(), Name = "🌲 Forest" },
        new() { Id = Guid.NewGuid(), Name = "🌲↕️ Forest with heights" },
        new() { Id = Guid.NewGuid(), Name = "🏗️ Construction sites" },
    };

    [Theory]
    [InlineData("Buildings", "🏠 Buildings")]
    [InlineData("buildings", "🏠 Buildings")]
    [InlineData("🏠 Buildings", "🏠 Buildings")]
    [InlineData("BUILDINGS!", "🏠 Buildings")]
    [InlineData("buildings aerial imagery", "Buildings (⭐️ Aerial imagery)")]
    [InlineData("forest", "🌲 Forest")]
    [InlineData("Forest with heights", "🌲↕️ Forest with heights")]
    [InlineData("construction", "🏗️ Construction sites")]
    [InlineData("8cb13006-a299-4df6-b47d-91bd63de947f", "🏠 Buildings")]
    public void Resolves_names_without_emoji_case_or_punctuation(string asked, string expected) =>
        Assert.Equal(expected, ModelResolver.Resolve(Models, asked).Name);

    [Fact]
    public void An_unknown_name_lists_the_models()
    {
        var error = Assert.Throws<ModelNotFoundException>(() => ModelResolver.Resolve(Models, "Houses"));
        Assert.False(error.Ambiguous);
        Assert.Contains("'🏠 Buildings'", error.Message);
        Assert.Contains("'🌲 Forest'", error.Message);
    }

    [Fact]
    public void A_prefix_of_several_names_is_ambiguous()
    {
        var error = Assert.Throws<ModelNotFoundException>(() => ModelResolver.Resolve(Models, "Build"));
        Assert.True(error.Ambiguous);
        Assert.Contains("'Buildings (⭐️ Aerial imagery)'", error.Message);
    }

    [Fact]
    public void An_unknown_id_is_not_found() =>
        Assert.Throws<ModelNotFoundException>(() => ModelResolver.Resolve(Models, Guid.NewGuid().ToString()));
}
