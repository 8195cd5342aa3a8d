@{
    Synopsis    = 'Gets the processings of a Mapflow project, or processings by id.'
    Description = @'
Get-MapflowProcessing lists the processings of a project, reading them page by page (100 at a time). The project comes from -Project or from the pipeline; without either, it is the account's default project. -Status and -Name keep only the processings with one of the given statuses, or a matching name.

With -Id, it reads single processings by id. An id that Mapflow does not know gives a non-terminating MapflowApi error (such as MapflowApi.NotFound), and the other ids are still read. Processings piped to Get-MapflowProcessing bind by their Id, so piping processings gets their current state.

The first positional argument is -Project, which also takes a processing's id: Get-MapflowProcessing <id> gets that processing when the id is a processing's, and lists the project when it is a project's. It asks Mapflow for a processing with that id first, so a project id costs one request more; an id that is neither ends the command with Mapflow.NotFound. -Id always means processings.

-First and -Skip page through the processings that pass the filters; once -First has its processings, no further page is read. -IncludeTotalCount writes, after the processings, how many passed the filters.

Use it to come back to a job later: to wait again for what is still running, or to save the results of a project.
'@
    Parameters  = @{
        Project     = 'The project whose processings to get: a project object, its id, or its exact name, ignoring case. A name that no project has ends the command with Mapflow.NotFound. The id of a processing gets that processing instead. Tab completes the project names of the account.'
        InputObject = 'Projects from the pipeline, such as the output of Get-MapflowProject or New-MapflowProject.'
        Id          = 'The ids of the processings to get. Objects with an Id property (or a ProcessingId, see -ProcessingId), such as processings and the results of Save-MapflowResult, can be piped.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi and the results of Save-MapflowResult. It wins over their Id, which is their own and not a processing''s; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Status      = 'Keeps only processings with one of these statuses. UNPROCESSED, IN_PROGRESS and AWAITING (waiting for imagery) are still running; OK, FAILED, CANCELLED and REFUNDED are final. Case is ignored.'
        Name        = 'Keeps only processings whose name matches one of these names, with wildcards, ignoring case. A name without wildcards that no processing has (with the -Status given) gives a non-terminating Mapflow.NotFound error; a wildcard that matches nothing gives none. When -First stops the listing early, no such error is written.'
        First       = 'Gets only this many processings, after those that -Skip leaves out; then stops reading pages.'
        Skip        = 'Leaves out this many processings first (after -Status and -Name).'
        IncludeTotalCount = 'Writes, after the processings, how many passed the filters in all (ignoring -First and -Skip), as an object whose Accuracy is 1.0. It reads every page.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Defaults    = @{
        Project = 'The default project of the account'
        Status  = 'All statuses'
    }
    Outputs     = 'One object per processing. The table shows Id, Name, Status, PercentCompleted (%), Cost, Model and Created, or Id, Name, Status and % in 80 columns; ProjectId, AreaKm2, AoiCount, Messages (why a processing failed) and Meta are there too (Format-List *). MessageSummary() returns the messages as one line.'
    Examples    = @(
        @{
            Title   = 'Save the results of a project'
            Code    = 'Get-MapflowProcessing -Project $p -Status OK | Save-MapflowResult -Path out'
            Remarks = 'Downloads the result of every finished processing; files already in out are skipped. Without -Status OK, the processings that are not finished would each give a Result.NotReady error.'
        }
        @{
            Title   = 'Wait for what is still running in a project, then save it'
            Code    = @'
Get-MapflowProcessing -Project 'Uzbekistan villages' -Status UNPROCESSED, IN_PROGRESS, AWAITING |
    Wait-MapflowProcessing |
    Save-MapflowResult -Path out
'@
            Remarks = 'This is how a later session, or a second scheduled task, picks up the work of a run that ended before its processings did.'
        }
        @{
            Title   = 'Count the processings of a project by status'
            Code    = 'Get-MapflowProject -Name ''Uzbekistan villages'' | Get-MapflowProcessing | Group-Object Status -NoElement'
            Remarks = 'Projects from the pipeline bind to -InputObject.'
        }
        @{
            Title   = 'Find processings by a Cyrillic name, and see why they failed'
            Code    = @'
Get-MapflowProcessing -Name 'Ав*' -Status FAILED |
    Select-Object Name, Id, @{ n = 'Why'; e = { $_.MessageSummary() } }
'@
            Remarks = 'Without -Project, the default project is searched. Авазли matches, Avazali does not.'
        }
        @{
            Title   = 'Get processings by id, and refresh them'
            Code    = @'
Get-MapflowProcessing -Id 5f748822-c94a-4233-ae1e-7622973bf9b5, 87f258e6-c1ce-4deb-8155-ccd6b21ac237
$started | Get-MapflowProcessing | Format-Table Name, Status, PercentCompleted
'@
            Remarks = 'Piped processings bind by their Id, which gets their current status.'
        }
        @{
            Title   = 'Get a processing or a project by an id copied from a table'
            Code    = 'Get-MapflowProcessing 87f258e6-c1ce-4deb-8155-ccd6b21ac237'
            Remarks = 'A processing''s id gets that processing; a project''s id lists the processings of that project.'
        }
        @{
            Title   = 'Show the first five failed processings'
            Code    = 'Get-MapflowProcessing -Project ''Uzbekistan villages'' -Status FAILED -First 5'
            Remarks = 'The listing stops once five failed processings were found.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowProject'
        'Wait-MapflowProcessing'
        'Save-MapflowResult'
    )
}
