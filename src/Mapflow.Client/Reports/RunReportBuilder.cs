using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Mapflow.Client.Results;

namespace Mapflow.Client.Reports;

/// <summary>What a report is made from: saved files, processings and the manifest's processings without a result.</summary>
public sealed class ReportInput
{
    public List<SavedResult> Saved { get; } = new();
    public List<Processing> Processings { get; } = new();
    public List<ManifestEntry> Unsaved { get; } = new();

    /// <summary>The report's folder; file links are relative to it.</summary>
    public string Folder { get; set; } = "";

    public int ThrottleLimit { get; set; } = 16;
}

/// <summary>
/// Gathers a report: each processing read once (unless it came in as an object) with its AOIs, their geometry and
/// their source names (<see cref="ResultParts"/>), and every project's name. A processing that cannot be read
/// becomes a row with the error, never a hole in the report.
/// </summary>
public static class RunReportBuilder
{
    public static async Task<RunReport> BuildAsync(MapflowClient client, ReportInput input, string title, CancellationToken cancel)
    {
        var report = new RunReport { Title = title };
        var given = input.Processings.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.Last());
        // A merged file is read once here: the processings its features name, and how many each AOI has.
        var merged = input.Saved.Where(s => s.ProcessingId == Guid.Empty && s.Path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Path).Distinct(StringComparer.Ordinal).ToDictionary(path => path, MergedCounts, StringComparer.Ordinal);
        var ids = input.Saved.Where(s => s.ProcessingId != Guid.Empty).Select(s => s.ProcessingId)
            .Concat(given.Keys).Concat(input.Unsaved.Select(u => u.ProcessingId))
            .Concat(merged.Values.SelectMany(counts => counts.Select(c => c.ProcessingId)))
            .Distinct().ToList();

        using var throttle = new SemaphoreSlim(Math.Max(1, input.ThrottleLimit));
        var read = await Task.WhenAll(ids.Select(id => ReadAsync(client, id, given.TryGetValue(id, out var p) ? p : null, throttle, cancel))).ConfigureAwait(false);
        var projects = await Task.WhenAll(read.Where(r => r.Processing != null).Select(r => r.Processing!.ProjectId).Distinct()
            .Select(id => ProjectNameAsync(client, id, throttle, cancel))).ConfigureAwait(false);

        var unsaved = input.Unsaved.GroupBy(u => u.ProcessingId).ToDictionary(g => g.Key, g => g.Last());
        var rowsOf = new Dictionary<Guid, List<int>>();
        foreach (var (id, processing, parts, error) in read.OrderBy(r => r.Processing?.Name ?? "", StringComparer.CurrentCulture).ThenBy(r => r.Id))
        {
            var indexes = rowsOf[id] = new List<int>();
            var entry = unsaved.TryGetValue(id, out var u) ? u : null;
            var reason = error ?? entry?.Reason
                ?? (processing is { Messages.Count: > 0 } ? processing.MessageSummary() : null);
            var name = processing?.Name ?? entry?.ProcessingName ?? id.ToString();
            if (parts is not { Count: > 0 })
            {
                indexes.Add(report.Rows.Count);
                report.Rows.Add(new ReportRow
                {
                    Name = name, ProcessingId = id, ProcessingName = name, Status = processing?.Status ?? entry?.Status ?? "UNKNOWN",
                    AreaKm2 = processing?.AreaKm2, Cost = processing?.Cost, Error = reason,
                });
                continue;
            }
            foreach (var part in parts)
            {
                indexes.Add(report.Rows.Count);
                var aoiStatus = part.Aoi?.Status;
                var aoiError = part.Aoi?.Messages is { Count: > 0 } m ? string.Join("; ", m.Select(x => x.ToString())) : null;
                report.Rows.Add(new ReportRow
                {
                    Name = part.Name, ProcessingId = id, ProcessingName = name, AoiId = part.AoiId,
                    Status = string.IsNullOrEmpty(aoiStatus) ? processing!.Status : aoiStatus!,
                    AreaKm2 = part.Aoi?.AreaSqKm, Cost = processing!.Cost, AoisInProcessing = parts.Count,
                    Error = aoiError ?? (processing.Status == ProcessingStatus.Ok ? null : reason), Geometry = GeometryOf(part.Aoi),
                });
            }
        }

        foreach (var saved in input.Saved)
        {
            var file = new ReportFile { Path = saved.Path, FeatureCount = saved.FeatureCount, Merged = saved.ProcessingId == Guid.Empty };
            if (!file.Merged && rowsOf.TryGetValue(saved.ProcessingId, out var indexes))
            {
                var rows = saved.AoiId is { } aoi ? indexes.Where(i => report.Rows[i].AoiId == aoi).ToList() : indexes;
                file.Rows.AddRange(rows);
                foreach (var i in rows)
                {
                    report.Rows[i].File = Relative(input.Folder, saved.Path);
                    if (rows.Count == 1) report.Rows[i].Features = saved.FeatureCount;
                }
            }
            else if (merged.TryGetValue(saved.Path, out var counts))
            {
                foreach (var (processingId, aoiId, count) in counts)
                {
                    if (!rowsOf.TryGetValue(processingId, out var indexes2)) continue;
                    var rows = indexes2.Where(i => aoiId is null ? indexes2.Count == 1 : report.Rows[i].AoiId == aoiId).ToList();
                    foreach (var i in rows)
                    {
                        report.Rows[i].File = Relative(input.Folder, saved.Path);
                        report.Rows[i].Features = count;
                    }
                }
            }
            report.Files.Add(file);
        }

        var known = read.Where(r => r.Processing != null).Select(r => r.Processing!).ToList();
        report.Processings = ids.Count;
        report.AreaKm2 = known.Sum(p => p.AreaKm2 ?? 0);
        report.Credits = known.Sum(p => p.Cost ?? 0);
        report.Features = input.Saved.Sum(s => s.FeatureCount);
        report.Skipped = input.Saved.Count(s => s.Skipped);
        report.Failed = report.Rows.Count(r => r.Status == ProcessingStatus.Failed);
        report.From = known.Select(p => p.Created).Where(d => d != null).DefaultIfEmpty(null).Min();
        report.To = known.Select(p => p.Updated ?? p.Created).Where(d => d != null).DefaultIfEmpty(null).Max();
        report.Projects.AddRange(projects.Distinct().OrderBy(n => n, StringComparer.CurrentCulture));
        report.Models.AddRange(known.Select(p => p.Model).Where(m => !string.IsNullOrEmpty(m)).Distinct().OrderBy(n => n, StringComparer.CurrentCulture)!);
        return report;
    }

    private static async Task<(Guid Id, Processing? Processing, IReadOnlyList<ResultPart>? Parts, string? Error)> ReadAsync(
        MapflowClient client, Guid id, Processing? given, SemaphoreSlim throttle, CancellationToken cancel)
    {
        await throttle.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            var processing = given ?? await client.GetProcessingAsync(id, cancel).ConfigureAwait(false);
            try
            {
                return (id, processing, await ResultParts.ForAsync(client, processing, cancel).ConfigureAwait(false), null);
            }
            catch (Exception e) when (MapflowFailures.IsOfOneRequest(e))
            {
                MapflowLog.Warning($"The AOIs of processing '{processing.Name}' ({id}) could not be read, so the map leaves them out: {e.Message}");
                return (id, processing, null, null);
            }
        }
        catch (Exception e) when (MapflowFailures.IsOfOneRequest(e))
        {
            MapflowLog.Warning($"Processing {id} could not be read; the report shows it with the error: {e.Message}");
            return (id, null, null, "could not be read: " + e.Message);
        }
        finally
        {
            throttle.Release();
        }
    }

    private static async Task<string> ProjectNameAsync(MapflowClient client, Guid id, SemaphoreSlim throttle, CancellationToken cancel)
    {
        await throttle.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            return (await client.GetProjectAsync(id, cancel).ConfigureAwait(false)).Name;
        }
        catch (Exception e) when (MapflowFailures.IsOfOneRequest(e))
        {
            return id.ToString();
        }
        finally
        {
            throttle.Release();
        }
    }

    /// <summary>Features of a merged file per processing and AOI, read from the properties the merge gave them.</summary>
    private static List<(Guid ProcessingId, Guid? AoiId, long Count)> MergedCounts(string path)
    {
        var counts = new Dictionary<(Guid, Guid?), long>();
        ReportFiles.EachFeature(path, feature =>
        {
            if (MergedKey(feature) is { } key)
                counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
        });
        return counts.Select(c => (c.Key.Item1, c.Key.Item2, c.Value)).ToList();
    }

    /// <summary>The processing and AOI a merged feature names; null when it names none.</summary>
    private static (Guid, Guid?)? MergedKey(JsonElement feature)
    {
        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object) return null;
        if (!properties.TryGetProperty(MergedResultWriter.ProcessingIdProperty, out var p) || !Guid.TryParse(p.ToString(), out var processing)) return null;
        Guid? aoi = properties.TryGetProperty(MergedResultWriter.AoiIdProperty, out var a) && Guid.TryParse(a.ToString(), out var parsed) ? parsed : null;
        return (processing, aoi);
    }

    /// <summary>The AOI's geometry for the map; none when its GeoJSON text cannot be read.</summary>
    private static JsonElement? GeometryOf(ProcessingAoi? aoi)
    {
        if (string.IsNullOrEmpty(aoi?.Geometry)) return null;
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(aoi!.Geometry!);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The file's path from the report's folder when it lies inside it, else its full path.</summary>
    private static string Relative(string folder, string path)
    {
        var full = Path.GetFullPath(path);
        if (string.IsNullOrEmpty(folder)) return full;
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) ? full.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/') : full;
    }
}
