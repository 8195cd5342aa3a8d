@{
    Synopsis    = 'Creates a Mapflow project, a folder for processings.'
    Description = @'
New-MapflowProject creates a project (POST /projects) for each name it gets, from -Name or from the pipeline, and writes the new project. Pass it to the -Project parameter of Start-MapflowProcessing and Get-MapflowProcessing to keep the processings of one job together.

Mapflow allows several projects with the same name, but the other cmdlets then cannot tell them apart by name: -Project 'name' fails with Mapflow.InvalidArgument. So New-MapflowProject warns when a project of that name (ignoring case) already exists, and creates the new one all the same. Look for the project with Get-MapflowProject before creating it, as in the examples, or keep the project object or its id.

New-MapflowProject supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        Name        = 'The name of the new project. Cyrillic and other scripts are fine. Names come from the pipeline as strings, or from the Name property of objects, such as rows of Import-Csv.'
        Description = 'A description of the project, shown in the Mapflow web app. It can come from the Description property of piped objects.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'The new project, with its Id, Name, Description and IsDefault.'
    Examples    = @(
        @{
            Title   = 'Create a project and start processings in it'
            Code    = @'
$p = New-MapflowProject -Name 'Uzbekistan villages' -Description 'OSM place borders, buildings'
Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings -Project $p
'@
            Remarks = 'The project object goes to -Project; its id or its name would work too.'
        }
        @{
            Title   = 'Create the project only when it does not exist yet'
            Code    = @'
$p = Get-MapflowProject -Name 'Uzbekistan villages' -ErrorAction Ignore | Select-Object -First 1
if (-not $p) { $p = New-MapflowProject -Name 'Uzbekistan villages' }
'@
            Remarks = '-ErrorAction Ignore keeps the Mapflow.NotFound error of the first run out of the output and out of $Error. A script that runs every month should not create a new project of the same name each time: that would also make Start-MapflowProcessing start everything again, since the project is part of what identifies a start.'
        }
        @{
            Title   = 'See what would be created'
            Code    = '''Бой'', ''Авазли'' | New-MapflowProject -WhatIf'
            Remarks = 'Prints "What if: Performing the operation "Create Mapflow project" on target "Бой"." and the same for Авазли, and creates nothing.'
        }
        @{
            Title   = 'Create projects from a CSV file'
            Code    = 'Import-Csv projects.csv -Encoding utf8 | New-MapflowProject'
            Remarks = 'The Name and Description columns bind to the parameters of the same names.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowProject'
        'Start-MapflowProcessing'
    )
}
