using System;
using System.Collections.Generic;
using System.Globalization;

namespace Mapflow.Client.Aois
{
    internal static class AoiNames
    {
        /// <summary>
        /// The name property's value when it is a non-blank string or a number (OSM ids), else the feature index
        /// as text: predictable, and never merged with another feature of the same name.
        /// </summary>
        public static string From(IReadOnlyDictionary<string, object?> properties, string nameProperty, int index)
        {
            properties.TryGetValue(nameProperty, out var value);
            string? text = value switch
            {
                string s => s,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable number when value is not bool and not DateTime => number.ToString(null, CultureInfo.InvariantCulture),
                _ => null,
            };
            return string.IsNullOrWhiteSpace(text) ? AoiText.Index(index) : text!;
        }
    }
}
