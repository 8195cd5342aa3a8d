using System;
using System.Collections.Generic;

namespace Mapflow.Client.Imagery;

/// <summary>
/// Which files of an upload fit the account's data-catalog limits, decided before anything is sent: each file within
/// maxUploadFileSize and maxPixelCount, and the files in order while their sum fits the free storage.
/// </summary>
public sealed class UploadPlan
{
    private UploadPlan(IReadOnlyList<GeoTiffFile> accepted, IReadOnlyList<ImageFileException> refused)
    {
        Accepted = accepted;
        Refused = refused;
    }

    public IReadOnlyList<GeoTiffFile> Accepted { get; }
    public IReadOnlyList<ImageFileException> Refused { get; }

    public static UploadPlan For(IEnumerable<GeoTiffFile> files, ImageryStorage storage)
    {
        var accepted = new List<GeoTiffFile>();
        var refused = new List<ImageFileException>();
        var free = storage.MemoryFree;
        foreach (var file in files)
        {
            if (storage.MaxUploadFileSize is { } max && file.Length > max)
                refused.Add(new ImageFileException(file.Path, ImageFileProblem.TooLarge,
                    $"'{file.Path}' is {Bytes(file.Length)}, more than the {Bytes(max)} one upload may send (maxUploadFileSize)."));
            else if (storage.MaxPixelCount is { } pixels && file.PixelCount > pixels)
                refused.Add(new ImageFileException(file.Path, ImageFileProblem.TooLarge,
                    $"'{file.Path}' has {file.Width} x {file.Height} pixels, more than the {pixels} one image may have (maxPixelCount)."));
            else if (free is { } left && file.Length > left)
                refused.Add(new ImageFileException(file.Path, ImageFileProblem.StorageFull,
                    $"'{file.Path}' ({Bytes(file.Length)}) does not fit the account's free imagery storage: {Bytes(left)} left" +
                    (accepted.Count > 0 ? $" after the {accepted.Count} file(s) before it." : ".")));
            else
            {
                accepted.Add(file);
                free -= file.Length;
            }
        }
        return new UploadPlan(accepted, refused);
    }

    /// <summary>1.5 MB, 120 KB, 312 bytes.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = { "KB", "MB", "GB", "TB" };
        if (bytes < 1024) return $"{bytes} bytes";
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:0.#} {1}", value, units[unit]);
    }
}
