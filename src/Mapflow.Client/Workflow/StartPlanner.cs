using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Mapflow.Client.Aois;
using NetTopologySuite.Geometries;

namespace Mapflow.Client.Workflow;

/// <summary>Everything a bulk start needs besides the AOIs.</summary>
public sealed class StartSettings
{
    public Model Model { get; set; } = null!;
    /// <summary>The imagery of every processing of the run: one sourceParams kind (part of the start key).</summary>
    public SourceParams Source { get; set; } = null!;

    /// <summary>params.inferenceParams, keys in ordinal order so the start key is the same on every run; null when none.</summary>
    public SortedDictionary<string, object?>? InferenceParams { get; set; }
    public IReadOnlyList<BlockSelection> Blocks { get; set; } = Array.Empty<BlockSelection>();
    public Guid ProjectId { get; set; }

    /// <summary>A fixed name for every processing (groups get a number); null names each after its AOI.</summary>
    public string? Name { get; set; }

    /// <summary>AOIs packed into one processing; 1 starts one processing per AOI.</summary>
    public int GroupSize { get; set; } = 1;

    public int MaxAoisPerProcessing { get; set; } = 10;

    /// <summary>The area limit of one processing in m²: the project owner's user.aoiAreaLimit; null when the project states none.</summary>
    public double? AoiAreaLimit { get; set; }

    /// <summary>Where <see cref="AoiAreaLimit"/> came from, for the errors that cite it.</summary>
    public string? AoiAreaLimitSource { get; set; }

    public string AppVersion { get; set; } = "0.0.0";

    /// <summary>Set for a deliberate repeat (-Force): the keys then differ from earlier runs'.</summary>
    public string? KeySalt { get; set; }
}

/// <summary>One processing a bulk start will create: its request and the AOIs packed into it.</summary>
public sealed class PlannedStart
{
    internal PlannedStart(ProcessingRequest request, IReadOnlyList<Aoi> aois)
    {
        Request = request;
        Aois = aois;
        AreaKm2 = aois.Sum(a => a.AreaKm2);
        PolygonCount = aois.Sum(a => a.PolygonCount);
    }

    public ProcessingRequest Request { get; }
    public IReadOnlyList<Aoi> Aois { get; }
    public double AreaKm2 { get; }
    public int PolygonCount { get; }
    public string Name => Request.Name;
}

/// <summary>
/// Turns AOIs into the processings to create: checks each against the account's limits with the server's rules,
/// packs them in input order into groups of up to GroupSize polygons that still fit the limits, and builds each
/// request with its idempotency key. Grouping matters for cost: every processing is billed at least 1 km².
/// </summary>
public static class StartPlanner
{
    /// <summary>
    /// meta key holding, for a grouped processing, the source AOI of each polygon with the polygon's centroid and
    /// area, so results can be matched back by geometry: [[index, name, lon, lat, km²], …].
    /// </summary>
    public const string AoisMeta = "mapflow-ps-aois";

    public static IReadOnlyList<PlannedStart> Plan(IReadOnlyList<Aoi> aois, StartSettings settings, ICollection<AoiProblem> problems)
    {
        var size = Math.Max(1, Math.Min(settings.GroupSize, settings.MaxAoisPerProcessing));
        var groups = new List<List<Aoi>>();
        List<Aoi>? current = null;
        foreach (var aoi in aois)
        {
            var alone = Check(new[] { aoi }, settings);
            if (alone.Count > 0)
            {
                foreach (var problem in alone) problems.Add(problem);
                continue;
            }
            if (current != null && current.Sum(a => a.PolygonCount) + aoi.PolygonCount <= size
                                && Check(current.Concat(new[] { aoi }).ToList(), settings).Count == 0)
            {
                current.Add(aoi);
                continue;
            }
            groups.Add(current = new List<Aoi> { aoi });
        }
        var grouped = size > 1;
        return groups.Select((g, i) => new PlannedStart(BuildRequest(g, i, grouped, aois.Count, settings), g)).ToList();
    }

    private static IReadOnlyList<AoiProblem> Check(IReadOnlyList<Aoi> group, StartSettings settings) =>
        AoiLimits.Check(group, settings.MaxAoisPerProcessing, settings.AoiAreaLimit ?? double.MaxValue, settings.AoiAreaLimitSource);

    private static ProcessingRequest BuildRequest(List<Aoi> group, int number, bool grouped, int total, StartSettings settings)
    {
        var request = new ProcessingRequest
        {
            Name = Name(group, number, grouped, total, settings.Name),
            ProjectId = settings.ProjectId,
            WdId = settings.Model.Id,
            Geometry = group.Count == 1 ? group[0].Geometry : Combine(group),
            Params = new ProcessingParams { SourceParams = settings.Source, InferenceParams = settings.InferenceParams },
            Blocks = settings.Blocks.Count > 0 ? settings.Blocks.ToList() : null,
        };
        var meta = new Dictionary<string, string>
        {
            ["source-app"] = "mapflow-powershell",
            ["version"] = settings.AppVersion,
        };
        if (grouped)
        {
            // One entry per polygon, so each AOI the server lists (in an order nothing documents) can be matched back.
            var parts = group.SelectMany(a => Enumerable.Range(0, a.PolygonCount).Select(i => AoiFingerprint.Of(a, (Polygon)a.Geometry.GetGeometryN(i))));
            meta[AoisMeta] = JsonSerializer.Serialize(parts, MapflowJson.Options);
        }
        request.Meta = meta;
        meta[ProcessingStatus.ClientKeyMeta] = StartKey.Compute(request, settings.KeySalt);
        return request;
    }

    private static string Name(List<Aoi> group, int number, bool grouped, int total, string? fixedName)
    {
        if (fixedName != null)
            return total == 1 ? fixedName : grouped ? $"{fixedName} {number + 1}" : $"{fixedName} {group[0].Name}";
        return group.Count == 1 ? group[0].Name : $"{group[0].Name} (+{group.Count - 1})";
    }

    private static MultiPolygon Combine(IEnumerable<Aoi> group)
    {
        var polygons = group.SelectMany(a => Enumerable.Range(0, a.Geometry.NumGeometries).Select(i => (Polygon)a.Geometry.GetGeometryN(i))).ToArray();
        return polygons[0].Factory.CreateMultiPolygon(polygons);
    }
}
