@{
    Synopsis    = 'Prices a run before starting it: the processings Start-MapflowProcessing would create, with their credits.'
    Description = @'
Get-MapflowProcessingCost takes the same input and parameters as Start-MapflowProcessing, checks and groups the AOIs the same way, and asks Mapflow what each planned processing would cost (POST /processing/cost/v2). Asking is free and creates nothing.

It writes one estimate per planned processing: its name, number of AOIs and polygons, area, credits and model. Sum the Credits to price the whole run, and compare the sums of different -GroupSize values: Mapflow bills every processing for at least 1 km2, so packing small AOIs into fewer processings often costs much less.

AOIs that break the account's limits give the same non-terminating errors as with Start-MapflowProcessing (Aoi.AreaTooLarge, Aoi.BoundingBoxTooLarge, Aoi.TooManyPolygons) and are left out. An estimate does not know whether a processing was already started; a real run would write those again for free.

The imagery is one of four kinds, and one only: a provider of the account (-DataProvider, or the account's first provider when no source is given; -Zoom is checked against the zoom levels of the provider's price list in /user/status and outside them ends the command with Source.ZoomOutOfRange), your own imagery in Mapflow's data catalog (-MosaicId or -ImageId), images found by Find-MapflowImagery (-Image, or piped in), or a tile service of your own (-ImageryUrl with -SourceType, -Crs and -ImageryCredential). Two kinds at once, both -MosaicId and -ImageId, or -SourceType, -Crs or -ImageryCredential without -ImageryUrl end the command with Source.Conflict; a URL without its placeholders with Source.InvalidUrl; images of several providers with Source.MixedProviders. All of these are checked before anything is sent. A -MosaicId or -ImageId that is not in your imagery ends the command with Mapflow.NotFound, a mosaic without images with Mapflow.InvalidArgument, and an AOI that is not wholly inside the imagery's footprint is an error of its own (Source.NotCovered) while the others go on; the footprints are read before anything is sent.
'@
    Parameters  = @{
        Aoi           = 'The AOIs to price, usually piped from Import-MapflowAoi. All input is collected before the planning starts.'
        Geometry      = 'One area as GeoJSON text of a Polygon or MultiPolygon, or an object that converts to it, such as a hashtable with type and coordinates. It is checked like a feature of Import-MapflowAoi: a problem ends the command with Aoi.<Code>, text that is not GeoJSON with Aoi.InvalidGeometry.'
        Model         = 'The model to price, by name or id, as Get-MapflowModel shows them. Emoji, case and punctuation are ignored and a unique beginning is enough, so "Buildings" finds "🏠 Buildings". No match ends the command with Model.NotFound, several with Model.Ambiguous. Tab completes the models by the plain name this parameter takes.'
        Project       = 'The project the processings would go to: a project object, its id, or its exact name, ignoring case. When omitted, the account''s default project. Tab completes the project names.'
        Name          = 'The processing name, as with Start-MapflowProcessing: with several AOIs "<Name> <AOI name>", with groups "<Name> 1", "<Name> 2"..., with one AOI just -Name.'
        DataProvider = 'The imagery provider, by the name Get-MapflowAccount lists in DataProviders (such as Mapbox), ignoring case. The price depends on it. When omitted (and no other source is given), the account''s first provider. Tab completes the providers of the account.'
        Zoom         = 'The zoom level of the imagery, which can change the price: with a provider, within the zoom levels of its price list, else Source.ZoomOutOfRange. When omitted, the provider''s default.'
        Option        = 'The optional blocks of the model to enable, as Get-MapflowModel shows them in Options; each adds to the price. A name the model does not have ends the command with Model.UnknownOption. Tab completes the options of the -Model on the command line.'
        GroupSize     = 'Packs up to this many AOI polygons into one processing, in input order, as long as the group stays within the account''s limits. 1 plans one processing per AOI. Values above the account''s MaxAoisPerProcessing are lowered to it, with a warning.'
        Group         = 'Packs as many AOIs into each processing as the account allows: the same as -GroupSize with the account''s MaxAoisPerProcessing.'
        Repair        = 'With -Geometry: repairs the geometry as Import-MapflowAoi -Repair does (closes rings, fixes self-intersections and holes) instead of rejecting it.'
        ThrottleLimit = 'How many price requests run at the same time: 1 to 64; 32 by default.'
        Image         = 'Images found by Find-MapflowImagery: the processing uses them (sourceParams.imagerySearch, with the provider''s name lower-cased and the image ids sorted). They are piped in by value, beside AOIs given with -Aoi or -Geometry (Find-MapflowImagery -Aoi $a | Get-MapflowProcessingCost -Aoi $a -Model Buildings), or given with -Image while the AOIs come from the pipeline ($a | Get-MapflowProcessingCost -Image $images ...). All images of a run go into each of its processings. They must all come from one provider: images of several end the command with Source.MixedProviders before anything is sent (filter them with Where-Object ProviderName -eq <name>). Without -Zoom, the images'' own zoom is sent when they share one, as QGIS does.'
        ImageryUrl    = 'A tile service of your own (sourceParams.userDefined): an http:// or https:// URL with {x}, {y} and {z} for -SourceType Xyz and Tms, or {q} for Quadkey; for SentinelL2A, the Sentinel-2 scene name. A URL without its placeholders ends the command with Source.InvalidUrl before anything is sent (Mapflow would accept it and then fail the processing with source-validator.XYZLinkFormatError, TMSLinkFormatError or QuadkeyLinkFormatError). Messages show the URL without its query string, which often holds an access token. Alias: Url.'
        SourceType    = 'The kind of tile service -ImageryUrl is: Xyz (the default), Tms, Quadkey or SentinelL2A; sent upper-case (XYZ, TMS, QUADKEY, SENTINEL_L2A). Only with -ImageryUrl (otherwise Source.Conflict).'
        ImageryCredential = 'The login and password of the tile service, as a PSCredential (from Get-Credential, or built from a secret store). They are sent as rasterLogin and rasterPassword and nowhere else: the password appears in no verbose, debug or error text, not in the start key, and is masked (********) where Mapflow echoes it in a processing''s Params. Only with -ImageryUrl.'
        Crs           = 'The projection of the tile grid of -ImageryUrl: EPSG:3857 (Web Mercator, what most services use) or EPSG:3395 (World Mercator); sent lower-case, as QGIS does. When omitted, Mapflow''s default. Only with -ImageryUrl.'
        MosaicId      = 'A mosaic (imagery collection) of your own imagery in Mapflow''s data catalog: the whole mosaic is processed (sourceParams.myImagery.mosaicId). Not with -ImageId, nor with -Zoom: your imagery is processed at its own resolution.'
        ImageId       = 'Images of your own imagery in Mapflow''s data catalog: only they are processed (sourceParams.myImagery.imageIds). Not with -MosaicId, nor with -Zoom.'
        InferenceParams = 'Model settings, sent as params.inferenceParams as given (nested hashtables and arrays included); what a model takes is the model''s own business. They are part of the start key. When omitted or empty, none are sent.'
        Session       = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Defaults    = @{
        Project      = 'The default project of the account'
        Name         = 'The AOI''s name'
        DataProvider = 'The first provider of the account'
        Zoom         = 'The provider''s default'
    }
    Outputs     = 'One estimate per planned processing: Name, AoiCount, PolygonCount, AreaKm2, Credits and Model, and AoiNames (the names of the AOIs packed into it).'
    Examples    = @(
        @{
            Title   = 'Price a run'
            Code    = 'Import-MapflowAoi places.geojson | Get-MapflowProcessingCost -Model Buildings'
            Remarks = 'One line per processing that Start-MapflowProcessing would create, with its credits.'
        }
        @{
            Title   = 'Compare the cost with and without grouping'
            Code    = @'
$aois = Import-MapflowAoi places.geojson
$single = ($aois | Get-MapflowProcessingCost -Model Buildings | Measure-Object Credits -Sum).Sum
$grouped = ($aois | Get-MapflowProcessingCost -Model Buildings -Group | Measure-Object Credits -Sum).Sum
"One per AOI: $single credits; grouped: $grouped credits; $((Get-MapflowAccount).RemainingCredits) left"
'@
            Remarks = 'Small villages each billed for at least 1 km2 cost more as separate processings than packed together: 32 villages of 0.2 to 1.1 km2, 18 km2 in all, are billed for at least 32 km2 as 32 processings, but for their real 18 km2 as 4 groups of up to 10.'
        }
        @{
            Title   = 'Start only when the whole run fits the budget'
            Code    = @'
$aois = Import-MapflowAoi places.geojson
$total = ($aois | Get-MapflowProcessingCost -Model Buildings -Group | Measure-Object Credits -Sum).Sum
if ($total -le 500) {
    $aois | Start-MapflowProcessing -Model Buildings -Group
}
'@
            Remarks = 'Use the same parameters for the estimate and the start, so both plan the same processings. Start-MapflowProcessing -MaxCredits 500 is the alternative that starts what fits and stops there.'
        }
        @{
            Title   = 'Price one polygon with an option enabled'
            Code    = @'
$polygon = '{"type":"Polygon","coordinates":[[[64.40,39.76],[64.44,39.76],[64.44,39.79],[64.40,39.79],[64.40,39.76]]]}'
Get-MapflowProcessingCost -Geometry $polygon -Model Buildings -Option Classification -DataProvider Mapbox
'@
            Remarks = 'The options and the imagery provider change the price per km2.'
        }
        @{
            Title   = 'Price images found by a search'
            Code    = @'
$aoi = Import-MapflowAoi places.geojson | Select-Object -First 1
Find-MapflowImagery -Aoi $aoi -DataProvider orbview -First 2 | Get-MapflowProcessingCost -Aoi $aoi -Model Buildings
'@
            Remarks = 'The images are piped in and the AOI given with -Aoi, as with Start-MapflowProcessing.'
        }
        @{
            Title   = 'Price a tile service, a mosaic of your own imagery and a provider zoom'
            Code    = @'
$aoi = Import-MapflowAoi places.geojson | Select-Object -First 1
$aoi | Get-MapflowProcessingCost -Model Buildings -ImageryUrl 'https://tiles.example.com/{z}/{x}/{y}.png' -SourceType Tms
$aoi | Get-MapflowProcessingCost -Model Buildings -MosaicId (Get-MapflowMosaic -Name 'Bukhara drone survey').Id
$aoi | Get-MapflowProcessingCost -Model Buildings -DataProvider Mapbox -Zoom 18
'@
            Remarks = 'Each source kind is priced with the same body a start would send.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Find-MapflowImagery'
        'Start-MapflowProcessing'
        'Get-MapflowAccount'
    )
}
