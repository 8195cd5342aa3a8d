using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Workflow;

namespace Mapflow.Client.Results;

/// <summary>One AOI of a processing whose result is saved on its own (GET /processings/{id}/result?aoiId=).</summary>
public sealed class ResultPart
{
    public ResultPart(Guid aoiId, string name)
    {
        AoiId = aoiId;
        Name = name;
    }

    public Guid AoiId { get; }

    /// <summary>The source AOI's name when this client grouped it, else the processing's name and the AOI number.</summary>
    public string Name { get; }
}

public static class ResultParts
{
    /// <summary>
    /// The AOIs of a processing with their source names. The server numbers AOIs in the order of the request's
    /// polygons, and a grouped start recorded the source AOI of each polygon in that order in meta.
    /// </summary>
    public static async Task<IReadOnlyList<ResultPart>> ForAsync(MapflowClient client, Processing processing, CancellationToken cancel)
    {
        var aois = await client.GetProcessingAoisAsync(processing.Id, cancel).ConfigureAwait(false);
        // Listings may omit meta; a GET of the processing has it.
        var meta = processing.Meta ?? (await client.GetProcessingAsync(processing.Id, cancel).ConfigureAwait(false)).Meta;
        var names = SourceNames(meta);
        return aois.Select((aoi, i) => new ResultPart(aoi.Id,
            names != null && i < names.Count ? names[i] : aois.Count == 1 ? processing.Name : $"{processing.Name} AOI {i + 1}")).ToList();
    }

    private static List<string>? SourceNames(Dictionary<string, string>? meta)
    {
        if (meta is null || !meta.TryGetValue(StartPlanner.AoisMeta, out var json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 1 ? e[1].ToString() : e.ToString())
                .ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
