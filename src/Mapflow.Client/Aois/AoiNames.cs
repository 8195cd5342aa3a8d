using System;
using System.Collections.Generic;
using System.Globalization;

namespace Mapflow.Client.Aois
{
    /// <summary>A feature's name and the property it came from; <see cref="Property"/> is null when the index was used.</summary>
    internal readonly struct AoiName
    {
        public AoiName(string text, string? property)
        {
            Text = text;
            Property = property;
        }

        public string Text { get; }

        public string? Property { get; }
    }

    internal static class AoiNames
    {
        /// <summary>
        /// The value of <paramref name="nameProperty"/> (or, when that is null, of the first of
        /// <see cref="AoiReadOptions.UsualNameProperties"/> the feature has) when it is a non-blank string or a number
        /// (OSM ids); else the feature index as text: predictable, and never merged with another feature of the same
        /// name. Keys match ignoring case, as PowerShell does, an exact-case key first: shapefiles often say NAME.
        /// </summary>
        public static AoiName From(IReadOnlyDictionary<string, object?> properties, string? nameProperty, int index)
        {
            var wanted = nameProperty is null ? AoiReadOptions.UsualNameProperties : new[] { nameProperty };
            string? bestKey = null, bestText = null;
            int bestRank = int.MaxValue;
            foreach (var pair in properties)
            {
                int rank = Rank(pair.Key, wanted);
                if (rank < bestRank && Text(pair.Value) is { } text)
                {
                    (bestKey, bestText, bestRank) = (pair.Key, text, rank);
                }
            }

            return bestText is null ? new AoiName(AoiText.Index(index), null) : new AoiName(bestText, bestKey);
        }

        // Lower is better: the position in the wanted list, then exact case before any other case.
        private static int Rank(string key, IReadOnlyList<string> wanted)
        {
            for (int i = 0; i < wanted.Count; i++)
            {
                if (string.Equals(key, wanted[i], StringComparison.OrdinalIgnoreCase))
                    return 2 * i + (string.Equals(key, wanted[i], StringComparison.Ordinal) ? 0 : 1);
            }

            return int.MaxValue;
        }

        private static string? Text(object? value)
        {
            string? text = value switch
            {
                string s => s,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable number when value is not bool and not DateTime => number.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
    }
}
