@{
    Synopsis    = 'Starts a Mapflow processing (a run of an AI model) for each AOI, never starting the same work twice.'
    Description = @'
Start-MapflowProcessing starts processings over AOIs (POST /processings/v2): one per AOI, or several AOIs packed into one processing with -GroupSize or -Group. The AOIs come from Import-MapflowAoi through the pipeline, or a single geometry comes from -Geometry.

It first collects all its input. Then it reads the account, the project (-Project, read afresh; without -Project the Default project, which a verbose line names) and finds the model (-Model: among the project's models first, which may include custom models linked only to it, then the account's) and the imagery provider (-DataProvider). A -Project that is given but empty or null, as a failed Get-MapflowProject leaves its variable, ends the command with Mapflow.InvalidArgument before anything is started: the Default project is used only when -Project is not given at all. It checks every AOI against Mapflow's limits as Mapflow would (the area of one processing, which is the project owner's limit, each polygon's longitude/latitude bounding box, the polygons per processing of the account, and at most 100,000 vertices per processing): an AOI that breaks one is a non-terminating error (Aoi.AreaTooLarge, Aoi.BoundingBoxTooLarge, Aoi.TooManyPolygons, Aoi.TooManyVertices) that says where the limit came from, and is left out, before anything is paid for. Then it asks ShouldProcess for each start (-Confirm, -WhatIf) and starts up to -ThrottleLimit processings at a time, writing each one as soon as its start completes, which is not necessarily the input order; pipe them to Wait-MapflowProcessing.

Grouping matters for cost: Mapflow bills every processing for at least 1 km2, so a hundred small villages cost much less packed ten to a processing. Groups are filled in input order, as long as they stay within the limits. Save-MapflowResult -PerAoi splits a grouped result back into one file per AOI. Get-MapflowProcessingCost prices both ways.

Running it again is safe. Every start carries a key computed from what makes it the same paid work: the model, the project, the imagery source (a provider and its zoom, found images, your mosaic or images, or a tile service, without its password), the inference params, the options, the geometry (of the whole group) and the processing name. The key is stored in the processing's meta. Before creating a processing, the cmdlet looks for its key among the project's processings, and, just before each create, once more among the newest processings (read again at most once a second for all the starts of the run, so a run of 500 starts costs a few extra pages, not 500 look-ups); when it is there, the cmdlet writes the existing processing instead of creating, and paying for, a new one (-Verbose says so). A create is sent again only when Mapflow's answer proves nothing was made (429, 408, a connection refused before the request left). After any other failure (no answer, a time-out, a server error) Mapflow may still be making the processing, so its key is looked up for the session's Timeouts.CreateConfirm (5 minutes) instead: the processing is written when it appears, and otherwise the AOI gets a non-terminating Start.Unconfirmed error, nothing being sent again. So after a crash, a reboot or Ctrl+C, run the same command again, with the same parameters and input. Use -Force to start the same work again on purpose, for example when the earlier processing FAILED: without -Force, that FAILED processing is written again.

Runs on one machine take turns per project and account: a run holds a lock in the user's state folder while it looks up and creates, so a second copy of a scheduled script waits (-Verbose says so) and then finds what the first one made. Runs on different machines share no lock; after its creates, each run looks for processings another runner made with the same key at the same time and writes a warning naming both (both are paid for; nothing is deleted). See about_Mapflow, "Runs at the same time".

Names: each processing is named after its AOI, or "<first AOI name> (+<other AOIs>)" for a group. With -Name: just -Name for a single AOI or -Geometry, "<Name> <AOI name>" for several AOIs, and "<Name> 1", "<Name> 2"... for groups.

-MaxCredits caps what the run spends: each planned processing is priced first (free), and starting stops before the next one would take the run past -MaxCredits, or past the credits left on an account billed in credits. The first processing left out gives a non-terminating Processing.BudgetExceeded error, and a warning counts all of them. Processings found already started cost nothing and do not count.

A start that Mapflow refuses (MapflowApi.BadRequest for a balance that does not cover it, MapflowApi.Forbidden for an imagery provider outside the plan...) is a non-terminating error whose TargetObject is the AOI (or the AOIs of the group), and the others are still started. An unknown model, option, provider or project name, a refused token or a missing connection ends the command before anything is started.

With -WhatIf, nothing is started: the cmdlet reads the account and the project, looks for the processings already started with the same key (unless -Force) and prices each of the others with POST /processing/cost/v2, which is free. It shows each processing it would start (model, area, AOIs, polygons, provider and credits) and each one it would not start again ("What if: 'Бой' was already started as <id>; it would not be started again."), then one summary line with the number of processings, AOIs, km2 and credits, how many were already started (not counted), and the credits left on an account billed in credits, with NOT ENOUGH when the total is more. -Confirm asks before each start.

The imagery is one of four kinds, and one only: a provider of the account (-DataProvider, or the account's first provider when no source is given; -Zoom is checked against the zoom levels of the provider's price list in /user/status and outside them ends the command with Source.ZoomOutOfRange), your own imagery in Mapflow's data catalog (-MosaicId or -ImageId), images found by Find-MapflowImagery (-Image, or piped in), or a tile service of your own (-ImageryUrl with -SourceType, -Crs and -ImageryCredential). Two kinds at once, both -MosaicId and -ImageId, or -SourceType, -Crs or -ImageryCredential without -ImageryUrl end the command with Source.Conflict; a URL without its placeholders with Source.InvalidUrl; images of several providers with Source.MixedProviders. All of these are checked before anything is sent. A -MosaicId or -ImageId that is not in your imagery ends the command with Mapflow.NotFound, a mosaic without images with Mapflow.InvalidArgument, and an AOI that is not wholly inside the imagery's footprint is an error of its own (Source.NotCovered) while the others go on; the footprints are read before anything is sent. The source is part of each start's key: the same AOI with another source is another processing, the same source again is found as already started.
'@
    Parameters  = @{
        Aoi          = 'The AOIs to process, usually piped from Import-MapflowAoi. All input is collected before the first start. Alias: InputObject.'
        Geometry     = @'
One area as GeoJSON text of a Polygon or MultiPolygon, or an object that converts to it, such as a hashtable with type and coordinates. It goes through the same checks as Import-MapflowAoi (with repairs only under -Repair): a problem ends the command with Aoi.<Code>, and text that is not GeoJSON with Aoi.InvalidGeometry. An area over the account's limits is a non-terminating Aoi.AreaTooLarge or Aoi.BoundingBoxTooLarge error, and nothing is started.

Only the first feature of Feature or FeatureCollection text is used; use Import-MapflowAoi for files with several features.
'@
        Model        = 'The model to run, by name or id, as Get-MapflowModel shows them. Emoji, case and punctuation are ignored and a unique beginning is enough, so "Buildings" finds "🏠 Buildings". A name that matches no model ends the command with Model.NotFound, one that matches several with Model.Ambiguous; both messages list the candidates. Tab completes the models of the account by the plain name this parameter takes, such as Buildings for "🏠 Buildings".'
        Project      = 'The project for the new processings: a project object (from Get-MapflowProject or New-MapflowProject), its id, or its exact name, ignoring case. A name that no project has ends the command with Mapflow.NotFound; a name that several projects share, with Mapflow.InvalidArgument. The project is part of each start''s key, so a re-run must use the same project to find the processings it started. Tab completes the project names (the id for a name that several projects share).'
        Name         = 'The name of the processings. With one AOI or with -Geometry, just -Name; with several AOIs, "<Name> <AOI name>"; with groups, "<Name> 1", "<Name> 2"... When omitted, each processing is named after its AOI ("<first AOI name> (+<others>)" for a group), or "Processing" with -Geometry. The name is part of each start''s key.'
        DataProvider = 'The imagery provider, by the name Get-MapflowAccount lists in DataProviders (such as Mapbox), ignoring case. A name the account does not have ends the command with Mapflow.InvalidArgument, listing the available ones. Not with another source (-ImageryUrl, -MosaicId, -ImageId, -Image). Tab completes the providers of the account.'
        Zoom         = 'The zoom level of the imagery: with a provider, it must be within the zoom levels of the provider''s price list (Get-MapflowDataProvider), or the command ends with Source.ZoomOutOfRange before anything is sent; with -ImageryUrl or -Image, passed on. Not with -MosaicId or -ImageId. When omitted, the provider''s default.'
        Option       = 'The optional blocks of the model to enable, as Get-MapflowModel shows them in Options (such as Classification). The model''s other optional blocks are sent disabled. A name the model does not have ends the command with Model.UnknownOption. Tab completes the options of the -Model already on the command line (of every model when there is none).'
        GroupSize    = 'Packs up to this many AOI polygons into one processing (each part of a MultiPolygon counts), in input order, as long as the group stays within the account''s area limits. 1 starts one processing per AOI. Values above the account''s MaxAoisPerProcessing are lowered to it, with a warning. The grouping is part of each start''s key, so a re-run must use the same value.'
        Group        = 'Packs as many AOIs into each processing as the account allows: the same as -GroupSize with the account''s MaxAoisPerProcessing (10 when Mapflow does not say).'
        Repair       = 'With -Geometry: repairs the geometry as Import-MapflowAoi -Repair does (closes rings, fixes self-intersections and holes) instead of rejecting it.'
        MaxCredits   = 'The most credits this run may spend on new processings. Each planned processing is priced first, and no processing is started once the next one would go past this number (or past the credits left on an account billed in credits): it gets a Processing.BudgetExceeded error, the rest a warning. Run again with a larger value to start the rest.'
        Force        = 'Starts a new processing even when the project already has one with the same key, and pays for it again. Use it to run failed or cancelled work again.'
        ThrottleLimit = 'How many starts, and the look-ups before them, run at the same time: 1 to 64. The default, 32, keeps hundreds of starts from waiting on each other''s round trips; a start that Mapflow answers with 429 (too many requests) waits as long as Mapflow says before it is sent again.'
        Image         = 'Images found by Find-MapflowImagery: the processing uses them (sourceParams.imagerySearch, with the provider''s name lower-cased and the image ids sorted). They are piped in by value, beside AOIs given with -Aoi or -Geometry (Find-MapflowImagery -Aoi $a | Start-MapflowProcessing -Aoi $a -Model Buildings), or given with -Image while the AOIs come from the pipeline ($a | Start-MapflowProcessing -Image $images ...). All images of a run go into each of its processings. They must all come from one provider: images of several end the command with Source.MixedProviders before anything is sent (filter them with Where-Object ProviderName -eq <name>). Without -Zoom, the images'' own zoom is sent when they share one, as QGIS does.'
        ImageryUrl    = 'A tile service of your own (sourceParams.userDefined): an http:// or https:// URL with {x}, {y} and {z} for -SourceType Xyz and Tms, or {q} for Quadkey; for SentinelL2A, the Sentinel-2 scene name. A URL without its placeholders ends the command with Source.InvalidUrl before anything is sent (Mapflow would accept it and then fail the processing with source-validator.XYZLinkFormatError, TMSLinkFormatError or QuadkeyLinkFormatError). Messages show the URL without its query string, which often holds an access token. Alias: Url.'
        SourceType    = 'The kind of tile service -ImageryUrl is: Xyz (the default), Tms, Quadkey or SentinelL2A; sent upper-case (XYZ, TMS, QUADKEY, SENTINEL_L2A). Only with -ImageryUrl (otherwise Source.Conflict).'
        ImageryCredential = 'The login and password of the tile service, as a PSCredential (from Get-Credential, or built from a secret store). They are sent as rasterLogin and rasterPassword and nowhere else: the password appears in no verbose, debug or error text, not in the start key, and is masked (********) where Mapflow echoes it in a processing''s Params. Only with -ImageryUrl.'
        Crs           = 'The projection of the tile grid of -ImageryUrl: EPSG:3857 (Web Mercator, what most services use) or EPSG:3395 (World Mercator); sent lower-case, as QGIS does. When omitted, Mapflow''s default. Only with -ImageryUrl.'
        MosaicId      = 'A mosaic (imagery collection) of your own imagery in Mapflow''s data catalog: the whole mosaic is processed (sourceParams.myImagery.mosaicId). Not with -ImageId, nor with -Zoom: your imagery is processed at its own resolution.'
        ImageId       = 'Images of your own imagery in Mapflow''s data catalog: only they are processed (sourceParams.myImagery.imageIds). Not with -MosaicId, nor with -Zoom.'
        InferenceParams = 'Model settings, sent as params.inferenceParams as given (nested hashtables and arrays included); what a model takes is the model''s own business. They are part of the start key. When omitted or empty, none are sent.'
        Session      = 'The connection to use, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Defaults    = @{
        Project      = 'The default project of the account'
        Name         = 'The AOI''s name'
        MaxCredits   = 'No limit'
        ThrottleLimit = '32'
        DataProvider = 'The first provider of the account'
        Zoom         = 'The provider''s default'
    }
    Outputs     = 'One processing per AOI or group, as its start completes: Name, Status, PercentCompleted, AreaKm2, Cost, Model, Created and Id, and also ProjectId, Messages and Meta. A processing that existed already is written as Mapflow returns it now, which may be OK or FAILED.'
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
            Code    = 'Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings -WhatIf'
            Remarks = 'Prints one line per processing, such as: What if: Performing the operation "Start ''🏠 Buildings'' on 0.435 km² (1 AOI(s), 1 polygon(s)) with Mapbox for 5 credits" on target "Авазли". A last line sums up: "What if: 32 processing(s), 32 AOI(s), 18.105 km², 164 credits; 250 credits left on the account." With -Group, the same 32 villages make 4 processings, and cost less.'
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
            Title   = 'Pack small AOIs together, and save one file per AOI'
            Code    = @'
Import-MapflowAoi places.geojson |
    Start-MapflowProcessing -Model Buildings -Project $p -Group |
    Wait-MapflowProcessing |
    Save-MapflowResult -Path out -PerAoi
'@
            Remarks = 'With -Group, up to MaxAoisPerProcessing AOIs share one processing, named like "Бой (+9)"; each is billed once for at least 1 km2 instead of once per AOI. -PerAoi saves each AOI''s part of the result under the AOI''s own name.'
        }
        @{
            Title   = 'Spend at most 200 credits'
            Code    = 'Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings -Project $p -MaxCredits 200'
            Remarks = 'Starts processings until the next one would pass 200 credits, then stops with a Processing.BudgetExceeded error and a warning such as "29 of 32 processing(s) were not started to stay within 200 credits". Running the same command later with a larger -MaxCredits starts the rest; the ones already started are not paid for again.'
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
            Title   = 'List the AOIs that are too large for the account'
            Code    = @'
Import-MapflowAoi places.geojson |
    Start-MapflowProcessing -Model Buildings -Project $p -ErrorVariable refused -ErrorAction SilentlyContinue |
    Out-Null
$refused | Where-Object FullyQualifiedErrorId -like 'Aoi.*TooLarge,*' |
    ForEach-Object { '{0}: {1}' -f $_.TargetObject.Name, $_.TargetObject.Message }
'@
            Remarks = 'AOIs over the account''s limits are refused before anything is sent; the TargetObject of such an error has the AOI''s SourcePath, Index, Name, Code and Message. The other AOIs were started.'
        }
        @{
            Title   = 'Process images found by a search'
            Code    = @'
$aoi = Import-MapflowAoi places.geojson | Select-Object -First 1
Find-MapflowImagery -Aoi $aoi -DataProvider pleiades_neo -MaxCloudCover 10 |
    Sort-Object AcquisitionDate -Descending | Select-Object -First 1 |
    Start-MapflowProcessing -Aoi $aoi -Model Buildings
'@
            Remarks = 'The newest clear image of one provider becomes the source (sourceParams.imagerySearch); the AOI is given with -Aoi, since the images fill the pipeline. To process several AOIs with the same images, pipe the AOIs and give the images with -Image: Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings -Image $images.'
        }
        @{
            Title   = 'Process tiles of your own server'
            Code    = @'
Import-MapflowAoi places.geojson | Select-Object -First 2 |
    Start-MapflowProcessing -Model Buildings -ImageryUrl 'https://tiles.example.com/{z}/{x}/{y}.jpg' -Zoom 18 -Crs EPSG:3857
'@
            Remarks = 'An XYZ service (the default -SourceType); -SourceType Tms takes the same placeholders, Quadkey takes {q}.'
        }
        @{
            Title   = 'Process tiles that need a login'
            Code    = @'
$password = ConvertTo-SecureString $env:TILES_PASSWORD -AsPlainText -Force
$login = [pscredential]::new('mapping-team', $password)
Import-MapflowAoi places.geojson | Select-Object -First 1 |
    Start-MapflowProcessing -Model Buildings -ImageryUrl 'https://tiles.example.com/q/{q}.png' -SourceType Quadkey -ImageryCredential $login
'@
            Remarks = 'The password is sent as rasterPassword and shown nowhere: not by -Verbose or -Debug, not in errors, and masked in the Params of the processings written. Interactively, $login = Get-Credential does the same.'
        }
        @{
            Title   = 'Process a mosaic of your own imagery, with model settings'
            Code    = @'
$survey = Get-MapflowMosaic -Name 'Bukhara drone survey'
Import-MapflowAoi places.geojson | Select-Object -First 1 |
    Start-MapflowProcessing -Model Buildings -MosaicId $survey.Id -InferenceParams @{ threshold = 0.5 }
'@
            Remarks = 'The whole mosaic is the source (sourceParams.myImagery.mosaicId); -ImageId takes chosen images of it instead. An AOI outside the mosaic''s footprint is refused with Source.NotCovered before anything is sent. -InferenceParams goes to the model as params.inferenceParams.'
        }
    )
    Notes       = 'Each processing is paid for with credits, by area, model, options and imagery; Mapflow bills at least 1 km2 per processing. Get-MapflowProcessingCost prices a run without starting it, and Get-MapflowAccount shows the balance.'
    Links       = @(
        'about_Mapflow'
        'Find-MapflowImagery'
        'about_Mapflow_Errors'
        'Import-MapflowAoi'
        'Wait-MapflowProcessing'
        'Get-MapflowProcessingCost'
        'Get-MapflowModel'
    )
}
