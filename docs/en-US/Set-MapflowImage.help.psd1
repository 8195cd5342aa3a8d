@{
    Synopsis    = 'Renames an image of My imagery.'
    Description = @'
Set-MapflowImage gives an image a new name (PUT /rasters/image/{id}?name=). It writes nothing unless -PassThru is given. Set-MapflowImage supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        Image       = 'The image to rename: an image object (also from the pipeline) or its id.'
        NewName     = 'The new name of the image.'
        PassThru    = 'Writes the image as Mapflow returns it after the change.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Nothing by default. With -PassThru, the renamed image.'
    Examples    = @(
        @{
            Title   = 'Rename one image'
            Code    = @'
Get-MapflowImage -Mosaic 'Moscow 2026' -Name 'scene-1.tif' | Set-MapflowImage -NewName 'north.tif' -PassThru
'@
            Remarks = 'Writes the renamed image.'
        }
        @{
            Title   = 'Put the mosaic''s name before every image''s'
            Code    = @'
Get-MapflowImage -Mosaic 'Moscow 2026' | ForEach-Object { Set-MapflowImage -Image $_ -NewName ('moscow-' + $_.Filename) }
'@
            Remarks = 'One rename per image.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowImage'
    )
}
