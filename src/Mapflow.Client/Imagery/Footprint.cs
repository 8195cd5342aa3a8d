using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Mapflow.Client.Imagery;

/// <summary>A WKT footprint read into a geometry once, and again only when the text changes.</summary>
internal struct Footprint
{
    private static readonly NtsGeometryServices Wgs84 = new(new PrecisionModel(), 4326);
    private string? _text;
    private Geometry? _geometry;

    public Geometry? Read(string? wkt)
    {
        if (wkt == _text && (_geometry != null || wkt == null)) return _geometry;
        _text = wkt;
        _geometry = null;
        if (string.IsNullOrWhiteSpace(wkt)) return null;
        try
        {
            _geometry = new WKTReader(Wgs84).Read(wkt);
        }
        catch (ParseException)
        {
            // Not WKT: the text stays as it came, the geometry is unknown.
        }
        return _geometry;
    }
}
