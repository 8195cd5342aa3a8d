@{
    Synopsis    = 'Uploads GeoTIFF files to a mosaic of My imagery.'
    Description = @'
Add-MapflowImage uploads GeoTIFF files to a mosaic (POST /rasters/mosaic/{id}/image), one after another, and writes the image each became. The files come from -Path (wildcards), -LiteralPath, or the pipeline (Get-ChildItem *.tif | Add-MapflowImage -Mosaic ...).

Before anything is sent, each file is read locally: one that is not a georeferenced TIFF is an Image.NotGeoTiff error. Then the account's limits (GET /rasters/memory) are applied: a file larger than maxUploadFileSize, or with more pixels than maxPixelCount, is Image.TooLarge; files that no longer fit the free storage, counting the ones before them, are Image.StorageFull. A refused file sends nothing, and the others go on. The service checks the rest: every image of a mosaic must share the CRS, band count and pixel size of the first (MapflowApi.FileValidationFailed).

Files are streamed from disk, never read whole into memory, under one progress bar over the bytes of all of them with the rate. When an upload gets no clear answer (the connection drops, a timeout, a server error) it is sent again from its first byte, but only after the mosaic's images were searched for one with the same file name and SHA-1, so a retry never makes a second image. Add-MapflowImage supports -WhatIf and -Confirm; with -WhatIf it uploads nothing.
'@
    Parameters  = @{
        Mosaic      = 'The mosaic to add to: a mosaic object, its id or its name. Bound by property name (MosaicId) from piped objects too.'
        Path        = 'The files to upload, with wildcards. Also from the pipeline as strings.'
        LiteralPath = 'The files to upload, without wildcards. Bound from piped files (their PSPath).'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Mapflow.Image objects, one per file uploaded.'
    Examples    = @(
        @{
            Title   = 'Upload a folder of GeoTIFF files into a new mosaic'
            Code    = @'
$mosaic = New-MapflowMosaic -Name 'Moscow 2026'
Add-MapflowImage -Mosaic $mosaic -Path ./scenes/*.tif
'@
            Remarks = 'Writes one image per file; a file refused is an error of its own.'
        }
        @{
            Title   = 'Upload the files of a search, and keep the refused ones apart'
            Code    = @'
$images = Get-ChildItem ./scenes -Filter *.tif | Add-MapflowImage -Mosaic 'Moscow 2026' -ErrorVariable refused -ErrorAction SilentlyContinue
'{0} uploaded, {1} refused' -f $images.Count, $refused.Count
'@
            Remarks = 'Each error names its file as the target ($refused[0].TargetObject) and has an id such as Image.NotGeoTiff.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'about_Mapflow_Errors'
        'New-MapflowMosaic'
        'Get-MapflowImage'
    )
}
