@{
    Synopsis    = 'Gets the AOIs of Mapflow processings, with their status, progress, area and geometry.'
    Description = @'
Get-MapflowAoi reads GET /processings/{id}/aois for each processing and writes one object per AOI: ProcessingId, Id, Status, PercentCompleted, Area (m2, as the API sends it) and AreaSqKm, Messages, and Geometry (the GeoJSON geometry as text, lon/lat). Mapflow does not document the order of the AOIs, so match them by geometry, not by position.

Each AOI also has AoiId (the same as Id), so it can be piped to Get-MapflowResult, which then reads that AOI's features. Piped to Wait-MapflowProcessing, Save-MapflowResult or Get-MapflowProcessing, an AOI stands for its processing: their -ProcessingId binds its ProcessingId and wins over its Id, which is the AOI's own.

A processing that Mapflow does not know gives a non-terminating MapflowApi error, and the others are still read.
'@
    Parameters  = @{
        InputObject  = 'The processings whose AOIs to get, from Get-MapflowProcessing, Start-MapflowProcessing or Wait-MapflowProcessing.'
        Id           = 'The ids of the processings. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi. It wins over their Id, which is their own; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Session      = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'One Mapflow.ProcessingAoi per AOI. The table shows Id, Status, %, Km2, ProcessingId and Messages.'
    Examples    = @(
        @{
            Title   = 'The AOIs of the newest processings, largest first'
            Code    = 'Get-MapflowProcessing -First 3 | Get-MapflowAoi | Sort-Object AreaSqKm -Descending'
            Remarks = 'One GET /processings/{id}/aois per processing.'
        }
        @{
            Title   = 'The features of each AOI of a processing, counted per AOI'
            Code    = @'
Get-MapflowProcessing -Status OK -First 1 | Get-MapflowAoi |
    ForEach-Object { [pscustomobject]@{ Aoi = $_.Id; Features = @($_ | Get-MapflowResult).Count } }
'@
            Remarks = 'Get-MapflowResult binds the ProcessingId and AoiId of each AOI.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Get-MapflowResult'
        'Get-MapflowProcessing'
    )
}
