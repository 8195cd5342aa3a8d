@{
    Synopsis    = 'Renames a mosaic of My imagery or replaces its tags.'
    Description = @'
Set-MapflowMosaic changes the name, the tags or both of a mosaic (PUT /rasters/mosaic/{id}). The service takes both at once, so what is not given is sent as it is; -Tag replaces all the tags, and an empty list clears them. It writes nothing unless -PassThru is given. Set-MapflowMosaic supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        Mosaic      = 'The mosaic to change: a mosaic object (also from the pipeline), its id or its name; an image stands for its mosaic.'
        NewName     = 'The new name of the mosaic.'
        Tag         = 'The tags the mosaic gets instead of the ones it has; @() clears them.'
        PassThru    = 'Writes the mosaic as Mapflow returns it after the change.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Nothing by default. With -PassThru, the changed mosaic.'
    Examples    = @(
        @{
            Title   = 'Rename a mosaic'
            Code    = @'
Set-MapflowMosaic -Mosaic 'Moscow 2026' -NewName 'Moscow, summer 2026' -PassThru
'@
            Remarks = 'Writes the renamed mosaic.'
        }
        @{
            Title   = 'Tag every mosaic that has no tags'
            Code    = @'
Get-MapflowMosaic | Where-Object { -not $_.Tags } | Set-MapflowMosaic -Tag 'unsorted'
'@
            Remarks = 'Each mosaic comes from the pipeline; -WhatIf would list them first.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowMosaic'
    )
}
