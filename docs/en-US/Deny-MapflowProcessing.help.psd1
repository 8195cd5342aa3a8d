@{
    Synopsis    = 'Rejects Mapflow results that wait for review, with a comment and the areas where they are wrong.'
    Description = @'
Deny-MapflowProcessing sends PUT /processings/{id}/rejection with {comment, features} for each processing, as the QGIS plugin does: the comment says what is wrong, and features is a GeoJSON FeatureCollection of the problem areas (empty without -ProblemArea). The result's ReviewStatus becomes NOT_ACCEPTED and Mapflow reviews it again; Wait-MapflowProcessing waits until it is decided.

-ProblemArea takes AOIs from Import-MapflowAoi or Get-MapflowAoi, or GeoJSON text: a geometry (wrapped as a feature without properties), a Feature, or a FeatureCollection (its features are taken). Anything else, or text that is not such GeoJSON, ends the command with Mapflow.InvalidArgument before any request.

The review workflow must be on for the account (reviewWorkflowEnabled in GET /user/status, read once per command before the first request); otherwise the command ends with Review.NotEnabled. Only an OK result waiting for review (its ReviewStatus is IN_REVIEW) can be approved or denied: a processing object in any other state gives a non-terminating Processing.NotInReview error and no request. A processing given by -Id is sent as it is, and a refusal comes back as a MapflowApi error. A decision is never sent twice on its own: when its answer is lost, check the processing with Get-MapflowProcessing.

Deny-MapflowProcessing supports -WhatIf and -Confirm; with -WhatIf nothing is sent.
'@
    Parameters  = @{
        InputObject  = 'The processings to deny, from Get-MapflowProcessing or Wait-MapflowProcessing.'
        Id           = 'The ids of the processings. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi. It wins over their Id, which is their own; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Session      = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
        Comment      = 'What is wrong with the result, for the reviewers.'
        ProblemArea  = 'Where the result is wrong: AOIs (Import-MapflowAoi, Get-MapflowAoi) or GeoJSON text of a geometry, a Feature or a FeatureCollection.'
        PassThru     = 'Writes each processing as Mapflow returned it after the rejection.'
    }
    Outputs     = 'With -PassThru, each denied processing; else nothing.'
    Examples    = @(
        @{
            Title   = 'Deny a result, marking its whole first AOI as the problem area'
            Code    = @'
$p = Get-MapflowProcessing -Status OK | Where-Object { $_.ReviewStatus.Status -eq 'IN_REVIEW' } | Select-Object -First 1
$p | Deny-MapflowProcessing -Comment 'Roofs missing in the north' -ProblemArea ($p | Get-MapflowAoi | Select-Object -First 1) -PassThru
'@
            Remarks = 'The AOI''s geometry is sent as the one feature of the FeatureCollection.'
        }
        @{
            Title   = 'Deny with a problem area drawn as GeoJSON'
            Code    = @'
$area = '{"type":"Polygon","coordinates":[[[37.61,55.75],[37.62,55.75],[37.62,55.76],[37.61,55.75]]]}'
Get-MapflowProcessing -Status OK | Where-Object { $_.ReviewStatus.Status -eq 'IN_REVIEW' } |
    Deny-MapflowProcessing -Comment 'Trees taken for buildings' -ProblemArea $area
'@
            Remarks = 'A bare geometry is wrapped as a feature without properties.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Approve-MapflowProcessing'
        'Get-MapflowAoi'
    )
}
