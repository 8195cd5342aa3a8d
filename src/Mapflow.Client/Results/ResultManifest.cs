using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Mapflow.Client.Workflow;

namespace Mapflow.Client.Results;

/// <summary>
/// mapflow-manifest.json beside the result files: which processing and AOI each file holds, its original name,
/// feature count, size and SHA-256, and the processings a save was given that had no result, with why (an entry
/// without a file, dropped once that processing's result is saved). Updated, never truncated, by every save into
/// the folder; written atomically.
/// </summary>
public static class ResultManifest
{
    public const string FileName = "mapflow-manifest.json";

    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(30);

    public static void Update(string folder, IEnumerable<SavedResult> saved, IEnumerable<ManifestEntry>? unsaved = null)
    {
        var path = Path.Combine(folder, FileName);
        // Two saves into one folder (overlapping runs) would otherwise each write back what it read and lose the other's entries.
        using var turn = Lock(folder);
        var all = Read(path);
        var entries = all.Where(e => !e.IsUnsaved).GroupBy(e => e.File, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var missing = all.Where(e => e.IsUnsaved).GroupBy(e => e.ProcessingId).ToDictionary(g => g.Key, g => g.Last());
        foreach (var entry in unsaved ?? Enumerable.Empty<ManifestEntry>())
            missing[entry.ProcessingId] = entry;
        foreach (var result in saved)
        {
            var file = Path.GetFileName(result.Path);
            // A skipped file keeps the entry it got when it was written; one saved by a run that stopped before
            // writing the manifest is described from the file itself.
            if (result.Skipped && entries.ContainsKey(file)) continue;
            if (result.Skipped) Describe(result);
            entries[file] = new ManifestEntry
            {
                File = file,
                ProcessingId = result.ProcessingId,
                ProcessingName = result.ProcessingName,
                AoiId = result.AoiId,
                AoiName = result.AoiName,
                FeatureCount = result.FeatureCount,
                Length = result.Length,
                Sha256 = result.Sha256,
                SavedAt = result.Skipped ? null : DateTimeOffset.UtcNow,
            };
            missing.Remove(result.ProcessingId);
        }
        var temp = ResultDownloader.TemporaryPathFor(path);
        var written = entries.Values.OrderBy(e => e.File, StringComparer.Ordinal)
            .Concat(missing.Values.OrderBy(e => e.ProcessingName, StringComparer.Ordinal).ThenBy(e => e.ProcessingId)).ToList();
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(written,
            new JsonSerializerOptions(MapflowJson.Options) { WriteIndented = true }));
        ResultDownloader.MoveIntoPlace(temp, path);
    }

    /// <summary>An exclusive hold on the folder's manifest lock file, waited for a while; the system releases it with the process.</summary>
    private static FileStream Lock(string folder)
    {
        var path = Path.Combine(folder, ".mapflow-manifest.lock");
        var deadline = DateTime.UtcNow + LockPatience;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (StartLock.IsHeldElsewhere(e) && DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Sleep(50);
            }
        }
    }

    private static void Describe(SavedResult result)
    {
        result.Sha256 = ResultDownloader.Sha256Of(result.Path);
        if (!result.Path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase)) return;
        using var file = File.OpenRead(result.Path);
        result.FeatureCount = FeatureCollectionCheck.CountFeatures(file);
    }

    public static IReadOnlyList<ManifestEntry> Read(string path)
    {
        if (!File.Exists(path)) return Array.Empty<ManifestEntry>();
        try
        {
            return JsonSerializer.Deserialize<List<ManifestEntry>>(File.ReadAllBytes(path), MapflowJson.Options) ?? new List<ManifestEntry>();
        }
        catch (JsonException)
        {
            // A damaged manifest is rebuilt from this save rather than stopping it.
            return Array.Empty<ManifestEntry>();
        }
    }
}

public sealed class ManifestEntry
{
    public string File { get; set; } = "";
    public Guid ProcessingId { get; set; }
    public string ProcessingName { get; set; } = "";
    public Guid? AoiId { get; set; }
    public string? AoiName { get; set; }
    public long FeatureCount { get; set; }
    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset? SavedAt { get; set; }

    /// <summary>For a processing without a result: its status when the save saw it (FAILED, IN_PROGRESS...).</summary>
    public string? Status { get; set; }

    /// <summary>For a processing without a result: why, as the save's error said it.</summary>
    public string? Reason { get; set; }

    /// <summary>A processing a save was given that had no result to save; it names no file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsUnsaved => File.Length == 0;

    public static ManifestEntry Unsaved(Processing processing, string reason) => new()
    {
        ProcessingId = processing.Id, ProcessingName = processing.Name, Status = processing.Status, Reason = reason, SavedAt = DateTimeOffset.UtcNow,
    };
}
