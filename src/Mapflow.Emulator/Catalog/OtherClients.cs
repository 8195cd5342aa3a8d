using System.Text.Json;
using System.Text.Json.Nodes;
using Mapflow.Emulator.Planning;
using Mapflow.Emulator.State;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.Catalog;

/// <summary>
/// Processings "made by other clients" that new projects start with, so clients meet a project like a real one:
/// made by QGIS, by MCP and by the SDK some days ago, in the shapes those clients and the docs show (§11.4):
/// fractional cost and percentCompleted, numbers as text, "optional": 0 in a model block, meta values that are
/// numbers, arrays and objects, nulls where lists usually are, review and processing statuses this emulator's own
/// processings never have, unknown keys.
/// </summary>
internal static class OtherClients
{
    /// <summary>The description they are stored with; their shapes show it as null until the account sets one.</summary>
    public const string SeededDescription = "made by another client";

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static IEnumerable<Processing> Seed(UserAccount owner, Guid projectId, int count, EmulatorConfig config, DateTimeOffset now) =>
        Enumerable.Range(0, count).Select(i => Make(owner, projectId, i, config, now));

    private static Processing Make(UserAccount owner, Guid projectId, int i, EmulatorConfig config, DateTimeOffset now)
    {
        var kind = i % 4;
        var created = now.AddDays(-(4 - kind)).AddMinutes(-i);
        var model = WorkflowDefs.All[0];
        var blocks = model.OptionalBlocks.Select(b => new BlockState(b.Name, b.Name == "Classification", b.DisplayName)).ToList();
        var aoi = Square(64.40 + 0.05 * i, 39.70 + 0.03 * kind, 0.005);
        var area = (long)Math.Round(Geo.GeodesicArea.Of(aoi));
        var (name, meta, shape) = kind switch
        {
            0 => ("Кварталы Бухары (QGIS)", Qgis(), QgisShape(model)),
            1 => ("Fields 2026 (MCP)", Mcp(), McpShape()),
            2 => ("sdk-test", new JsonObject(), SdkShape(model)),
            _ => ("Archive 2023", new JsonObject { ["source-app"] = "mapflow-web" }, ArchiveShape()),
        };
        return new Processing(
            Guid.NewGuid(), owner.Email, projectId, i < 4 ? name : $"{name} {i / 4 + 1}", SeededDescription, model,
            new ProcessingParams(SourceParams.FromProvider(DataProviders.DefaultName, 18), null), blocks, meta,
            [new State.Aoi(Guid.NewGuid(), aoi, area)], area, Cost: 5,
            Created: created, Updated: created.AddMinutes(10), StartedAt: created, DurationMs: 60_000, FeaturesPerAoi: config.FeaturesPerAoi,
            Forced: kind == 2 ? new ForcedStatus(ProcessingStatus.Failed, 40, [PixelSizeTooHigh()]) : null,
            Review: null, Rating: null, VectorLayerId: Guid.NewGuid(), OtherClientShape: shape);
    }

    private static JsonObject Qgis() => new() { ["source-app"] = "qgis", ["version"] = "3.6.0", ["source"] = "mapbox satellite" };

    private static JsonObject Mcp() => new()
    {
        ["source-app"] = "mapflow-mcp",
        ["attempt"] = 2,
        ["tags"] = new JsonArray("survey", "2026"),
        ["request"] = new JsonObject { ["tool"] = "start-processing", ["dryRun"] = false },
        ["urgent"] = true,
        // Another client's value under this module's own key, and not a string.
        ["mapflow-ps-key"] = 12345,
    };

    private static JsonObject QgisShape(WorkflowDef model) => new()
    {
        ["cost"] = 12.5,
        ["percentCompleted"] = 100.0,
        ["description"] = null,
        ["blocks"] = new JsonArray(new JsonObject { ["name"] = "Classification", ["enabled"] = 1, ["displayName"] = "Classification" }),
        ["workflowDef"] = ModelWithOptional(model, b => b.Optional ? 1 : 0),
        ["rating"] = null,
        ["templateId"] = null,
    };

    private static JsonObject McpShape() => new()
    {
        ["cost"] = 15.5,
        ["percentCompleted"] = "100",
        ["aoiCount"] = 1.0,
        ["aoiArea"] = "28000.5",
        ["messages"] = null,
        ["resultRasterLayer"] = null,
        ["reviewStatus"] = new JsonObject { ["status"] = "ACCEPTED", ["feedback"] = null },
    };

    private static JsonObject SdkShape(WorkflowDef model) => new()
    {
        ["description"] = null,
        ["blocks"] = null,
        ["percentCompleted"] = 42.5,
        ["area"] = null,
        ["workflowDef"] = ModelWithOptional(model, b => b.Optional ? "true" : "false"),
        ["reviewStatus"] = new JsonObject { ["reviewStatus"] = "ESCALATED", ["inReviewUntil"] = null },
    };

    private static JsonObject ArchiveShape() => new()
    {
        ["status"] = "ARCHIVED",
        ["percentCompleted"] = 101,
        ["cost"] = null,
        ["created"] = "2023-01-26T13:58:32.122099",
        ["updated"] = "not a date",
        ["vectorLayer"] = null,
    };

    private static JsonNode PixelSizeTooHigh() => new JsonObject
    {
        ["code"] = "source-validator.PixelSizeTooHigh",
        ["parameters"] = new JsonObject { ["max_res"] = "1.2", ["level"] = "error", ["actual_res"] = 5.62 },
    };

    private static JsonObject ModelWithOptional(WorkflowDef model, Func<ModelBlock, JsonNode?> optional)
    {
        var json = JsonSerializer.SerializeToNode(model, Json.Options)!.AsObject();
        var blocks = json["blocks"]!.AsArray();
        for (var b = 0; b < blocks.Count; b++)
            blocks[b]!["optional"] = optional(model.Blocks[b]);
        return json;
    }

    private static Polygon Square(double lon, double lat, double size) => Factory.CreatePolygon(
    [
        new(lon, lat), new(lon + size, lat), new(lon + size, lat + size), new(lon, lat + size), new(lon, lat),
    ]);
}
