@{
    Synopsis    = 'Downloads the GeoJSON results of finished Mapflow processings into a folder.'
    Description = @'
Save-MapflowResult downloads the result of each processing whose status is OK (GET /processings/{id}/result) into the folder -Path, which it creates when it is missing. It runs up to -ThrottleLimit downloads at a time and writes each saved file as soon as it is complete.

Each result goes to <safe name>_<first 8 hex digits of the processing id>.geojson, for example Бой_5f748822.geojson. The safe name is the processing name with the characters that Windows forbids in file names (< > : " / \ | ? * and control characters) replaced by "_", without trailing dots or spaces, at most 100 characters long, and with "_" before names that Windows reserves (CON, NUL, COM1...). Cyrillic and other letters are kept. The id part keeps processings with the same name, or names that differ only in case (Бой and бой), in separate files, and gives each processing the same file on every run.

A download is written to a hidden temporary file (.<file name>.<random>.partial) in the same folder, checked to be a complete GeoJSON FeatureCollection of the announced length, and only then renamed to its final name. So a file with the final name is always complete, and a download that fails or is stopped leaves nothing behind. A download that breaks off is tried again from the start.

A file that is already there is not downloaded again: it is written as a result with Skipped set, unless -Force. So running the same command again downloads only what is missing.

A processing that is not OK (still running, FAILED, CANCELLED, REFUNDED) gives a non-terminating Result.NotReady error; pipe the processings through Wait-MapflowProcessing first, or keep only those with Status OK.
'@
    Parameters  = @{
        InputObject   = 'The processings whose results to save, usually piped from Wait-MapflowProcessing or Get-MapflowProcessing.'
        Id            = 'The ids of the processings whose results to save. Objects with an Id or ProcessingId property can be piped.'
        Path          = 'The folder for the result files, relative to the current location or absolute. It is created when it is missing. It names a folder, not a file: the file names are made from the processings.'
        Force         = 'Downloads a result again even when its file is already there, and replaces the file once the new download is complete.'
        ThrottleLimit = 'How many downloads run at the same time.'
        Session       = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'One object per result file: ProcessingName, FeatureCount, Length (bytes), Skipped and Path, and also ProcessingId and Sha256 (the file''s SHA-256, in hex). For a skipped file, FeatureCount is 0 and Sha256 is empty, because the file was not read.'
    Examples    = @(
        @{
            Title   = 'Save the results of a whole project'
            Code    = 'Get-MapflowProcessing -Project $p | Save-MapflowResult -Path out'
            Remarks = 'Saves every finished result, skips files already in out, and gives a Result.NotReady error for each processing that is not OK yet. Add -Status OK to Get-MapflowProcessing to leave those out quietly.'
        }
        @{
            Title   = 'Save each result as soon as its processing is done'
            Code    = @'
Import-MapflowAoi places.geojson |
    Start-MapflowProcessing -Model Buildings -Project $p |
    Wait-MapflowProcessing |
    Where-Object Status -eq 'OK' |
    Save-MapflowResult -Path out
'@
            Remarks = 'Where-Object keeps FAILED processings out; Wait-MapflowProcessing already reported them with Processing.Failed.'
        }
        @{
            Title   = 'Keep a manifest of the saved files'
            Code    = @'
Get-MapflowProcessing -Project $p -Status OK |
    Save-MapflowResult -Path out |
    Select-Object ProcessingId, ProcessingName, Path, FeatureCount, Length, Sha256, Skipped |
    Export-Csv out\manifest.csv -Encoding utf8 -NoTypeInformation
'@
            Remarks = 'The manifest maps each file back to its processing and records its checksum.'
        }
        @{
            Title   = 'Download one result again'
            Code    = 'Save-MapflowResult -Id 87f258e6-c1ce-4deb-8155-ccd6b21ac237 -Path out -Force'
            Remarks = 'Replaces out\Авазли_87f258e6.geojson with a fresh download, once that download is complete.'
        }
        @{
            Title   = 'See which files would be written'
            Code    = 'Get-MapflowProcessing -Project $p -Status OK | Save-MapflowResult -Path out -WhatIf'
            Remarks = 'Prints the target file of each result that is not saved yet, and downloads nothing.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'about_Mapflow_Errors'
        'Wait-MapflowProcessing'
        'Get-MapflowProcessing'
    )
}
