using System.Text.Json.Serialization;

namespace Mapflow.Emulator.Catalog;

/// <summary>A model option (§5.2). Non-optional blocks make up the base model price.</summary>
internal sealed record ModelBlock(string Name, string DisplayName, string Description, bool Optional, double Price);

/// <summary>A model ("workflow definition", §5.2), serialized as-is in user status, projects and processings.</summary>
internal sealed record WorkflowDef(
    Guid Id,
    string Name,
    string Description,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    double PricePerSqKm,
    IReadOnlyList<ModelBlock> Blocks)
{
    /// <summary>QGIS's rule: the sum of non-optional block prices when there are any, else pricePerSqKm.</summary>
    [JsonIgnore]
    public double BasePrice =>
        Blocks.Any(b => !b.Optional) ? Blocks.Where(b => !b.Optional).Sum(b => b.Price) : PricePerSqKm;

    [JsonIgnore]
    public IEnumerable<ModelBlock> OptionalBlocks => Blocks.Where(b => b.Optional);
}

/// <summary>
/// The default models every emulated user has (in /user/status and every project), and a custom model linked to
/// projects only, as custom models may be (§11.2). Ids are fixed so tests and clients can hard-code them.
/// </summary>
internal static class WorkflowDefs
{
    public static readonly Guid BuildingsId = Guid.Parse("8cb13006-a299-4df6-b47d-91bd63de947f");

    private static readonly DateTimeOffset Created = new(2023, 2, 1, 9, 4, 0, 317, TimeSpan.Zero);
    private static readonly DateTimeOffset Updated = new(2026, 3, 19, 13, 48, 39, 385, TimeSpan.Zero);

    private static ModelBlock Base(double price) => new("Segmentation", "Segmentation", "Base model", false, price);

    public static readonly IReadOnlyList<WorkflowDef> All =
    [
        new(BuildingsId, "🏠 Buildings", "Building footprints from satellite imagery (0.5 m/px and better)", Created, Updated, 5,
        [
            Base(5),
            new("Classification", "Classification", "Building type classification", true, 5),
            new("Simplification", "Simplification", "Polygon simplification", true, 3),
            new("OSM", "Merge with OpenStreetMap", "Replace detections with OSM buildings where they exist", true, 0),
        ]),
        new(Guid.Parse("3a7c1e52-9f0b-4d6e-8a21-5b4c6d7e8f90"), "🌲 Forest", "Forest areas", Created, Updated, 8, []),
        new(Guid.Parse("6b2d4f81-0c3a-4e5b-9d72-1a8e3f4c5d61"), "🌲↕️ Forest with heights", "Forest areas with height classes", Created, Updated, 8,
        [
            Base(8),
            new("Heights", "Height estimation", "Estimate tree heights", true, 20),
        ]),
        new(Guid.Parse("9e1f2a3b-4c5d-4e6f-8a7b-0c1d2e3f4a52"), "🚗 Roads", "Road network", Created, Updated, 5, []),
        new(Guid.Parse("c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e73"), "🏗️ Construction sites", "Construction sites", Created, Updated, 4, []),
        // The second "Buildings" name is deliberate: clients must not resolve models by substring.
        new(Guid.Parse("0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a184"), "Buildings (⭐️ Aerial imagery)", "Building footprints from aerial imagery (10 cm/px and better)", Created, Updated, 5, []),
    ];

    public static readonly WorkflowDef ProjectOnly = new(Guid.Parse("5e0a7b3c-2d1f-4a6e-8b9c-0d1e2f3a4b95"), "☀️ Solar panels (custom)",
        "A custom model linked to projects, not listed in /user/status", Created, Updated, 6, []);

    /// <summary>The models a project's workflowDefs list.</summary>
    public static readonly IReadOnlyList<WorkflowDef> OfProjects = [.. All, ProjectOnly];

    public static WorkflowDef? Find(string? id, string? name)
    {
        if (id is not null)
            return Guid.TryParse(id, out var guid) ? OfProjects.FirstOrDefault(w => w.Id == guid) : null;
        return OfProjects.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.Ordinal));
    }
}
