@{
    Synopsis    = 'Creates a mosaic in My imagery, the Mapflow data catalog, for GeoTIFF files of your own.'
    Description = @'
New-MapflowMosaic creates an empty mosaic (POST /rasters/mosaic) and writes it. A mosaic is a collection of your own images that a processing can run on; Add-MapflowImage uploads GeoTIFF files into it. All images of one mosaic must share their CRS, band count and pixel size.

Mapflow allows several mosaics with the same name; -Mosaic 'name' then fails as ambiguous, so pass the mosaic object or its id. New-MapflowMosaic supports -WhatIf and -Confirm; with -WhatIf it sends no request.
'@
    Parameters  = @{
        Name        = 'The name of the new mosaic. Also from the pipeline, as strings or objects with a Name property.'
        Tag         = 'Tags to file the mosaic under; Get-MapflowMosaic -Tag finds mosaics by them.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'The new mosaic (Mapflow.Mosaic).'
    Examples    = @(
        @{
            Title   = 'Create a mosaic with tags'
            Code    = @'
$mosaic = New-MapflowMosaic -Name 'Moscow 2026' -Tag 'drone', 'summer'
'@
            Remarks = 'Keeps the mosaic for Add-MapflowImage -Mosaic $mosaic.'
        }
        @{
            Title   = 'Create the mosaic only when it does not exist yet'
            Code    = @'
$mosaic = Get-MapflowMosaic -Name 'Moscow 2026' -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $mosaic) { $mosaic = New-MapflowMosaic -Name 'Moscow 2026' }
'@
            Remarks = 'A plain name that matches nothing is an error, silenced here; a script run twice makes one mosaic.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Add-MapflowImage'
        'Get-MapflowMosaic'
    )
}
