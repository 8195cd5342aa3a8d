using System.Collections.Generic;

namespace Mapflow.Client.Aois
{
    public sealed class AoiReadOptions
    {
        /// <summary>
        /// Where names are looked for when <see cref="NameProperty"/> is null, best first (matched ignoring case):
        /// OpenStreetMap and Natural Earth exports, shapefiles (NAME), and other common attribute names.
        /// </summary>
        public static readonly IReadOnlyList<string> UsualNameProperties =
            new[] { "name", "name_en", "name:en", "int_name", "title", "label", "nom", "nombre" };

        /// <summary>
        /// The feature property that names an AOI, matched ignoring case; null looks for the
        /// <see cref="UsualNameProperties"/>. The feature index is used when the property is missing or empty.
        /// </summary>
        public string? NameProperty { get; set; }

        /// <summary>
        /// Fix what can be fixed safely: close unclosed rings, make self-intersecting polygons and bad holes valid.
        /// M values, out-of-range coordinates, non-polygons and a foreign CRS are never repaired.
        /// </summary>
        public bool Repair { get; set; }
    }
}
