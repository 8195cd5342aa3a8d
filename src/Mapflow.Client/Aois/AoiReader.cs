using System;
using System.Collections.Generic;
using System.IO;
using Mapflow.Client.Aois.GeoJson;
using Mapflow.Client.Aois.Nts;

namespace Mapflow.Client.Aois
{
    /// <summary>
    /// Reads AOIs from a file, lazily: one <see cref="AoiReadResult"/> per source feature, in source order, each an
    /// <see cref="Aoi"/> or an <see cref="AoiProblem"/>. Problems with the file as a whole (missing, unsupported
    /// extension, not JSON, not GeoJSON) throw instead; the argument and extension checks throw at the call, the
    /// content checks at the first MoveNext, before any result is yielded.
    /// </summary>
    /// <remarks>
    /// An unsupported file-level CRS is reported on every feature (code UnsupportedCrs), so callers can rely on
    /// exactly one result per feature.
    /// </remarks>
    public static class AoiReader
    {
        public const string SupportedExtensions = ".geojson, .json, .shp, .gpkg";

        /// <exception cref="NotSupportedException">The extension is not one of <see cref="SupportedExtensions"/>.</exception>
        /// <exception cref="FileNotFoundException">The file does not exist.</exception>
        public static IEnumerable<AoiReadResult> Read(string path, AoiReadOptions options)
        {
            if (path is null)
                throw new ArgumentNullException(nameof(path));
            var settings = Snapshot(options);

            string extension = Path.GetExtension(path).ToLowerInvariant();
            Func<string, AoiReadOptions, IEnumerable<AoiReadResult>> read = extension switch
            {
                ".geojson" or ".json" => ReadGeoJsonFile,
                ".shp" => ShapefileSource.Read,
                ".gpkg" => GeoPackageSource.Read,
                _ => throw new NotSupportedException(
                    $"Cannot read AOIs from '{path}': the extension '{extension}' is not supported; use one of {SupportedExtensions}."),
            };

            if (!File.Exists(path))
                throw new FileNotFoundException($"The AOI file '{path}' does not exist.", path);
            return read(path, settings);
        }

        /// <summary>Reads GeoJSON from a stream, which stays open. A non-seekable stream is first copied to a temporary file.</summary>
        /// <param name="sourcePath">Only used to label results and problems.</param>
        public static IEnumerable<AoiReadResult> ReadGeoJson(Stream stream, string? sourcePath, AoiReadOptions options)
        {
            if (stream is null)
                throw new ArgumentNullException(nameof(stream));
            return GeoJsonSource.Read(stream, sourcePath, Snapshot(options));
        }

        private static IEnumerable<AoiReadResult> ReadGeoJsonFile(string path, AoiReadOptions options)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024,
                FileOptions.SequentialScan);
            foreach (var result in GeoJsonSource.Read(stream, path, options))
                yield return result;
        }

        // Reading is lazy: copy the options so a later change by the caller cannot affect a running enumeration.
        private static AoiReadOptions Snapshot(AoiReadOptions options)
        {
            if (options is null)
                throw new ArgumentNullException(nameof(options));
            if (options.NameProperty is { Length: 0 })
                throw new ArgumentException("NameProperty must be null (look for the usual ones) or a property name.", nameof(options));
            if (options.MaxFeatureBytes < 1)
                throw new ArgumentOutOfRangeException(nameof(options), options.MaxFeatureBytes, "MaxFeatureBytes must be positive.");
            if (options.SimplifyToleranceMetres is { } tolerance && !(tolerance > 0 && !double.IsInfinity(tolerance)))
                throw new ArgumentOutOfRangeException(nameof(options), tolerance, "SimplifyToleranceMetres must be a positive number of metres.");
            return new AoiReadOptions
            {
                NameProperty = options.NameProperty, Repair = options.Repair, MaxFeatureBytes = options.MaxFeatureBytes,
                SimplifyToleranceMetres = options.SimplifyToleranceMetres,
            };
        }
    }
}
