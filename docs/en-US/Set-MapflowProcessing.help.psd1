@{
    Synopsis    = 'Renames Mapflow processings, changes their description, or moves them to another project.'
    Description = @'
Set-MapflowProcessing changes processings, sending only what changes. A new name goes by PUT /processings/{id}/v2 with {name, description} (the description only when -Description is given), as the QGIS plugin renames. A move to another project, and a description without a new name, go by PUT /processings/{id} with {projectId} and {description}: the documented route that takes a project (the v2 one needs a name). A processing object already in the target project is not moved again.

-Project takes a project object, an id or a name; a name that no project has ends the command with Mapflow.NotFound before anything changes, and a project Mapflow does not know (or one of another account) is refused as MapflowApi.NotFound for each processing. Changes are sent up to 8 at a time. Without -PassThru nothing is written, as Set-MapflowProject; with it, each processing as it is after the change.

Set-MapflowProcessing supports -WhatIf and -Confirm; with -WhatIf nothing is sent.
'@
    Parameters  = @{
        InputObject  = 'The processings to change, from Get-MapflowProcessing, Start-MapflowProcessing or Wait-MapflowProcessing.'
        Id           = 'The ids of the processings. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi. It wins over their Id, which is their own; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Session      = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
        NewName      = 'The new name of each processing.'
        Description  = 'The new description; an empty string clears it.'
        Project      = 'The project to move the processings to: a project object, an id or a name. Tab completes the project names.'
        PassThru     = 'Writes each processing after the change.'
    }
    Outputs     = 'With -PassThru, each changed processing; else nothing.'
    Examples    = @(
        @{
            Title   = 'Move the finished processings of the default project into a project of their own'
            Code    = @'
$archive = New-MapflowProject -Name 'Archive 2026'
Get-MapflowProcessing -Status OK | Set-MapflowProcessing -Project $archive -PassThru
'@
            Remarks = 'One PUT /processings/{id} with {"projectId": ...} per processing; Get-MapflowProcessing -Project $archive then lists them.'
        }
        @{
            Title   = 'Rename a processing and describe it'
            Code    = @'
$p = Get-MapflowProcessing -First 1
$p | Set-MapflowProcessing -NewName "$($p.Name) (checked)" -Description 'Checked by hand' -PassThru
'@
            Remarks = 'One PUT /processings/{id}/v2 with {"name": ..., "description": ...}.'
        }
        @{
            Title   = 'See what would change'
            Code    = 'Get-MapflowProcessing -Name ''Test*'' | Set-MapflowProcessing -Project ''Archive 2026'' -WhatIf'
            Remarks = 'Prints one "What if" line per processing and sends nothing.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowProcessing'
        'Set-MapflowProject'
    )
}
