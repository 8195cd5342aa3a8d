@{
    Synopsis    = 'Deletes images from their mosaics in My imagery.'
    Description = @'
Remove-MapflowImage deletes images (DELETE /rasters/image/{id}), for good; the storage they took is freed. It reads the images first and asks once for all of them. Its impact is High, so PowerShell asks even without -Confirm; -Force deletes without asking, for scripts, and -WhatIf only tells.
'@
    Parameters  = @{
        Image       = 'The images to delete: image objects (also from the pipeline) or ids.'
        Force       = 'Deletes without asking. With -WhatIf, nothing is deleted still.'
        PassThru    = 'Writes each image once it is deleted.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Nothing by default. With -PassThru, each deleted image.'
    Examples    = @(
        @{
            Title   = 'See what would go'
            Code    = @'
Get-MapflowImage -Mosaic 'Moscow 2026' | Remove-MapflowImage -WhatIf
'@
            Remarks = 'Names the images and their size; deletes nothing.'
        }
        @{
            Title   = 'Delete the small images of a mosaic from a script'
            Code    = @'
Get-MapflowImage -Mosaic 'Moscow 2026' | Where-Object FileSize -LT 1MB | Remove-MapflowImage -Force
'@
            Remarks = 'No question is asked.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowImage'
        'Remove-MapflowMosaic'
    )
}
