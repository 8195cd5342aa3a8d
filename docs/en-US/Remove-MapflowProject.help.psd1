@{
    Synopsis    = 'Deletes Mapflow projects with all their processings and results.'
    Description = @'
Remove-MapflowProject deletes projects (DELETE /projects/{id}) together with every processing in them and their results, for good, other clients' processings included. It takes all the projects it is given first, reads each one and the number of processings its listing holds, and asks once: "Delete 2 Mapflow project(s) with their 37 processing(s) and results, for good" on "2 projects: 'Test runs' (30 processing(s)), 'Old' (7 processing(s))".

The account's default project cannot be deleted: it gives a non-terminating Project.IsDefault error, and no request is sent for it. A project that cannot be found is an error of its own before anything is deleted.

Its impact is High, so PowerShell asks even without -Confirm. In a script, or a scheduled task run with -NonInteractive where no one can answer, add -Force (or -Confirm:$false). -WhatIf says what would go and deletes nothing, with or without -Force.
'@
    Parameters  = @{
        Project  = 'The projects to delete: project objects (also from the pipeline), ids or names.'
        Force    = 'Deletes without asking. -WhatIf still only says what would be deleted.'
        PassThru = 'Writes each project once it is deleted.'
        Session  = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Nothing by default. With -PassThru, each deleted project, as it was before the delete.'
    Examples    = @(
        @{
            Title   = 'Delete the test projects'
            Code    = 'Get-MapflowProject -Name ''test*'' | Remove-MapflowProject'
            Remarks = 'PowerShell asks once, saying how many projects and processings go.'
        }
        @{
            Title   = 'See what would be deleted'
            Code    = 'Remove-MapflowProject -Project ''Old'' -WhatIf'
            Remarks = 'Prints one "What if" line with the number of processings in the project, and deletes nothing.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Remove-MapflowProcessing'
        'Get-MapflowProject'
    )
}
