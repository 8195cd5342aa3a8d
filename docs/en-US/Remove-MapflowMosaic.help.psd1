@{
    Synopsis    = 'Deletes mosaics of My imagery with all their images.'
    Description = @'
Remove-MapflowMosaic deletes mosaics and every image in them (DELETE /rasters/mosaic/{id}), for good; the storage they took is freed. It first reads each mosaic and its images, then asks once, saying how many images and bytes go with them. Its impact is High, so PowerShell asks even without -Confirm; -Force deletes without asking, for scripts, and -WhatIf only tells.
'@
    Parameters  = @{
        Mosaic      = 'The mosaics to delete: mosaic objects (also from the pipeline), ids or names; an image stands for its mosaic.'
        Force       = 'Deletes without asking. With -WhatIf, nothing is deleted still.'
        PassThru    = 'Writes each mosaic once it is deleted.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Nothing by default. With -PassThru, each deleted mosaic.'
    Examples    = @(
        @{
            Title   = 'See what would go'
            Code    = @'
Remove-MapflowMosaic -Mosaic 'Moscow 2026' -WhatIf
'@
            Remarks = 'Tells how many images the mosaic holds; deletes nothing.'
        }
        @{
            Title   = 'Delete the mosaics of a tag from a script'
            Code    = @'
Get-MapflowMosaic -Tag 'unsorted' | Remove-MapflowMosaic -Force
'@
            Remarks = 'No question is asked.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowMosaic'
        'Remove-MapflowImage'
    )
}
