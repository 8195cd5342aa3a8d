using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Mapflow.Client.Results;

/// <summary>
/// File names from processing names that are valid on Windows, Linux and macOS alike. .NET's own
/// invalid-character list is per-OS (on Linux only NUL and '/'), so the Windows rules are applied everywhere.
/// </summary>
public static class SafeFileName
{
    private const int MaxStemLength = 100;
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
    public static string For(string? name, Guid id, string extension) =>
        Stem(name) + "_" + id.ToString("N").Substring(0, 8) + extension;

    /// <summary>The name with forbidden and control characters replaced, Cyrillic and other letters kept, NFC-normalised.</summary>
    public static string Stem(string? name)
    {
        var text = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormC))
            text.Append(char.IsControl(c) || Forbidden.Contains(c) ? '_' : c);
        var stem = text.ToString().Trim().TrimEnd('.', ' ');
        if (stem.Length > MaxStemLength) stem = TrimToLength(stem, MaxStemLength).TrimEnd('.', ' ');
        if (stem.Length == 0) return "processing";
        // Windows reserves these names with any extension, e.g. "CON.geojson" or "con.txt".
        var head = stem.Split('.')[0].TrimEnd(' ');
        return Reserved.Any(r => string.Equals(r, head, StringComparison.OrdinalIgnoreCase)) ? "_" + stem : stem;
    }

    // Never split a surrogate pair or a letter from its combining marks.
    private static string TrimToLength(string text, int length)
    {
        var info = new StringInfo(text);
        var result = new StringBuilder();
        for (var i = 0; i < info.LengthInTextElements; i++)
        {
            var element = info.SubstringByTextElements(i, 1);
            if (result.Length + element.Length > length) break;
            result.Append(element);
        }
        return result.ToString();
    }
}
