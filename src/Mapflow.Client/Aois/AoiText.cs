using System.Globalization;

namespace Mapflow.Client.Aois
{
    /// <summary>Number formatting for problem messages: invariant culture, so messages read the same everywhere.</summary>
    internal static class AoiText
    {
        public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

        public static string Point(double x, double y) => $"({Number(x)}, {Number(y)})";

        public static string Point(RawPosition p) => Point(p.X, p.Y);

        /// <summary>"30.512 km² (30,512,345 m²)": km² to read, m² because the API reports limits in m².</summary>
        public static string Area(double squareMetres) =>
            (squareMetres / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + " km² ("
            + squareMetres.ToString("N0", CultureInfo.InvariantCulture) + " m²)";

        public static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);

        /// <summary>"1,048,576": counts of bytes or positions, grouped so they can be read at a glance.</summary>
        public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

        /// <summary>"67,108,864 bytes (64 MiB)"; the MiB only from 1 MiB on.</summary>
        public static string Bytes(long bytes) =>
            Count(bytes) + " bytes"
            + (bytes < 1 << 20 ? "" : " (" + (bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture) + " MiB)");
    }
}
