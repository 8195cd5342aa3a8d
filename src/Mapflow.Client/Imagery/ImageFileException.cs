using System;

namespace Mapflow.Client.Imagery;

/// <summary>Why a local image file is not uploaded or not saved.</summary>
public enum ImageFileProblem
{
    /// <summary>Not a TIFF, or a TIFF without georeferencing.</summary>
    NotGeoTiff,
    /// <summary>Larger than the account's maxUploadFileSize, or more pixels than its maxPixelCount.</summary>
    TooLarge,
    /// <summary>More than the account's free storage, with the files before it.</summary>
    StorageFull,
    /// <summary>A download that ended short, or whose bytes are not the image's checksum.</summary>
    Incomplete,
}

/// <summary>A local file refused before any upload, or a download that did not give the image's bytes.</summary>
public sealed class ImageFileException : Exception
{
    public ImageFileException(string path, ImageFileProblem problem, string message, Exception? inner = null) : base(message, inner)
    {
        Path = path;
        Problem = problem;
    }

    public string Path { get; }
    public ImageFileProblem Problem { get; }
}
