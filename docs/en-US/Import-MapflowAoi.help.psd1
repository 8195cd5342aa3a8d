@{
    Synopsis    = 'Reads areas of interest (AOIs) from GeoJSON files, shapefiles or GeoPackages and checks every one before anything is sent.'
    Description = @'
Import-MapflowAoi reads every feature of each file and writes one AOI object per valid feature, ready for Start-MapflowProcessing. It streams the file, so large files need little memory, and it needs no connection. It reads:

- .geojson and .json: a FeatureCollection, a single Feature or a bare geometry, in WGS84 longitude/latitude as RFC 7946 requires;
- .shp: an Esri shapefile with its .dbf attributes; a .prj in another coordinate system is reprojected to WGS84, and without a .prj the coordinates are taken as longitude/latitude;
- .gpkg: every feature table of a GeoPackage, one after the other with one running index; tables in another coordinate system are reprojected to WGS84.

A reprojected AOI lists "reprojected to WGS84" in its Repairs.

Each feature is checked as Mapflow would: only Polygon and MultiPolygon geometries; no null or empty geometry; closed rings of at least 4 positions; no self-intersections and no holes outside their ring; longitudes within -180..180 and latitudes within -90..90 (which catches files in a projected CRS); no M (measure) values; no "crs" member other than WGS84, and a coordinate system that can be converted. Exterior rings are turned counter-clockwise and holes clockwise, as RFC 7946 asks. Heights (a third value in a position, which RFC 7946 allows) are dropped, because Mapflow works in 2D: the AOI lists "dropped Z" in its Repairs and -Verbose says so.

A feature whose text cannot be read (bytes that are not UTF-8, such as a Windows-1251 export, or a lone surrogate escape like \ud800) is Aoi.InvalidText, and a feature of more than 64 MiB (67,108,864 bytes) of GeoJSON is skipped unread as Aoi.FeatureTooLarge, so memory stays bounded; the features after them are read as usual.

An AOI may have at most 100,000 vertices (about 4 MB of GeoJSON, which one request to Mapflow can carry); a larger one is Aoi.TooManyVertices and is not sent. -Simplify <metres> simplifies every AOI first, with NetTopologySuite's topology-preserving simplifier, so it stays valid and keeps its holes and parts; the AOI lists "simplified from N to M vertices" in its Repairs, and -Verbose says so.

A feature that fails is a non-terminating error with the id Aoi.<Code> (Aoi.SelfIntersection, Aoi.UnsupportedGeometryType...). It names the file, the feature's 0-based index, its name and the reason, and the other features carry on. The error's TargetObject holds SourcePath, Index, Name, Code and Message. A file that cannot be read at all is skipped with Aoi.FileNotFound, Aoi.UnsupportedFormat or Aoi.UnreadableFile. A file that holds no features (an empty FeatureCollection, a shapefile or GeoPackage without records) is a warning that names it, so an empty run never looks like a successful one. about_Mapflow_Errors lists every code and what to do.

With -Repair, what can be fixed safely is fixed instead of rejected: unclosed rings are closed, self-intersections and bad holes are made valid. Each AOI lists its changes in its Repairs property, -Verbose prints them as they are read, and a warning at the end counts the AOIs that -Repair changed. M values, out-of-range coordinates, a GeoJSON "crs" other than WGS84, non-polygons and rings with too few positions are never repaired.

Import-MapflowAoi does not check the account's limits (the area of one processing, the polygons per processing); Start-MapflowProcessing and Get-MapflowProcessingCost do, before anything is paid for.
'@
    Parameters  = @{
        Simplify     = 'Simplifies every AOI so that its outline moves by at most about this many metres (from 0.001 to 100000), with NetTopologySuite''s TopologyPreservingSimplifier: the result stays valid, with the same holes and parts. Use it for AOIs over the limit of 100,000 vertices (Aoi.TooManyVertices), or to send less. The tolerance is converted at 111,320 m per degree, so east-west, away from the equator, it is stricter than asked, never looser. Each simplified AOI lists "simplified from N to M vertices" in its Repairs.'
        Path         = 'The files to read (.geojson, .json, .shp or .gpkg), with wildcards. Paths can be piped as strings. A path that matches nothing gives Aoi.FileNotFound.'
        LiteralPath  = 'The files to read (.geojson, .json, .shp or .gpkg), used exactly as written: no character is a wildcard. Files from Get-ChildItem bind here through their PSPath property.'
        NameProperty = 'The feature property (or shapefile/GeoPackage attribute) that names each AOI, and so by default each processing and result file. The name matches any case (name finds NAME). Without -NameProperty, the first of these that a feature has is used, matched in any case: name, name_en, name:en, int_name, title, label, nom, nombre; -Verbose says which. Text and numbers (such as OSM ids) are used as they are. A feature without the property, or with an empty value, is named by its 0-based index, and a warning at the end of the file counts such AOIs and lists the properties they have, so a misspelt -NameProperty does not go unnoticed. Features with the same name stay separate AOIs.'
        Repair       = 'Fixes what can be fixed safely instead of rejecting the feature: closes unclosed rings, and makes self-intersecting polygons and invalid holes valid. (Heights are dropped with or without -Repair.)'
    }
    Outputs     = 'One AOI per valid feature: Name, Index (0-based in its file), Geometry (a 2D Polygon or MultiPolygon in WGS84 longitude/latitude), Properties (the feature''s properties), AreaKm2 (geodesic area), PolygonCount, VertexCount, SourcePath and Repairs (the changes made, such as "closed rings"; "reoriented rings", "dropped Z" and "reprojected to WGS84" can appear without -Repair). ToGeoJson() returns the geometry as GeoJSON text.'
    Examples    = @(
        @{
            Title   = 'Read a file and look at its AOIs'
            Code    = 'Import-MapflowAoi places.geojson'
            Remarks = 'Shows each valid feature''s index, name, number of polygons, area in km2, repairs and source file. Invalid features appear as errors, for example "places.geojson feature #12 ''Бой'': ... has a self-intersection at ...; use -Repair to fix it".'
        }
        @{
            Title   = 'Run the buildings model over every AOI of a file'
            Code    = @'
Import-MapflowAoi places.geojson |
    Start-MapflowProcessing -Model Buildings -Project $p |
    Wait-MapflowProcessing |
    Save-MapflowResult -Path out
'@
            Remarks = 'Invalid features are reported and left out; the valid ones are started, waited for and saved.'
        }
        @{
            Title   = 'Check a file before spending anything'
            Code    = @'
$aois = Import-MapflowAoi places.geojson -ErrorVariable bad -ErrorAction SilentlyContinue
"$($aois.Count) AOIs are fine, $($bad.Count) are not, $([math]::Round(($aois | Measure-Object AreaKm2 -Sum).Sum, 1)) km2 in all"
$bad | Select-Object @{ n = 'Id'; e = { $_.FullyQualifiedErrorId.Split(',')[0] } }, @{ n = 'Problem'; e = { $_.Exception.Message } }
'@
            Remarks = '-ErrorVariable collects the problems without showing them; each one''s id says which check failed.'
        }
        @{
            Title   = 'Repair what can be repaired, and name the AOIs from another property'
            Code    = 'Import-MapflowAoi places.geojson -NameProperty name_ru -Repair -Verbose | Format-Table Index, Name, Repairs'
            Remarks = '-Verbose lists each repair as the feature is read; a warning at the end says how many AOIs were repaired.'
        }
        @{
            Title   = 'Simplify AOIs that are too detailed to send'
            Code    = 'Import-MapflowAoi coastline.geojson -Simplify 1 | Format-Table Name, VertexCount, AreaKm2, Repairs'
            Remarks = 'An AOI over 100,000 vertices is otherwise refused with Aoi.TooManyVertices. With -Simplify 1 no point of an outline moves by more than about a metre, and Repairs says how many vertices are left.'
        }
        @{
            Title   = 'Read every GeoJSON file of a folder tree'
            Code    = @'
Get-ChildItem .\regions -Filter *.geojson -Recurse | Import-MapflowAoi |
    Start-MapflowProcessing -Model Buildings -WhatIf
'@
            Remarks = 'Files from Get-ChildItem bind to -LiteralPath. -WhatIf on Start-MapflowProcessing shows what would start, and where, without starting anything.'
        }
        @{
            Title   = 'Read a shapefile in a projected coordinate system'
            Code    = 'Import-MapflowAoi .\parcels\parcels_utm42n.shp -NameProperty CADNUM | Select-Object Name, AreaKm2, Repairs'
            Remarks = 'The .prj file says the coordinates are UTM metres; they are reprojected to WGS84 and each AOI lists "reprojected to WGS84" in Repairs. The CADNUM attribute of the .dbf names the AOIs.'
        }
        @{
            Title   = 'Read a file whose name contains brackets'
            Code    = 'Import-MapflowAoi -LiteralPath ''places [2024].geojson'''
            Remarks = 'With -Path, [2024] would be a wildcard character range.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'about_Mapflow_Errors'
        'Start-MapflowProcessing'
    )
}
