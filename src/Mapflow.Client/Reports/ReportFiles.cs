using System;
using System.IO;
using System.Text.Json;
using Mapflow.Client.Results;

namespace Mapflow.Client.Reports;

internal static class ReportFiles
{
    /// <summary>
    /// Each feature of a saved GeoJSON result, one small document at a time. A file that is no longer a whole
    /// FeatureCollection (edited, cut short) is reported and left off the map, never the end of the report.
    /// </summary>
    public static void EachFeature(string path, Action<JsonElement> onFeature)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            FeatureCollectionCheck.ReadFeatures(file, bytes =>
            {
                using var feature = JsonDocument.Parse(bytes);
                onFeature(feature.RootElement);
            });
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            MapflowLog.Warning($"'{path}' could not be read ({e.Message}); the report's map leaves its footprints out.");
        }
    }
}
