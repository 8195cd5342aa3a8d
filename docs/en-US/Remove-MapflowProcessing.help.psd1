@{
    Synopsis    = 'Deletes Mapflow processings and their results.'
    Description = @'
Remove-MapflowProcessing deletes processings (DELETE /processings/{id}) with their results, for good: Mapflow keeps no copy and gives no credits back. It takes all the processings from the pipeline first and asks once, naming how many go and the first few names ("Delete 12 Mapflow processing(s) and their results, for good" on "12 processings: 'Бой', 'Авазли', ..."). Processings given by -Id are read first, so the question names them, and an id Mapflow does not know is an error of its own before anything is deleted.

Its impact is High, so PowerShell asks even without -Confirm. In a script, or a scheduled task run with -NonInteractive where no one can answer, add -Force (or -Confirm:$false). -WhatIf says what would go and deletes nothing, with or without -Force. Deletes are sent up to 8 at a time; each one that fails is a non-terminating error naming the processing, and the others go on. -Verbose names each processing deleted; -PassThru writes it.
'@
    Parameters  = @{
        InputObject = 'The processings to delete, usually piped from Get-MapflowProcessing.'
        Id          = 'The ids of the processings to delete. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped, such as rows of a CSV file.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi and the results of Save-MapflowResult. It wins over their Id, which is their own and not a processing''s; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Force       = 'Deletes without asking. -WhatIf still only says what would be deleted.'
        PassThru    = 'Writes each processing once it is deleted.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Nothing by default. With -PassThru, each deleted processing, as it was before the delete.'
    Examples    = @(
        @{
            Title   = 'Delete the failed processings of a test project'
            Code    = 'Get-MapflowProcessing -Project ''Test runs'' -Status FAILED | Remove-MapflowProcessing'
            Remarks = 'PowerShell asks once for all of them, saying how many there are.'
        }
        @{
            Title   = 'Clean up in a scheduled task'
            Code    = @'
Get-MapflowProcessing -Project 'Nightly' |
    Where-Object Created -lt (Get-Date).AddDays(-30) |
    Remove-MapflowProcessing -Force -PassThru |
    Export-Csv removed.csv -Encoding utf8 -Append
'@
            Remarks = '-Force deletes without asking, which a task run with -NonInteractive needs; the CSV keeps a record of what went.'
        }
        @{
            Title   = 'See what would be deleted'
            Code    = 'Get-MapflowProcessing -Project ''Test runs'' | Remove-MapflowProcessing -WhatIf'
            Remarks = 'Prints one "What if" line with the count and the first names, and deletes nothing.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowProcessing'
        'Restart-MapflowProcessing'
    )
}
