@{
    Synopsis    = 'Gets Mapflow projects: by name, by id, or the default project.'
    Description = @'
Get-MapflowProject lists the projects of the account. -Name keeps the projects whose name matches, with wildcards and ignoring case. -Id reads projects by id; an id that Mapflow does not know gives a non-terminating MapflowApi error (such as MapflowApi.NotFound) and the other ids are still read. -Default gets the default project of the account, the one that Start-MapflowProcessing and Get-MapflowProcessing use when they get no -Project.

The projects can be piped to Get-MapflowProcessing, and passed to -Project.

To get the project of a processing, use Get-MapflowProject -Id $processing.ProjectId. Piping the processing itself binds its Id property, which is the processing's id, not the project's.
'@
    Parameters  = @{
        Name    = 'Project names to get, with wildcards, ignoring case. When omitted, all projects.'
        Id      = 'The ids of the projects to get. Objects with an Id or ProjectId property can be piped; mind that a processing''s Id is not a project id.'
        Default = 'Gets the default project of the account.'
        Session = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Defaults    = @{
        Name = 'All projects'
    }
    Outputs     = 'One object per project: Name, IsDefault, Description, Created and Id, and also AoiCount, AoiArea, ProcessingCounts and Updated.'
    Examples    = @(
        @{
            Title   = 'List all projects'
            Code    = 'Get-MapflowProject'
            Remarks = 'Shows each project''s name, whether it is the default one, its description, creation time and id.'
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
            Code    = @'
$processing = Get-MapflowProcessing -Id 87f258e6-c1ce-4deb-8155-ccd6b21ac237
Get-MapflowProject -Id $processing.ProjectId
'@
            Remarks = 'Pass ProjectId explicitly: piping the processing would send its own Id.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'New-MapflowProject'
        'Get-MapflowProcessing'
    )
}
