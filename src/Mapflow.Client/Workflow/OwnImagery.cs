using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace Mapflow.Client.Workflow;

/// <summary>Where a myImagery source has imagery, so AOIs outside it are refused before anything is paid for.</summary>
public static class OwnImagery
{
    /// <summary>Tolerance for footprints given as rounded WKT, in degrees (about a centimetre).</summary>
    private const double Slack = 1e-7;

    /// <summary>
    /// The union of the images' footprints, or the mosaic's; null when it cannot be told (a footprint missing or in
    /// another shape, or a mosaic without images, which EmptyMosaic then says). An unknown id fails with the API's 404.
    /// </summary>
    public static async Task<(Geometry? Footprint, bool EmptyMosaic)> FootprintAsync(MapflowClient client, MyImagerySource source, CancellationToken cancel)
    {
        if (source.MosaicId is { } mosaicId)
        {
            var mosaic = await client.GetMosaicAsync(mosaicId, cancel).ConfigureAwait(false);
            // Empty only when it says so: a footprint in a shape this client cannot read just goes unchecked.
            var empty = string.IsNullOrWhiteSpace(mosaic.Footprint) && mosaic.SizeInBytes is null or 0;
            var footprint = mosaic.FootprintGeometry();
            return (footprint is { IsEmpty: false } ? footprint : null, empty);
        }
        var images = await Task.WhenAll((source.ImageIds ?? new()).Select(id => client.GetImageAsync(id, cancel))).ConfigureAwait(false);
        var footprints = images.Select(i => i.FootprintGeometry()).ToList();
        return (footprints.Count == 0 || footprints.Any(f => f is null) ? null : UnaryUnionOp.Union(footprints.Select(f => f!).ToList()), false);
    }

    /// <summary>Whether the imagery covers the geometry wholly.</summary>
    public static bool Covers(Geometry footprint, Geometry geometry) => footprint.Buffer(Slack).Covers(geometry);
}
