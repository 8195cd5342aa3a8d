using System.Collections.Generic;

namespace Mapflow.Client.Aois
{
    /// <summary>
    /// One position exactly as the source gave it. Kept apart from NTS coordinates because NTS would silently
    /// close rings or lose the fact that a position carried Z or M, and those are things we must report.
    /// </summary>
    internal readonly struct RawPosition
    {
        public RawPosition(double x, double y, double z, bool hasM)
        {
            X = x;
            Y = y;
            Z = z;
            HasM = hasM;
        }

        public double X { get; }

        public double Y { get; }

        /// <summary>NaN when the position has no height.</summary>
        public double Z { get; }

        public bool HasZ => !double.IsNaN(Z);

        public bool HasM { get; }

        public bool SameXY(RawPosition other) => X == other.X && Y == other.Y;
    }

    /// <summary>A Polygon (one entry in <see cref="Polygons"/>) or a MultiPolygon, as rings of raw positions.</summary>
    internal sealed class RawPolygonal
    {
        public RawPolygonal(bool isMulti, List<List<List<RawPosition>>> polygons)
        {
            IsMulti = isMulti;
            Polygons = polygons;
        }

        public bool IsMulti { get; }

        public string TypeName => IsMulti ? "MultiPolygon" : "Polygon";

        /// <summary>Polygons, each a list of rings (exterior first), each a list of positions.</summary>
        public List<List<List<RawPosition>>> Polygons { get; }

        /// <summary>How messages name a ring: "ring 1" in a Polygon, "polygon 2 ring 1" in a MultiPolygon.</summary>
        public string RingLabel(int polygon, int ring) => RingLabel(IsMulti, polygon, ring);

        public static string RingLabel(bool isMulti, int polygon, int ring) =>
            isMulti ? $"polygon {polygon} ring {ring}" : $"ring {ring}";
    }
}
