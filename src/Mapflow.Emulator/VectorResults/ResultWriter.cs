using System.Text.Json;
using Mapflow.Emulator.State;

namespace Mapflow.Emulator.VectorResults;

/// <summary>
/// Writes a processing's result as a GeoJSON FeatureCollection, feature by feature, flushing as it goes,
/// so even half a million features never sit in memory at once.
/// </summary>
internal static class ResultWriter
{
    private const int FlushEvery = 500;

    /// <summary>All AOIs' features, or one AOI's when <paramref name="aoiId"/> is given.</summary>
    public static async Task WriteAsync(Stream stream, Processing processing, Guid? aoiId, CancellationToken cancellationToken)
    {
        var processingDate = processing.Created.UtcDateTime.ToString("yyyy-MM-dd");
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        for (var index = 0; index < processing.Aois.Count; index++)
        {
            var aoi = processing.Aois[index];
            if (aoiId is not null && aoi.Id != aoiId)
                continue;
            // Ids stay the same whether or not the result is filtered to one AOI.
            var firstId = index * processing.FeaturesPerAoi + 1;
            var written = 0;
            foreach (var footprint in ResultGenerator.Footprints(aoi.Geometry, processing.FeaturesPerAoi))
            {
                WriteFeature(writer, firstId + written, footprint, processingDate);
                if (++written % FlushEvery == 0)
                    await writer.FlushAsync(cancellationToken);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteFeature(Utf8JsonWriter writer, int id, Footprint footprint, string processingDate)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteStartObject("geometry");
        writer.WriteString("type", "Polygon");
        writer.WriteStartArray("coordinates");
        writer.WriteStartArray();
        foreach (var c in footprint.Ring)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(c.X);
            writer.WriteNumberValue(c.Y);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteNumber("id", id);
        writer.WriteNumber("area", footprint.AreaM2);
        writer.WriteString("object_type", "building");
        writer.WriteNumber("class_id", 101);
        writer.WriteString("shape_type", "rectangle");
        writer.WriteString("processing_date", processingDate);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
