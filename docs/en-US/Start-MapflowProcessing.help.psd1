@{
    Synopsis    = 'Starts a Mapflow processing (a run of an AI model) for each AOI, never starting the same work twice.'
    Description = @'
Start-MapflowProcessing starts one processing per AOI (POST /processings/v2). The AOIs come from Import-MapflowAoi through the pipeline, or a single geometry comes from -Geometry.

It first collects all its input. Then it finds the model (-Model), the imagery provider (-DataProvider) and the project (-Project) once, and starts up to -ThrottleLimit processings at a time. It writes each processing as soon as its start completes, which is not necessarily the input order; pipe them to Wait-MapflowProcessing.

Running it again is safe. Every start carries a key computed from what makes it the same paid work: the model, the project, the imagery provider, the zoom, the options, the geometry and the processing name. The key is stored in the processing's meta. Before creating a processing, the cmdlet looks for its key among the project's processings; when it is there, the cmdlet writes the existing processing instead of creating, and paying for, a new one (-Verbose says so). When the answer to a create is lost (a time-out, a server error), the key is looked up before the create is tried again. So after a crash, a reboot or Ctrl+C, run the same command again. Use -Force to start the same work again on purpose, for example when the earlier processing FAILED: without -Force, that FAILED processing is written again.

Each processing is named after its AOI; with -Name and several AOIs, "<Name> <AOI name>"; with -Name and one AOI or -Geometry, -Name itself.

A start that Mapflow refuses (MapflowApi.TooLargeProcessing, MapflowApi.NotEnoughCredits...) is a non-terminating error whose TargetObject is the AOI, and the other AOIs are still started. An unknown model, option, provider or project name, a refused token or a missing connection ends the command before anything is started.

With -WhatIf, the cmdlet still reads the account and the project, then shows for each AOI the model, area, polygon count and provider it would start, and starts nothing. -Confirm asks before each start.
'@
    Parameters  = @{
        Aoi          = 'The AOIs to process, usually piped from Import-MapflowAoi. All input is collected before the first start.'
        Geometry     = @'
One area as GeoJSON text of a Polygon or MultiPolygon, or an object that converts to it, such as a hashtable with type and coordinates. It goes through the same checks as Import-MapflowAoi, without repairs: a problem ends the command with Aoi.<Code>, and text that is not GeoJSON with Aoi.InvalidGeometry.

Only the first feature of Feature or FeatureCollection text is used; use Import-MapflowAoi for files with several features.
'@
        Model        = 'The model to run, by name or id, as Get-MapflowModel shows them. Emoji, case and punctuation are ignored and a unique beginning is enough, so "Buildings" finds "🏠 Buildings". A name that matches no model ends the command with Model.NotFound, one that matches several with Model.Ambiguous; both messages list the candidates.'
        Project      = 'The project for the new processings: a project object (from Get-MapflowProject or New-MapflowProject), its id, or its exact name, ignoring case. A name that no project has ends the command with Mapflow.NotFound; a name that several projects share, with Mapflow.InvalidArgument. The project is part of each start''s key, so a re-run must use the same project to find the processings it started.'
        Name         = 'The name of the processing. With several AOIs, each processing is called "<Name> <AOI name>"; with one AOI or with -Geometry, just -Name. When omitted, the AOI''s name, or "Processing" with -Geometry. The name is part of each start''s key.'
        DataProvider = 'The imagery provider, by the name Get-MapflowAccount lists in DataProviders (such as Mapbox), ignoring case. A name the account does not have ends the command with Mapflow.InvalidArgument, listing the available ones.'
        Zoom         = 'The zoom level of the provider''s imagery. When omitted, the provider''s default.'
        Option       = 'The optional blocks of the model to enable, as Get-MapflowModel shows them in Options (such as Classification). The model''s other optional blocks are sent disabled. A name the model does not have ends the command with Model.UnknownOption.'
        Force        = 'Starts a new processing even when the project already has one with the same key, and pays for it again. Use it to run failed or cancelled work again.'
        ThrottleLimit = 'How many starts run at the same time.'
        Session      = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Defaults    = @{
        Project      = 'The default project of the account'
        Name         = 'The AOI''s name'
        DataProvider = 'The first provider of the account'
        Zoom         = 'The provider''s default'
    }
    Outputs     = 'One processing per AOI, as its start completes: Name, Status, PercentCompleted, AreaKm2, Cost, Model, Created and Id, and also ProjectId, Messages and Meta. A processing that existed already is written as Mapflow returns it now, which may be OK or FAILED.'
    Examples    = @(
        @{
            Title   = 'Process every AOI of a file, from start to saved results'
            Code    = @'
$p = New-MapflowProject -Name 'Uzbekistan villages'
Import-MapflowAoi places.geojson |
    Start-MapflowProcessing -Model Buildings -Project $p |
    Wait-MapflowProcessing |
    Save-MapflowResult -Path out
'@
            Remarks = 'Each processing is named after its AOI (for example Бой or Авазли); each result is saved as soon as its processing is OK, as out\Бой_5f748822.geojson and so on.'
        }
        @{
            Title   = 'See what would start, without starting anything'
            Code    = 'Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings -Project ''Uzbekistan villages'' -WhatIf'
            Remarks = 'Prints a line such as: What if: Performing the operation "Start ''🏠 Buildings'' on 2.417 km² (1 polygon(s)) with Mapbox" on target "Авазли".'
        }
        @{
            Title   = 'Run the same command again after an interruption'
            Code    = 'Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings -Project $p -Verbose'
            Remarks = 'Processings started by the earlier run are found by their key and written again instead of being paid for twice; -Verbose shows "''Бой'' was already started as 5f748822-c94a-4233-ae1e-7622973bf9b5; not starting it again (use -Force to start anyway)." The AOIs not started yet are started now.'
        }
        @{
            Title   = 'Start one processing from a polygon given inline'
            Code    = @'
$polygon = '{"type":"Polygon","coordinates":[[[69.21,41.29],[69.24,41.29],[69.24,41.31],[69.21,41.31],[69.21,41.29]]]}'
Start-MapflowProcessing -Geometry $polygon -Model Buildings -Name 'Tashkent, Chilonzor' -Option Classification -Zoom 18
'@
            Remarks = '-Geometry takes GeoJSON text or an object that converts to it; it is checked like a feature of a file.'
        }
        @{
            Title   = 'Start again the AOIs whose processing failed'
            Code    = @'
$failed = Get-MapflowProcessing -Project $p -Status FAILED
Import-MapflowAoi places.geojson | Where-Object Name -in $failed.Name |
    Start-MapflowProcessing -Model Buildings -Project $p -Force
'@
            Remarks = 'Without -Force, the same command would write the FAILED processings again instead of starting them anew.'
        }
        @{
            Title   = 'Deal with the AOIs Mapflow refused'
            Code    = @'
Import-MapflowAoi places.geojson |
    Start-MapflowProcessing -Model Buildings -Project $p -ErrorVariable refused -ErrorAction SilentlyContinue |
    Out-Null
$refused | Where-Object FullyQualifiedErrorId -like 'MapflowApi.TooLargeProcessing,*' |
    ForEach-Object { '{0}: {1:N1} km2, split it' -f $_.TargetObject.Name, $_.TargetObject.AreaKm2 }
'@
            Remarks = 'The TargetObject of a refused start is its AOI; the other AOIs were started.'
        }
    )
    Notes       = 'Each processing is paid for with credits, by area, model and imagery; Mapflow bills at least 1 km2 per processing. Get-MapflowAccount shows the balance.'
    Links       = @(
        'about_Mapflow'
        'about_Mapflow_Errors'
        'Import-MapflowAoi'
        'Wait-MapflowProcessing'
        'Get-MapflowModel'
    )
}
