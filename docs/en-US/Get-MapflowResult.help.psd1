@{
    Synopsis    = 'Writes the features of Mapflow results to the pipeline, as the download is read.'
    Description = @'
Get-MapflowResult reads GET /processings/{id}/result (with ?aoiId= for -AoiId) and writes each feature as soon as it is read: the result is never held whole in memory and nothing is written to disk (Save-MapflowResult saves files). Each feature has ProcessingId, AoiId (the AOI asked for; empty for a whole result), GeometryType, Geometry (the GeoJSON geometry as text, lon/lat) and Properties, the model's properties by name, ignoring case: filter with Where-Object { $_.Properties.area -gt 100 }. Numbers, strings, booleans and nulls come as such; nested objects and arrays as their JSON text. An empty result writes nothing and no error.

Only an OK processing has a result. A processing object that is still running, or whose rejected result is reviewed again, gives Result.NotReady; one that failed, was cancelled or refunded gives Result.NoResult; neither sends a request, as for Save-MapflowResult. A processing given by -Id is read first and checked the same way.

The reader waits while the pipeline has not taken the last 1000 features, so a slow command downstream holds the download back; stopping downstream (Select-Object -First) ends the download. A result cut short is not read again (its first features were written already): it ends with a Result.Incomplete error after them.
'@
    Parameters  = @{
        InputObject  = 'The processings whose results to read, from Get-MapflowProcessing or Wait-MapflowProcessing.'
        Id           = 'The ids of the processings. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi. It wins over their Id, which is their own; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Session      = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
        AoiId        = 'Only the features of this AOI. Bound from the AoiId of the objects of Get-MapflowAoi.'
    }
    Outputs     = 'One Mapflow.ResultFeature per feature. The table shows GeometryType, ProcessingId, AoiId and the properties.'
    Examples    = @(
        @{
            Title   = 'Count the buildings larger than 100 m2'
            Code    = '@(Get-MapflowProcessing -Status OK -First 1 | Get-MapflowResult | Where-Object { $_.Properties.area -gt 100 }).Count'
            Remarks = 'Features are filtered as they arrive; only the matching ones are kept.'
        }
        @{
            Title   = 'The features of one AOI'
            Code    = 'Get-MapflowProcessing -Status OK -First 1 | Get-MapflowAoi | Select-Object -First 1 | Get-MapflowResult | Select-Object -First 5'
            Remarks = 'The AOI binds -ProcessingId and -AoiId; the download stops after the fifth feature.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Save-MapflowResult'
        'Get-MapflowAoi'
    )
}
