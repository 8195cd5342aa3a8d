@{
    Synopsis    = 'Writes one self-contained HTML page about a run: totals, a map of AOIs and results, and a table of AOIs.'
    Description = @'
Export-MapflowReport writes a report a person can open in any browser, offline: styles, script, data and the map are all inside the one HTML file, and nothing is fetched from the network.

The page shows a summary (processings, AOIs, km², credits spent, features found, failed AOIs, files that were already saved, the span of the processings, their projects and models), a map of the AOI outlines coloured by status with the result footprints inside them (Web Mercator; the mouse wheel zooms, a drag pans, Reset view goes back, a click on an AOI shows its row), and one row per AOI (name, processing, status, area, credits, features, a relative link to its file, the error if any), sortable by any column and with a filter box.

The report is fed the SavedResult objects of Save-MapflowResult from the pipeline, processings (for those that have no result), a results folder with -ResultPath (read through its mapflow-manifest.json), or all of these. Save-MapflowResult records in the manifest every processing it was given that had no result, with the reason, so the report of a folder shows the failures too. Per-AOI, per-processing and merged (-Merge) saves all work; a merged file's features name their AOIs. Each processing and its AOIs (their geometry and status) are read from Mapflow, so the cmdlet needs a connection.

Every number is the one the cmdlets reported: areas and costs as Mapflow gives them, feature counts as Save-MapflowResult counted them. A processing's cost is shown on each of its AOIs' rows with the number of AOIs that share it. Names are user data and are always shown as text. When the results hold more than 120,000 footprints, the map draws one in every few (the report and a warning say so), so a report of 500 AOIs with 400 buildings each stays under 10 MB. Export-MapflowReport supports -WhatIf.
'@
    Parameters  = @{
        Path        = 'The HTML file to write; its folder is created when missing, and a file already there is replaced. Links to result files are relative to this folder.'
        InputObject = 'SavedResult objects from Save-MapflowResult, or processings (from Get-MapflowProcessing or Wait-MapflowProcessing). Anything else is an error, and is left out.'
        ResultPath  = 'A folder that Save-MapflowResult wrote. Its mapflow-manifest.json lists the files and the processings that had no result.'
        Title       = 'The heading of the report. By default, "Mapflow run of <date>: <n> processing(s)".'
        Session     = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = 'Mapflow.RunReportFile: the path of the report and the numbers it shows.'
    Examples    = @(
        @{
            Title   = 'Report on a run as it ends'
            Code    = 'Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing | Save-MapflowResult -Path out | Export-MapflowReport -Path out/report.html'
            Remarks = 'out/report.html opens in a browser; failed processings that Save could not save are in it too.'
        }
        @{
            Title   = 'Report on a results folder the next morning'
            Code    = 'Export-MapflowReport -ResultPath out -Path out/report.html -Title ''Villages near Bukhara'''
            Remarks = 'Reads out/mapflow-manifest.json; writes the same report, whenever it is run.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Save-MapflowResult'
    )
}
