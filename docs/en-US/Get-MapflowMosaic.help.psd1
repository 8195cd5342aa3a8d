@{
    Synopsis    = 'Gets the mosaics of My imagery, the Mapflow data catalog.'
    Description = @'
Get-MapflowMosaic writes the account's mosaics (GET /rasters/mosaic): all of them, those whose name matches -Name (wildcards, any case), those carrying one of the -Tag tags, or the ones with the ids given. Each has its footprint (WKT, EPSG:4326), its size in bytes and its tile layer.

A plain name (no wildcards) that matches no mosaic is a Mapflow.NotFound error; an unknown id is MapflowApi.NotFound. Images piped in give their mosaics.
'@
    Parameters  = @{
        Name        = 'Names of the mosaics, with wildcards. An id typed here is taken as the id.'
        Tag         = 'Only mosaics that carry any of these tags; the service filters them.'
        Id          = 'Ids of the mosaics. Bound by property name from piped objects with an Id.'
        MosaicId    = 'The mosaic of piped images (their MosaicId property); wins over their Id, which is the image''s.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Mapflow.Mosaic objects.'
    Examples    = @(
        @{
            Title   = 'List the mosaics with their sizes'
            Code    = 'Get-MapflowMosaic'
            Remarks = 'Id, name, size, creation time and tags of each mosaic.'
        }
        @{
            Title   = 'Mosaics by name and tag'
            Code    = @'
Get-MapflowMosaic -Name 'Moscow*'
Get-MapflowMosaic -Tag 'drone' | Select-Object Name, SizeInBytes, Footprint
'@
            Remarks = 'The footprint is the outline of the mosaic''s images as WKT.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'New-MapflowMosaic'
        'Get-MapflowImage'
    )
}
