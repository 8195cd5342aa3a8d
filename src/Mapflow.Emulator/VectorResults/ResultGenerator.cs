using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Mapflow.Emulator.VectorResults;

/// <summary>A generated building footprint: a closed, counter-clockwise lon/lat ring and its area in m².</summary>
internal readonly record struct Footprint(Coordinate[] Ring, double AreaM2);

/// <summary>
/// Plausible building footprints for an AOI: rotated rectangles of 8–25 m a side whose centres fall
/// inside the AOI. The random sequence is seeded from the AOI's coordinates, so the same polygon
/// always yields the same features, whichever processing or request asks.
/// </summary>
internal static class ResultGenerator
{
    private const double MetresPerDegree = 111_320;
    private const int PlacementTries = 50;

    public static IEnumerable<Footprint> Footprints(Polygon aoi, int count)
    {
        var random = new SplitMix64(Seed(aoi));
        var envelope = aoi.EnvelopeInternal;
        var locator = new IndexedPointInAreaLocator(aoi);
        var fallback = aoi.InteriorPoint.Coordinate;
        for (var i = 0; i < count; i++)
        {
            var centre = Place(random, envelope, locator, fallback);
            var width = 8 + random.NextDouble() * 17;
            var length = 8 + random.NextDouble() * 17;
            var angle = random.NextDouble() * Math.PI;
            yield return new Footprint(Rectangle(centre, width, length, angle), Math.Round(width * length, 2));
        }
    }

    /// <summary>Rejection sampling in the AOI's envelope; a thin or odd AOI falls back to near its interior point.</summary>
    private static Coordinate Place(SplitMix64 random, Envelope envelope, IndexedPointInAreaLocator locator, Coordinate fallback)
    {
        for (var t = 0; t < PlacementTries; t++)
        {
            var candidate = new Coordinate(
                envelope.MinX + random.NextDouble() * envelope.Width,
                envelope.MinY + random.NextDouble() * envelope.Height);
            if (locator.Locate(candidate) == Location.Interior)
                return candidate;
        }
        return new Coordinate(
            fallback.X + (random.NextDouble() - 0.5) * 1e-5,
            fallback.Y + (random.NextDouble() - 0.5) * 1e-5);
    }

    private static Coordinate[] Rectangle(Coordinate centre, double width, double length, double angle)
    {
        var (sin, cos) = Math.SinCos(angle);
        var metresPerDegreeLon = MetresPerDegree * Math.Max(Math.Cos(centre.Y * Math.PI / 180), 0.01);
        Coordinate Corner(double dx, double dy) => new(
            Math.Round(centre.X + (dx * cos - dy * sin) / metresPerDegreeLon, 7),
            Math.Round(centre.Y + (dx * sin + dy * cos) / MetresPerDegree, 7));

        var (w, l) = (width / 2, length / 2);
        var first = Corner(-w, -l);
        return [first, Corner(w, -l), Corner(w, l), Corner(-w, l), first.Copy()];
    }

    /// <summary>FNV-1a over the bits of every coordinate.</summary>
    private static ulong Seed(Polygon aoi)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in aoi.Coordinates)
        {
            foreach (var bits in (ReadOnlySpan<long>)[BitConverter.DoubleToInt64Bits(c.X), BitConverter.DoubleToInt64Bits(c.Y)])
            {
                hash ^= (ulong)bits;
                hash *= 1099511628211UL;
            }
        }
        return hash;
    }

    /// <summary>A tiny PRNG with a fixed algorithm, so results stay the same across .NET versions.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public double NextDouble()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
