@{
    Synopsis    = 'Waits for Mapflow processings to finish, and writes each one as soon as it has.'
    Description = @'
Wait-MapflowProcessing waits until each processing is final and writes it at that moment: its status is OK, FAILED, CANCELLED or REFUNDED and, on accounts that review results, its result was not rejected (an OK processing with ReviewStatus NOT_ACCEPTED is reviewed again, and waited for, as the QGIS plugin does). That way the next command in the pipeline, usually Save-MapflowResult, works on it while the others are still running. Processings that are already final are written at once.

It starts waiting at its first input, while the command before it is still writing: a processing that Start-MapflowProcessing made first can be finished, written and saved before the last one is even started. By default it reads the statuses often while the processings are young and less and less often as they age: a tenth of the age of the oldest one it waits for, at least 1 second and at most 60 (a 10-second job is seen done within a second or two; a 3-hour one is read once a minute). When the percentages read say one will finish sooner, because they rose since the read before, the next read comes then, but never less than a quarter of a second after the last one; a processing whose percentage stays where it was never brings a read forward. -PollInterval sets a fixed interval instead. Each wait is up to a fifth longer, at random, so that many waiting scripts do not poll in step. It reads many processings with few requests: the project's listing, newest first, in pages of the size the server allows, the later pages a few at a time once the first one tells how many there are; never one request per processing. When the listing fails (an error, an HTML page), that round reads each pending processing on its own instead, with a warning, so a broken listing never stops the wait. A progress bar shows how many have finished and their mean progress ("12 of 40 finished, 57 % on average"); a percentage Mapflow sends outside 0 to 100 is held within them for the bar, and kept as it came on the object.

A processing that ends FAILED is written too, and also gives a non-terminating Processing.Failed error that lists Mapflow's failure codes. Save-MapflowResult reports it once more as Result.NoResult; filter with Where-Object Status -eq 'OK' before Save-MapflowResult to avoid that.

With -Timeout, the wait ends after that many seconds: each processing still running gives a non-terminating Processing.WaitTimeout error and is not written. The processings keep running at Mapflow; wait for them again later. Ctrl+C also stops only the waiting. An unknown status gives a warning, and the wait goes on.
'@
    Parameters  = @{
        InputObject  = 'The processings to wait for, usually piped from Start-MapflowProcessing or Get-MapflowProcessing.'
        Id           = 'The ids of the processings to wait for. An id that Mapflow does not know gives a non-terminating MapflowApi error, and the others are waited for. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi and the results of Save-MapflowResult. It wins over their Id, which is their own and not a processing''s; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        PollInterval = 'The seconds between two readings of the statuses, as a number that may have a fraction (0.5 is half a second); each wait is up to a fifth longer, at random. 0, the default, reads by the processings'' age (a tenth of the oldest one''s age, from 1 to 60 seconds), and sooner when their progress says one is about to finish.'
        Timeout      = 'The most seconds to wait in all, as a number that may have a fraction. Processings still running then give Processing.WaitTimeout errors. 0 waits without limit.'
        Session      = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Defaults    = @{
        Timeout      = '0 (no limit)'
        PollInterval = '0 (by age, 1 to 60 seconds)'
    }
    Outputs     = 'Each processing once it is final: OK, FAILED, CANCELLED or REFUNDED, and not a result a reviewer rejected (ReviewStatus NOT_ACCEPTED), which is reviewed again. It has its final Status, PercentCompleted, Cost, Messages and ReviewStatus, as Mapflow sent them.'
    Examples    = @(
        @{
            Title   = 'Start, wait and save in one pipeline'
            Code    = @'
Import-MapflowAoi places.geojson |
    Start-MapflowProcessing -Model Buildings -Project $p |
    Wait-MapflowProcessing |
    Save-MapflowResult -Path out
'@
            Remarks = 'Each result is downloaded as soon as its processing is OK, while the others still run.'
        }
        @{
            Title   = 'Wait at most four hours in a scheduled task'
            Code    = @'
$Error.Clear()
Get-MapflowProcessing -Project 'Uzbekistan villages' -Status UNPROCESSED, IN_PROGRESS, AWAITING |
    Wait-MapflowProcessing -PollInterval 60 -Timeout 14400 |
    Where-Object Status -eq 'OK' |
    Save-MapflowResult -Path D:\mapflow\out
if ($Error | Where-Object FullyQualifiedErrorId -like 'Processing.WaitTimeout,*') { exit 3 }
'@
            Remarks = 'Polls once a minute for up to 14400 seconds. Processings not finished by then go on at Mapflow; the exit code 3 tells the scheduler to run the task again later.'
        }
        @{
            Title   = 'Wait for processings by id'
            Code    = 'Wait-MapflowProcessing -Id 5f748822-c94a-4233-ae1e-7622973bf9b5, 87f258e6-c1ce-4deb-8155-ccd6b21ac237 -PollInterval 30'
            Remarks = 'The ids can also come from a CSV file with a ProcessingId column: Import-Csv saved.csv | Wait-MapflowProcessing.'
        }
        @{
            Title   = 'Report the processings that failed'
            Code    = @'
$done = $started | Wait-MapflowProcessing -ErrorVariable failures -ErrorAction SilentlyContinue
$failures | Where-Object FullyQualifiedErrorId -like 'Processing.Failed,*' |
    ForEach-Object { '{0}: {1}' -f $_.TargetObject.Name, $_.TargetObject.MessageSummary() }
'@
            Remarks = 'The TargetObject of Processing.Failed is the failed processing; its Messages hold Mapflow''s codes. $done holds every processing that finished, the failed ones included.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'about_Mapflow_Errors'
        'Start-MapflowProcessing'
        'Get-MapflowProcessing'
        'Save-MapflowResult'
    )
}
