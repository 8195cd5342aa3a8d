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

    [Fact]
    public void The_projects_models_come_first_but_an_exact_name_in_the_account_beats_a_beginning_in_the_project()
    {
        var aerial = Models.Single(m => m.Name == "Buildings (⭐️ Aerial imagery)");
        var buildings = Models.Single(m => m.Name == "🏠 Buildings");
        var custom = new Model { Id = Guid.NewGuid(), Name = "🌲 Forest" };

        // The project links only the aerial model: "Buildings" is the account's 🏠 Buildings by its plain name.
        Assert.Same(buildings, ModelResolver.Resolve([aerial], Models, "Buildings"));
        // A name both have is the project's model.
        Assert.Same(custom, ModelResolver.Resolve([custom], Models, "Forest"));
        // A custom model linked only to the project.
        Assert.Same(custom, ModelResolver.Resolve([custom], [buildings], "forest"));
        var error = Assert.Throws<ModelNotFoundException>(() => ModelResolver.Resolve([custom], [buildings], "Roads"));
        Assert.Contains("'🌲 Forest'", error.Message);
        Assert.Contains("'🏠 Buildings'", error.Message);
    }
}
