@{
    Synopsis    = 'Runs the failed parts of FAILED Mapflow processings again.'
    Description = @'
Restart-MapflowProcessing asks Mapflow to run a FAILED processing again (POST /processings/{id}/restart/v2). Mapflow restarts only the parts that failed, each from its first failed stage; the parts that finished are kept. Each restarted processing is written as Mapflow answers, usually IN_PROGRESS again, so it can be piped on to Wait-MapflowProcessing and Save-MapflowResult.

A processing object whose Status is not FAILED gives a non-terminating Processing.NotFailed error and no request: Mapflow would refuse it. A processing given by -Id is sent as it is, and a refusal comes back as a MapflowApi error. To run the same work again from the start, whatever its status, use Start-MapflowProcessing -Force instead; that is a new, separately paid processing.

A restart is never sent twice on its own: when its answer is lost, check the processing with Get-MapflowProcessing before restarting it again. Restarts are sent up to 8 at a time. Restart-MapflowProcessing supports -WhatIf and -Confirm.
'@
    Parameters  = @{
        InputObject = 'The processings to restart, usually piped from Wait-MapflowProcessing or Get-MapflowProcessing -Status FAILED.'
        Id          = 'The ids of the processings to restart. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped, such as rows of a CSV file.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi and the results of Save-MapflowResult. It wins over their Id, which is their own and not a processing''s; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Each restarted processing as Mapflow returned it, running again.'
    Examples    = @(
        @{
            Title   = 'Restart what failed in a project, wait and save'
            Code    = @'
Get-MapflowProcessing -Project 'Uzbekistan villages' -Status FAILED |
    Restart-MapflowProcessing |
    Wait-MapflowProcessing |
    Save-MapflowResult -Path out
'@
            Remarks = 'Results already saved in out are skipped, so only the restarted ones are downloaded.'
        }
        @{
            Title   = 'See what would be restarted'
            Code    = 'Get-MapflowProcessing -Project ''Uzbekistan villages'' -Status FAILED | Restart-MapflowProcessing -WhatIf'
            Remarks = 'Prints one "What if" line per failed processing and sends nothing.'
        }
        @{
            Title   = 'Restart the processings a wait reported as failed'
            Code    = @'
$done = $started | Wait-MapflowProcessing -ErrorAction SilentlyContinue
$done | Where-Object Status -eq 'FAILED' | Restart-MapflowProcessing | Wait-MapflowProcessing
'@
            Remarks = 'Only FAILED processings are piped on; any other status would give Processing.NotFailed.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Wait-MapflowProcessing'
        'Remove-MapflowProcessing'
    )
}
