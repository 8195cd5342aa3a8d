using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Mapflow.Client.Results;

/// <summary>
/// The temporary files a save writes beside its results (hidden, named after their target): downloads
/// (.name.xxxxxxxx.partial, and SQLite's -journal beside a GeoPackage being written), GeoJSON downloaded for a
/// GeoPackage (.download.geojson) and the parts of a merge (.part.geojson). A run killed outright (kill -9, power
/// loss) leaves them; the next save into the folder removes those older than itself that no process holds.
/// </summary>
public static class PartialFiles
{
    private static readonly string[] Endings = { ".partial", ".partial-journal", ".download.geojson", ".part.geojson" };

    /// <summary>
    /// Marks a temporary file as in use while it waits (a part queued for a merge) or while something else writes it
    /// (SQLite, whose own locks the clean-up cannot see): a shared hold, which the clean-up's exclusive probe cannot get.
    /// </summary>
    public static IDisposable Hold(string path) =>
        new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    public static bool IsPartial(string fileName) =>
        fileName.StartsWith(".", StringComparison.Ordinal) && Endings.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Removes this module's temporary files in <paramref name="folder"/> last written before <paramref name="olderThan"/>
    /// and not held open by a writer (writers hold theirs exclusively); returns what it removed.
    /// </summary>
    public static IReadOnlyList<string> RemoveStale(string folder, DateTime olderThan)
    {
        var removed = new List<string>();
        if (!Directory.Exists(folder)) return removed;
        foreach (var file in Directory.EnumerateFiles(folder, ".*", SearchOption.TopDirectoryOnly))
        {
            if (!IsPartial(Path.GetFileName(file)) || File.GetLastWriteTimeUtc(file) >= olderThan) continue;
            try
            {
                // A live writer holds its file exclusively, so this open fails for it.
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None)) { }
                File.Delete(file);
                removed.Add(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held by a run still writing it, or not ours to remove: leave it.
            }
        }
        return removed;
    }
}
