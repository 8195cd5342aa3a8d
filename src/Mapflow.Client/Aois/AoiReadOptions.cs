using System;
using System.Collections.Generic;

namespace Mapflow.Client.Aois
{
    public sealed class AoiReadOptions
    {
        /// <summary>
        /// Where names are looked for when <see cref="NameProperty"/> is null, best first (matched ignoring case):
        /// OpenStreetMap and Natural Earth exports, shapefiles (NAME), and other common attribute names.
        /// </summary>
        public static readonly IReadOnlyList<string> UsualNameProperties = Array.AsReadOnly(
            new[] { "name", "name_en", "name:en", "int_name", "title", "label", "nom", "nombre" });

        /// <summary>
        /// The feature property that names an AOI, matched ignoring case; null looks for the
        /// <see cref="UsualNameProperties"/>. The feature index is used when the property is missing or empty.
        /// </summary>
        public string? NameProperty { get; set; }

        /// <summary>The documented default of <see cref="MaxFeatureBytes"/>: 64 MiB.</summary>
        public const int DefaultMaxFeatureBytes = 64 * 1024 * 1024;

        /// <summary>
        /// The most GeoJSON text one feature may take; a larger feature is skipped unread and reported
        /// (FeatureTooLarge), so memory stays bounded whatever the file holds.
        /// </summary>
        public int MaxFeatureBytes { get; set; } = DefaultMaxFeatureBytes;

        /// <summary>
        /// Simplify each AOI with NTS's TopologyPreservingSimplifier so that no point of its outline moves more than
        /// about this many metres, keeping it valid, with its holes and parts; null leaves the geometry as it is.
        /// </summary>
        public double? SimplifyToleranceMetres { get; set; }

        /// <summary>
        /// Fix what can be fixed safely: close unclosed rings, make self-intersecting polygons and bad holes valid.
        /// M values, out-of-range coordinates, non-polygons and a foreign CRS are never repaired.
        /// </summary>
        public bool Repair { get; set; }
    }
}
