using System;
using System.Linq;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Mapflow.Client;

/// <summary>
/// The API token, base64("email:secret"), sent as-is as the Basic credential. It never prints itself:
/// ToString, logs and errors show only the email it belongs to.
/// </summary>
public sealed class MapflowToken
{
    private readonly string _value;

    public MapflowToken(string value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("The Mapflow API token is empty.", nameof(value));
        // A header can only carry ASCII; say so rather than fail later as if the service were unreachable.
        if (value.Any(c => c > 127)) throw new ArgumentException("The Mapflow API token has characters that are not ASCII; copy it again from https://app.mapflow.ai/account/api.", nameof(value));
        _value = Pad(value.Trim());
        Email = TryDecodeEmail(_value);
    }

    /// <summary>The account email decoded from the token, or null when the token is not base64("email:secret").</summary>
    public string? Email { get; }

    internal string HeaderValue => "Basic " + _value;

    /// <summary>True when the token has the shape QGIS checks before calling the server.</summary>
    public bool IsWellFormed => Email != null;

    private Regex? _secretPattern;

    /// <summary>
    /// The text with the token, and the email:secret and secret it decodes to, replaced by "***": as they are, JSON-
    /// or URL-escaped (\/, \u002B, %2B), or broken over lines as a gateway echoing a long header may wrap it.
    /// </summary>
    internal string Redact(string text) =>
        string.IsNullOrEmpty(text) ? text : (_secretPattern ??= SecretPattern()).Replace(text, "***");

    private Regex SecretPattern()
    {
        const string gap = @"(?:\s|\\[rnt])*";
        var secrets = Secrets().Where(s => s.Length >= 4).Distinct().OrderByDescending(s => s.Length);
        return new Regex(string.Join("|", secrets.Select(s => string.Join(gap, s.Select(Written)))), RegexOptions.CultureInvariant);
    }

    /// <summary>One character of a secret in any of the forms an echo may write it.</summary>
    private static string Written(char c)
    {
        var hex = ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        var forms = new List<string> { Regex.Escape(c.ToString()), $@"\\u(?i:{hex})" };
        if (!char.IsLetterOrDigit(c)) forms.Add($"%(?i:{hex.Substring(2)})");
        if (c == '/') forms.Add(@"\\/");
        return "(?:" + string.Join("|", forms) + ")";
    }

    private string[] Secrets()
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(_value));
            var colon = decoded.IndexOf(':');
            return colon > 0 ? new[] { _value, _value.TrimEnd('='), decoded, decoded.Substring(colon + 1) } : new[] { _value, _value.TrimEnd('=') };
        }
        catch (FormatException)
        {
            return new[] { _value, _value.TrimEnd('=') };
        }
    }

    public override string ToString() => Email is null ? "Mapflow token (hidden)" : $"Mapflow token for {Email}";

    // QGIS right-pads a pasted token with '=' to a multiple of 4.
    private static string Pad(string token) => token.Length % 4 == 0 ? token : token + new string('=', 4 - token.Length % 4);

    private static string? TryDecodeEmail(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var colon = text.IndexOf(':');
            return colon > 0 ? text.Substring(0, colon) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
