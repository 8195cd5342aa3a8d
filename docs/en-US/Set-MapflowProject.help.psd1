@{
    Synopsis    = 'Renames a Mapflow project or changes its description.'
    Description = @'
Set-MapflowProject changes the name, the description or both of a project (PUT /projects/{id}); what is not given stays as it is. The project can be a project object from the pipeline, its id or its name. It writes nothing unless -PassThru is given.

The name is part of nothing that identifies a start (the project's id is), so renaming a project does not make Start-MapflowProcessing start its AOIs again. Set-MapflowProject supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        Project     = 'The project to change: a project object (also from the pipeline), its id, or its name. A name that matches no project, or more than one, is an error.'
        NewName     = 'The new name of the project.'
        Description = 'The new description of the project, shown in the Mapflow web app. An empty string clears it.'
        PassThru    = 'Writes the project as Mapflow returned it after the change.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Nothing by default. With -PassThru, the changed project.'
    Examples    = @(
        @{
            Title   = 'Rename a project'
            Code    = 'Set-MapflowProject -Project ''Uzbekistan villages'' -NewName ''Uzbekistan villages 2026'' -PassThru'
            Remarks = 'Writes the renamed project.'
        }
        @{
            Title   = 'Describe every project that has none'
            Code    = 'Get-MapflowProject | Where-Object { -not $_.Description } | Set-MapflowProject -Description ''Buildings for the census'''
            Remarks = 'Each project comes from the pipeline; -WhatIf would list them first.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowProject'
        'Remove-MapflowProject'
    )
}
