@{
    Synopsis    = 'Rates the results of OK Mapflow processings from 1 to 5, with feedback.'
    Description = @'
Set-MapflowProcessingRating sends PUT /processings/{id}/rate with {rating, feedback} for each processing, as the QGIS plugin does (feedback is sent as an empty string when -Feedback is not given). The processing then shows the rating as Rating (Rating.Rating and Rating.Feedback).

Only a processing that finished OK can be rated. A processing object with another status gives a non-terminating Processing.NotOk error and no request; a processing given by -Id is sent as it is, and a refusal comes back as a MapflowApi error. Ratings are sent up to 8 at a time.

Set-MapflowProcessingRating supports -WhatIf and -Confirm; with -WhatIf nothing is sent.
'@
    Parameters  = @{
        InputObject  = 'The processings to rate, usually piped from Wait-MapflowProcessing or Get-MapflowProcessing -Status OK.'
        Id           = 'The ids of the processings. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi. It wins over their Id, which is their own; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Session      = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
        Rating       = 'The rating, 1 (poor) to 5 (excellent).'
        Feedback     = 'What was good or wrong with the result, for Mapflow.'
        PassThru     = 'Writes each processing as Mapflow returned it after the rating.'
    }
    Outputs     = 'With -PassThru, each rated processing; else nothing.'
    Examples    = @(
        @{
            Title   = 'Rate every finished processing of the default project'
            Code    = 'Get-MapflowProcessing -Status OK | Set-MapflowProcessingRating -Rating 5 -Feedback ''Roofs well outlined'''
            Remarks = 'One PUT /processings/{id}/rate per processing.'
        }
        @{
            Title   = 'Rate one processing and show the rating it now has'
            Code    = '(Get-MapflowProcessing -Status OK -First 1 | Set-MapflowProcessingRating -Rating 3 -PassThru).Rating'
            Remarks = 'Shows the rating the processing now has: Rating 3, and the feedback (none here).'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Approve-MapflowProcessing'
        'Deny-MapflowProcessing'
    )
}
