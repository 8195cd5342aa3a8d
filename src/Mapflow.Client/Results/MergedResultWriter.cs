using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapflow.Client.Results;

/// <summary>
/// Writes one FeatureCollection from many results, feature by feature, adding the source processing and AOI to
/// each feature's properties. Only one feature is in memory at a time; the file appears at its final name only
/// when <see cref="Complete"/> is called, so an interrupted merge leaves nothing behind.
/// </summary>
public sealed class MergedResultWriter : IDisposable
{
    /// <summary>The properties that name each merged feature's source; a report reads them back.</summary>
    public const string ProcessingIdProperty = "mapflow_processing_id";
    public const string ProcessingNameProperty = "mapflow_processing_name";
    public const string AoiIdProperty = "mapflow_aoi_id";
    public const string AoiNameProperty = "mapflow_aoi_name";

    private readonly string _path;
    private readonly string _temp;
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _writer;
    private bool _completed;

    public MergedResultWriter(string path)
    {
        _path = Path.GetFullPath(path);
        _temp = ResultDownloader.TemporaryPathFor(_path);
        _file = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920);
        _writer = new Utf8JsonWriter(_file, new JsonWriterOptions { Encoder = MapflowJson.Options.Encoder });
        _writer.WriteStartObject();
        _writer.WriteString("type", "FeatureCollection");
        _writer.WritePropertyName("features");
        _writer.WriteStartArray();
    }

    public long FeatureCount { get; private set; }

    /// <summary>Copies every feature of a saved result, with <paramref name="provenance"/> added to its properties.</summary>
    public void Append(string resultPath, IReadOnlyDictionary<string, string?> provenance)
    {
        using var source = new FileStream(resultPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
        FeatureCollectionCheck.ReadFeatures(source, bytes =>
        {
            var feature = JsonNode.Parse(bytes) as JsonObject ?? throw new InvalidDataException("a feature is not a JSON object");
            if (feature["properties"] is not JsonObject properties)
                feature["properties"] = properties = new JsonObject();
            foreach (var pair in provenance) properties[pair.Key] = pair.Value;
            feature.WriteTo(_writer);
            FeatureCount++;
            if (_writer.BytesPending > 64 * 1024) _writer.Flush();
        });
    }

    public void Complete()
    {
        _writer.WriteEndArray();
        _writer.WriteEndObject();
        _writer.Flush();
        _writer.Dispose();
        _file.Dispose();
        ResultDownloader.MoveIntoPlace(_temp, _path);
        _completed = true;
    }

    public void Dispose()
    {
        if (_completed) return;
        _writer.Dispose();
        _file.Dispose();
        File.Delete(_temp);
    }
}
