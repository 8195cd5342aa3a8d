@{
    Synopsis    = 'Gets Mapflow projects: by name, by id, or the default project.'
    Description = @'
Get-MapflowProject lists the projects of the account. -Name keeps the projects whose name matches, with wildcards and ignoring case. -Id reads projects by id; an id that Mapflow does not know gives a non-terminating MapflowApi error (such as MapflowApi.NotFound) and the other ids are still read. -Default gets the default project of the account, the one that Start-MapflowProcessing and Get-MapflowProcessing use when they get no -Project.

The projects can be piped to Get-MapflowProcessing, and passed to -Project.

Objects piped to Get-MapflowProject bind by their ProjectId, else by their Id: piping a processing gets the project it belongs to, and piping a project gets it again.

-First and -Skip page through what the command would write, and -IncludeTotalCount writes after the projects how many there were.

Projects are listed through POST /projects/page, oldest first, a page at a time until the total the server states, so -First stops the reading early. With one -Name, the server is asked to filter by its longest part without wildcards (a name substring), and the exact wildcard match is made here; several names, an id, or a pattern with [ranges] list every project and match them here.
'@
    Parameters  = @{
        Name      = 'Project names to get, with wildcards, ignoring case. A name without wildcards that no project has gives a non-terminating Mapflow.NotFound error; a wildcard that matches nothing gives none. A project that several names match is written once. When omitted, all projects. Tab completes the project names.'
        Id        = 'The ids of the projects to get. Objects with an Id property, such as projects, can be piped.'
        ProjectId = 'The ids of the projects to get, from the ProjectId property of piped objects such as processings: $processing | Get-MapflowProject gets the processing''s project. An object with both a ProjectId and an Id binds both, and ProjectId is used. Give -Id or -ProjectId on the command line, not both.'
        First     = 'Gets only this many projects, after those that -Skip leaves out.'
        Skip      = 'Leaves out this many projects first.'
        IncludeTotalCount = 'Writes, after the projects, how many there were in all (ignoring -First and -Skip), as an object whose Accuracy is 1.0.'
        Default   = 'Gets the default project of the account.'
        Session   = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Defaults    = @{
        Name = 'All projects'
    }
    Outputs     = 'One object per project. The table shows Id, Name, IsDefault (Default), Created and Description, or Id, Name and Default in 80 columns; AoiCount, AoiArea, ProcessingCounts and Updated are there too, and User (the owner, whose AoiAreaLimit in m2, also as AoiAreaLimitKm2, is the area limit of one processing in the project), WorkflowDefs (the models linked to the project, which Start-MapflowProcessing -Model looks at first) and ShareProject (owners and members). With -IncludeTotalCount, also a count after the projects.'
    Examples    = @(
        @{
            Title   = 'List all projects'
            Code    = 'Get-MapflowProject'
            Remarks = 'Shows each project''s id, name, whether it is the default one, its creation time and description.'
        }
        @{
            Title   = 'Find projects by name'
            Code    = 'Get-MapflowProject -Name ''Uzbekistan*'', ''Бой*'''
            Remarks = 'Wildcards and case-insensitive matching work for Cyrillic names too.'
        }
        @{
            Title   = 'List the failed processings of the default project'
            Code    = 'Get-MapflowProject -Default | Get-MapflowProcessing -Status FAILED'
            Remarks = 'Get-MapflowProcessing takes projects from the pipeline.'
        }
        @{
            Title   = 'Get the project of a processing'
            Code    = 'Get-MapflowProcessing -Status FAILED -First 1 | Get-MapflowProject'
            Remarks = 'A piped processing binds its ProjectId, so this gets the project the processing belongs to.'
        }
        @{
            Title   = 'Show the first ten projects, then the next ten'
            Code    = @'
Get-MapflowProject -First 10
Get-MapflowProject -First 10 -Skip 10
'@
            Remarks = 'Projects come in the order Mapflow lists them.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'New-MapflowProject'
        'Get-MapflowProcessing'
    )
}
