@{
    Synopsis    = 'Downloads the GeoJSON results of finished Mapflow processings into a folder.'
    Description = @'
Save-MapflowResult downloads the result of each processing whose status is OK (GET /processings/{id}/result), up to 32 at a time (-ThrottleLimit), and writes each saved file as soon as it is complete. Each input is checked, and ShouldProcess asked (-Confirm, -WhatIf), as it arrives, before its download starts: behind Wait-MapflowProcessing, a result is on disk a moment after its processing is OK, while the others still run. The progress bar is up from the first download on. It saves into a folder (-Path), one file per processing or, with -PerAoi, one file per AOI; or it merges every result into one file (-Merge). Files are GeoJSON as Mapflow serves it, or GeoPackage with -Format GeoPackage.

Into a folder, which it creates when it is missing, each result goes to <safe name>_<first 8 hex digits of the id>.geojson (or .gpkg), for example Бой_5f748822.geojson. The name and id are the processing's, or with -PerAoi the AOI's: the source AOI's name for processings that Start-MapflowProcessing grouped, else the processing's name (and "AOI <n>" when it has several AOIs). The safe name is the name with the characters that Windows forbids in file names (< > : " / \ | ? * and control characters) replaced by "_", without trailing dots or spaces, at most 100 characters long, and with "_" before names that Windows reserves (CON, NUL, COM1...). Cyrillic and other letters are kept. The id part keeps results with the same name, or names that differ only in case (Бой and бой), in separate files, and gives each result the same file on every run.

The folder also gets mapflow-manifest.json, which lists for every file the processing and AOI it holds, the original names, the feature count, the size, the SHA-256 and when it was saved. Each save adds to it; it is never emptied.

A download is written to a hidden temporary file (.<file name>.<random>.partial) in the same folder, checked to be a complete GeoJSON FeatureCollection of the announced length, and only then renamed to its final name. So a file with the final name is always complete, and a download that fails or is stopped leaves nothing behind. A download that breaks off is tried again from the start. A save killed outright (kill -9, a power cut) cannot delete its temporary files; the next save into the folder removes those older than itself that no running save holds (-Verbose names them). When a file cannot be written (a full or read-only disk), the Mapflow.IOError names the file asked for, not the temporary one.

A file that is already there is not downloaded again: it is written as a result with Skipped set, unless -Force. So running the same command again downloads only what is missing.

With -Merge, all results go into one file, a GeoJSON FeatureCollection or a GeoPackage. Every feature gets the properties mapflow_processing_id, mapflow_processing_name, mapflow_aoi_id and mapflow_aoi_name, so each building can be traced to its village; grouped processings are split by AOI for that. The merged file appears only once complete. When the file is already there, the command ends with Result.MergeFileExists unless -Force.

A processing that ended without a result (FAILED, CANCELLED, REFUNDED) gives a non-terminating Result.NoResult error that says so (with Mapflow's failure codes for FAILED). One that is not final yet (still running, or OK with a result a reviewer rejected, which is reviewed again) gives Result.NotReady: pipe the processings through Wait-MapflowProcessing first.
'@
    Parameters  = @{
        InputObject   = 'The processings whose results to save, usually piped from Wait-MapflowProcessing or Get-MapflowProcessing.'
        Id            = 'The ids of the processings whose results to save. Objects with an Id property (or a ProcessingId, see -ProcessingId) can be piped.'
        ProcessingId = 'The processing of piped objects that belong to one, such as the AOIs of Get-MapflowAoi and the results of Save-MapflowResult. It wins over their Id, which is their own and not a processing''s; giving both -Id and -ProcessingId is a Mapflow.InvalidArgument error.'
        Path          = 'The folder for the result files, relative to the current location or absolute. It is created when it is missing. It names a folder, not a file: the file names are made from the processings or AOIs. A path that is a file, or looks like one (.geojson, .json, .gpkg) and does not exist, ends the command with Mapflow.InvalidArgument; use -Merge for one file.'
        Merge         = 'The one file to merge every result into, instead of a folder of files. Each feature gets properties that name its processing and AOI. The file''s folder is created when it is missing.'
        PerAoi        = 'Saves each AOI of a processing in its own file (GET /processings/{id}/result?aoiId=...), named after the AOI. Use it to split the results of processings that Start-MapflowProcessing -Group packed together.'
        Format        = 'The format of the files. GeoJson writes the result as Mapflow serves it. GeoPackage converts each result (or the merged result) into a .gpkg file with one table named "result", which QGIS opens faster than a large GeoJSON file; property values that are objects or arrays are stored as JSON text.'
        Force         = 'Downloads a result again even when its file is already there, and replaces the file once the new download is complete. With -Merge, replaces the merged file.'
        ThrottleLimit = 'How many downloads run at the same time: 1 to 64; 32 by default.'
        Session       = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'One object per result file: ProcessingName, FeatureCount, Length (bytes), Skipped and Path, and also ProcessingId, AoiId and AoiName (with -PerAoi) and Sha256 (the file''s SHA-256, in hex). For a skipped file, FeatureCount and Sha256 come from mapflow-manifest.json (0 and empty when the manifest does not list the file). With -Merge, one object for the merged file, with ProcessingName "(merged)" and the total FeatureCount.'
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
            Title   = 'See what a folder holds'
            Code    = @'
Get-MapflowProcessing -Project $p -Status OK | Save-MapflowResult -Path out | Out-Null
Get-Content out\mapflow-manifest.json -Raw -Encoding utf8 | ConvertFrom-Json |
    Format-Table file, processingName, aoiName, featureCount, savedAt
'@
            Remarks = 'mapflow-manifest.json maps each file back to its processing and AOI, with its size and SHA-256, across every save into the folder.'
        }
        @{
            Title   = 'Split grouped processings into one file per village'
            Code    = 'Get-MapflowProcessing -Project $p -Status OK | Save-MapflowResult -Path out -PerAoi'
            Remarks = 'A processing started with -Group holds several AOIs; -PerAoi saves each one as <AOI name>_<AOI id>.geojson, such as Авазли_3e246123.geojson.'
        }
        @{
            Title   = 'Merge every result of a project into one layer'
            Code    = @'
Get-MapflowProcessing -Project 'Uzbekistan villages' -Status OK |
    Save-MapflowResult -Merge out\buildings.geojson -Force
'@
            Remarks = 'One FeatureCollection whose features carry mapflow_processing_name and mapflow_aoi_name, ready to open in QGIS. -Force replaces the file of an earlier merge.'
        }
        @{
            Title   = 'Save GeoPackages for QGIS'
            Code    = 'Get-MapflowProcessing -Project $p -Status OK | Save-MapflowResult -Path out -Format GeoPackage'
            Remarks = 'Writes Бой_5f748822.gpkg and so on, each with a "result" table. -Merge out\buildings.gpkg -Format GeoPackage writes one GeoPackage for all of them.'
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
