@{
    Synopsis    = 'Accepts Mapflow results that wait for review.'
    Description = @'
Approve-MapflowProcessing sends PUT /processings/{id}/acceptation, without a body, for each processing: the account's reviewer accepts its result, whose ReviewStatus becomes ACCEPTED.

The review workflow must be on for the account (reviewWorkflowEnabled in GET /user/status, read once per command before the first request); otherwise the command ends with Review.NotEnabled. Only an OK result waiting for review (its ReviewStatus is IN_REVIEW) can be approved or denied: a processing object in any other state gives a non-terminating Processing.NotInReview error and no request. A processing given by -Id is sent as it is, and a refusal comes back as a MapflowApi error. A decision is never sent twice on its own: when its answer is lost, check the processing with Get-MapflowProcessing.

Approve-MapflowProcessing supports -WhatIf and -Confirm; with -WhatIf nothing is sent.
'@
    Parameters  = @{
        InputObject  = 'The processings to approve, from Get-MapflowProcessing or Wait-MapflowProcessing.'
        Id           = 'The ids of the processings. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi. It wins over their Id, which is their own; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Session      = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
        PassThru     = 'Writes each processing as Mapflow returned it after the acceptance.'
    }
    Outputs     = 'With -PassThru, each approved processing; else nothing.'
    Examples    = @(
        @{
            Title   = 'Approve every result that waits for review'
            Code    = @'
Get-MapflowProcessing -Status OK |
    Where-Object { $_.ReviewStatus.Status -eq 'IN_REVIEW' } |
    Approve-MapflowProcessing -PassThru
'@
            Remarks = 'Results already decided are left out by Where-Object; Approve-MapflowProcessing would refuse them with Processing.NotInReview.'
        }
        @{
            Title   = 'See what would be approved'
            Code    = 'Get-MapflowProcessing -Status OK | Where-Object { $_.ReviewStatus.Status -eq ''IN_REVIEW'' } | Approve-MapflowProcessing -WhatIf'
            Remarks = 'Prints one "What if" line per processing and sends nothing.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Deny-MapflowProcessing'
        'Set-MapflowProcessingRating'
    )
}
