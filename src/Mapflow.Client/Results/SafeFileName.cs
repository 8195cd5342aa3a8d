using System;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace Mapflow.Client.Results;

/// <summary>
/// File names from processing names that are valid on Windows, Linux and macOS alike. .NET's own
/// invalid-character list is per-OS (on Linux only NUL and '/'), so the Windows rules are applied everywhere.
/// </summary>
public static class SafeFileName
{
    // At most 100 UTF-16 units, as always, so every name that could be saved before keeps its file.
    private const int MaxStemChars = 100;

    // Linux and macOS allow 255 bytes of UTF-8 per name (NTFS 255 UTF-16 units, never reached with 100). The
    // longest name Save makes from a stem is a GeoPackage's hidden download,
    // "..<stem>_<id8>.<8 hex>.download.geojson.<8 hex>.partial": the stem plus 54 bytes. One more byte for the
    // "_" that a reserved name such as "CON" gets leaves 200.
    private const int MaxStemUtf8Bytes = 255 - 54 - 1;

    private static readonly bool NamesCountUtf8Bytes = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private static readonly char[] Forbidden = { '<', '>', ':', '"', '/', '\\', '|', '?', '*' };
    private static readonly string[] Reserved =
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// A safe stem for <paramref name="name"/> plus the first 8 characters of <paramref name="id"/>, so that two
    /// processings with the same name (or names differing only in case) never share a file, and a re-run maps each
    /// processing to the same file again.
    /// </summary>
    public static string For(string? name, Guid id, string extension) => For(name, id, extension, NamesCountUtf8Bytes);

    internal static string For(string? name, Guid id, string extension, bool utf8Bytes) =>
        Stem(name, utf8Bytes) + "_" + id.ToString("N").Substring(0, 8) + extension;

    /// <summary>
    /// The name with forbidden and control characters replaced, Cyrillic and other letters kept, NFC-normalised,
    /// and cut to fit the file system's limit (in UTF-8 bytes on Linux and macOS) with room for what Save adds.
    /// </summary>
    public static string Stem(string? name) => Stem(name, NamesCountUtf8Bytes);

    /// <param name="utf8Bytes">Count the name's UTF-8 bytes too, as Linux and macOS file systems do.</param>
    internal static string Stem(string? name, bool utf8Bytes)
    {
        var text = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormC))
            text.Append(char.IsControl(c) || Forbidden.Contains(c) ? '_' : c);
        var stem = text.ToString().Trim().TrimEnd('.', ' ');
        if (stem.Length > MaxStemChars || utf8Bytes && Encoding.UTF8.GetByteCount(stem) > MaxStemUtf8Bytes)
            stem = Cut(stem, utf8Bytes).TrimEnd('.', ' ');
        if (stem.Length == 0) return "processing";
        // Windows reserves these names with any extension, e.g. "CON.geojson" or "con.txt".
        var head = stem.Split('.')[0].TrimEnd(' ');
        return Reserved.Any(r => string.Equals(r, head, StringComparison.OrdinalIgnoreCase)) ? "_" + stem : stem;
    }

    // Whole text elements only: never a surrogate pair split, nor a letter from its combining marks (Thai vowels
    // and tones, Devanagari vowel signs).
    private static string Cut(string text, bool utf8Bytes)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        var result = new StringBuilder();
        int bytes = 0;
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            int elementBytes = utf8Bytes ? Encoding.UTF8.GetByteCount(element) : 0;
            if (result.Length + element.Length > MaxStemChars || bytes + elementBytes > MaxStemUtf8Bytes) break;
            result.Append(element);
            bytes += elementBytes;
        }
        return result.ToString();
    }
}
