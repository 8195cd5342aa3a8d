@{
    Synopsis    = 'Gets the images of mosaics in My imagery.'
    Description = @'
Get-MapflowImage writes the images of mosaics (GET /rasters/mosaic/{id}/image), optionally only those whose file name matches -Name, or images by id (GET /rasters/image/{id}). Each image has its file name, size, SHA-1 checksum, upload time, footprint (WKT, EPSG:4326) and what the service read of it (CRS, bands, size in pixels, pixel size).

An unknown id is a MapflowApi.NotFound error; a plain -Name that matches no image of the mosaic is Mapflow.NotFound.
'@
    Parameters  = @{
        Mosaic      = 'The mosaics whose images to list: mosaic objects (also from the pipeline), ids or names.'
        Name        = 'Only images whose file name matches one of these, with wildcards.'
        Id          = 'Ids of images to get.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Mapflow.Image objects.'
    Examples    = @(
        @{
            Title   = 'The images of a mosaic'
            Code    = @'
Get-MapflowImage -Mosaic 'Moscow 2026'
'@
            Remarks = 'Id, file name, size, CRS, bands and upload time of each.'
        }
        @{
            Title   = 'The images of every tagged mosaic, with their pixel sizes'
            Code    = @'
Get-MapflowMosaic -Tag 'drone' | Get-MapflowImage | Select-Object Filename, @{ n = 'PixelSize'; e = { $_.Metadata.PixelSize -join ' x ' } }
'@
            Remarks = 'Mosaics bind to -Mosaic from the pipeline.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Add-MapflowImage'
        'Save-MapflowImage'
    )
}
