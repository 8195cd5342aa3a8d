@{
    Synopsis    = 'Searches the imagery catalog of Mapflow for images over AOIs, to process them with Start-MapflowProcessing.'
    Description = @'
Find-MapflowImagery searches the imagery that Mapflow's search providers offer over each AOI (POST /catalog/meta), with the filters QGIS's search has, and writes every image found. It reads page after page until the search's total, whatever page size Mapflow allows; an image it cannot read is left out with a warning and the others are written.

The images pipe into Start-MapflowProcessing and Get-MapflowProcessingCost, where they become the imagery of the processings (sourceParams.imagerySearch): give the AOI with -Aoi there, since the images fill the pipeline (Find-MapflowImagery -Aoi $a | Start-MapflowProcessing -Aoi $a -Model Buildings). One processing takes images of one provider only; narrow the search with -DataProvider, or filter the images with Where-Object, Sort-Object and Select-Object first.

Images whose metadata is missing (a mosaic without an acquisition date or cloud cover, for example) pass every filter, as Mapflow's search treats them. Each AOI is searched on its own; an AOI larger than the account's searchAreaLimit gets a non-terminating MapflowApi.SearchAreaLimitExceeded error (TargetObject: the AOI), and the other AOIs are searched. -From after -To, -MinOffNadir above -MaxOffNadir or -MinResolution above -MaxResolution ends the command with Imagery.InvalidRange before anything is sent.

-First n stops reading pages once n images are written; -Skip and -IncludeTotalCount work across all AOIs.
'@
    Parameters  = @{
        Aoi           = 'The AOIs to search over, usually piped from Import-MapflowAoi; each one is searched on its own and its images carry its name in AoiName. Alias: InputObject.'
        Geometry      = 'One area instead of -Aoi: GeoJSON text of a Polygon or MultiPolygon, or an object that converts to it, such as a hashtable with type and coordinates, checked as Start-MapflowProcessing -Geometry checks it (a problem ends the command with Aoi.<Code>).'
        From          = 'Only images acquired on or after this time. A time without a zone is UTC. Images without an acquisition date pass.'
        To            = 'Only images acquired on or before this time. A time without a zone is UTC.'
        MaxCloudCover = 'The most cloud cover, in percent (0 to 100). Images without a cloud cover pass.'
        MinOffNadir   = 'The least off-nadir angle, in degrees (0 to 90).'
        MaxOffNadir   = 'The most off-nadir angle, in degrees (0 to 90): the smaller, the more straight down the view.'
        MinResolution = 'The finest pixel size, in metres per pixel.'
        MaxResolution = 'The coarsest pixel size, in metres per pixel; 0.5 keeps only imagery at half a metre or finer.'
        DataProvider  = 'Only images of these search providers, by the names /user/status lists in searchDataProviders (such as orbview). When omitted, every provider. Tab completes the search providers of the account.'
        First         = 'Writes only this many images (after those -Skip leaves out), and stops reading pages once it has them.'
        Skip          = 'Leaves out this many images first, across all AOIs.'
        IncludeTotalCount = 'Writes, after the images, how many there were in all (ignoring -First and -Skip), as an object whose Accuracy is 1.0.'
        Session       = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Defaults    = @{
        DataProvider = 'Every search provider'
    }
    Outputs     = 'One Mapflow.CatalogImage per image: the table shows Id, ProviderName, the acquisition date, CloudCover (%), OffNadirAngle, PixelResolution (m/px), Zoom, ProductType (Image or Mosaic) and the AOI; Footprint (a geometry), Sensor, SatId, MinAreaSqKm, PreviewUrl and AcquisitionDate with its time are there too.'
    Examples    = @(
        @{
            Title   = 'List the clear, straight-down images over an AOI'
            Code    = @'
Import-MapflowAoi places.geojson | Select-Object -First 1 |
    Find-MapflowImagery -From 2024-01-01 -MaxCloudCover 20 -MaxOffNadir 15 -MaxResolution 0.6
'@
            Remarks = 'One row per image, with its provider, date, cloud cover, off-nadir angle and resolution.'
        }
        @{
            Title   = 'Search, then process the newest image'
            Code    = @'
$aoi = Import-MapflowAoi places.geojson | Select-Object -First 1
Find-MapflowImagery -Aoi $aoi -DataProvider pleiades_neo -MaxCloudCover 10 |
    Sort-Object AcquisitionDate -Descending | Select-Object -First 1 |
    Start-MapflowProcessing -Aoi $aoi -Model Buildings |
    Wait-MapflowProcessing |
    Save-MapflowResult -Path out
'@
            Remarks = 'The image chosen is the source of the processing; running the same lines again finds the processing already started instead of paying twice.'
        }
        @{
            Title   = 'Search over a polygon given inline'
            Code    = @'
$polygon = '{"type":"Polygon","coordinates":[[[69.21,41.29],[69.24,41.29],[69.24,41.31],[69.21,41.31],[69.21,41.29]]]}'
Find-MapflowImagery -Geometry $polygon -DataProvider orbview -MaxCloudCover 30 -First 3
'@
            Remarks = 'The three first matching OrbView scenes over the polygon.'
        }
        @{
            Title   = 'Count the images per provider, reading only what is needed'
            Code    = @'
$aoi = Import-MapflowAoi places.geojson | Select-Object -First 1
Find-MapflowImagery -Aoi $aoi | Group-Object ProviderName | Select-Object Name, Count
Find-MapflowImagery -Aoi $aoi -First 5
'@
            Remarks = 'The first line reads every page; the second stops after the first page, which holds the five images.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Start-MapflowProcessing'
        'Get-MapflowProcessingCost'
        'Import-MapflowAoi'
    )
}
