using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Union;

namespace Mapflow.Client.Workflow;

/// <summary>Where a myImagery source has imagery, so AOIs outside it are refused before anything is paid for.</summary>
public static class OwnImagery
{
    /// <summary>Tolerance for footprints given as rounded WKT, in degrees (about a centimetre).</summary>
    private const double Slack = 1e-7;

    /// <summary>
    /// Where the imagery is: the union of the images' footprints, or the mosaic's, with the slack, prepared once for
    /// the many AOIs tested against it (<c>Coverage.Covers(aoi)</c>). Null when it cannot be told (a footprint missing
    /// or in another shape, or a mosaic without images, which EmptyMosaic then says). An unknown id fails with the
    /// API's 404.
    /// </summary>
    public static async Task<(IPreparedGeometry? Coverage, bool EmptyMosaic)> CoverageAsync(MapflowClient client, MyImagerySource source, CancellationToken cancel)
    {
        if (source.MosaicId is { } mosaicId)
        {
            var mosaic = await client.GetMosaicAsync(mosaicId, cancel).ConfigureAwait(false);
            // Empty only when it says so: a footprint in a shape this client cannot read just goes unchecked.
            var empty = string.IsNullOrWhiteSpace(mosaic.Footprint) && mosaic.SizeInBytes is null or 0;
            return (Prepared(mosaic.FootprintGeometry()), empty);
        }
        var images = await Task.WhenAll((source.ImageIds ?? new()).Select(id => client.GetImageAsync(id, cancel))).ConfigureAwait(false);
        var footprints = images.Select(i => i.FootprintGeometry()).ToList();
        return (footprints.Count == 0 || footprints.Any(f => f is null) ? null : Prepared(UnaryUnionOp.Union(footprints.Select(f => f!).ToList())), false);
    }

    private static IPreparedGeometry? Prepared(Geometry? footprint) =>
        footprint is { IsEmpty: false } ? PreparedGeometryFactory.Prepare(footprint.Buffer(Slack)) : null;
}
