using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Workflow;

namespace Mapflow.Client.Results;

/// <summary>One AOI of a processing whose result is saved on its own (GET /processings/{id}/result?aoiId=).</summary>
public sealed class ResultPart
{
    public ResultPart(ProcessingAoi aoi, string name)
    {
        Aoi = aoi;
        Name = name;
    }

    public Guid AoiId => Aoi.Id;

    /// <summary>The AOI as the API lists it: status, area, geometry.</summary>
    public ProcessingAoi Aoi { get; }

    /// <summary>The source AOI's name when this client grouped it, else the processing's name and the AOI number.</summary>
    public string Name { get; }
}

public static class ResultParts
{
    /// <summary>
    /// The AOIs of a processing with their source names. A grouped start recorded each polygon's source AOI and
    /// geometry in meta; each AOI the server lists is matched to it by geometry, since their order is not documented.
    /// An AOI that matches no source keeps the processing's name and its number, with a warning.
    /// </summary>
    public static async Task<IReadOnlyList<ResultPart>> ForAsync(MapflowClient client, Processing processing, CancellationToken cancel)
    {
        var aois = await client.GetProcessingAoisAsync(processing.Id, cancel).ConfigureAwait(false);
        // Listings may omit meta; a GET of the processing has it.
        var meta = processing.Meta ?? (await client.GetProcessingAsync(processing.Id, cancel).ConfigureAwait(false)).Meta;
        var sources = meta != null && meta.TryGetValue(StartPlanner.AoisMeta, out var json) ? AoiFingerprint.Parse(json) : null;
        var matched = sources is null ? new AoiFingerprint?[aois.Count] : AoiFingerprint.Match(aois, sources);
        var parts = new List<ResultPart>();
        for (var i = 0; i < aois.Count; i++)
        {
            var fallback = aois.Count == 1 ? processing.Name : $"{processing.Name} AOI {i + 1}";
            if (sources != null && matched[i] is null)
                MapflowLog.Warning($"AOI {aois[i].Id} of processing '{processing.Name}' ({processing.Id}) matches none of the polygons this module sent by its geometry; it is saved as '{fallback}'.");
            parts.Add(new ResultPart(aois[i], matched[i]?.Name ?? fallback));
        }
        return parts;
    }
}
