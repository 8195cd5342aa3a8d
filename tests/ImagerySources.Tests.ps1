# Every imagery source of Start-MapflowProcessing and Get-MapflowProcessingCost, over real HTTP against an emulator
# process: the exact sourceParams in the request log, the local checks that send nothing, the tile password kept
# out of every stream, and the start key telling sources apart.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator
    function Clear-RequestLog { Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null }
    # The bodies of the creates (or estimates) sent since the log was cleared, as objects.
    function Get-SentBody([string] $Path) { @(Get-EmulatorRequest $emulator -Method POST -Path $Path | ForEach-Object { $_.body | ConvertFrom-Json -AsHashtable }) }
    function Get-Aoi { Import-MapflowAoi $PlacesPath | Select-Object -First 1 }
    $script:password = 'pa55-' + [guid]::NewGuid().ToString('N')
    $script:credential = [pscredential]::new('tiles-user', (ConvertTo-SecureString $password -AsPlainText -Force))
    $script:tileUrl = 'https://tiles.example.com/{z}/{x}/{y}.jpg'
    . (Join-Path $PSScriptRoot 'GeoTiff.ps1')
    # A mosaic of "My imagery" over every village of places.geojson (64.0-64.8 E, 39.2-40.0 N), and one image far
    # from them; the emulator's reset empties the catalog, so each test that needs them makes them.
    function New-SurveyMosaic([string] $Name = 'Bukhara drone survey') {
        $tiff = Join-Path $TestDrive "survey-$([guid]::NewGuid()).tif"
        New-TestGeoTiff -Path $tiff -Lon 64.0 -Lat 40.0 -PixelSize 0.05
        $mosaic = New-MapflowMosaic -Name $Name
        $image = Add-MapflowImage -Mosaic $mosaic -Path $tiff
        [pscustomobject]@{ Mosaic = $mosaic; Image = $image }
    }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Each source kind on the wire' -ForEach @(
    @{ Command = 'Start-MapflowProcessing'; Path = '/processings/v2' }
    @{ Command = 'Get-MapflowProcessingCost'; Path = '/processing/cost/v2' }
) {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Clear-RequestLog
    }

    It '<Command>: a provider and zoom is dataProvider {providerName, zoom} and nothing else' {
        Get-Aoi | & $Command -Model Buildings -DataProvider mapbox -Zoom 18 | Out-Null
        $body = @(Get-SentBody $Path)
        $body.Count | Should -Be 1
        $body[0].params.sourceParams.Keys | Should -Be @('dataProvider')
        $body[0].params.sourceParams.dataProvider.providerName | Should -BeExactly 'Mapbox'
        $body[0].params.sourceParams.dataProvider.zoom | Should -Be 18
        $body[0].params.Keys | Should -Not -Contain 'inferenceParams'
    }

    It '<Command>: a mosaic is myImagery {mosaicId}; images are myImagery {imageIds}, sorted' {
        $survey = New-SurveyMosaic
        $second = Join-Path $TestDrive "second-$([guid]::NewGuid()).tif"
        New-TestGeoTiff -Path $second -Lon 64.0 -Lat 40.0 -PixelSize 0.05 -Seed 2
        $other = Add-MapflowImage -Mosaic $survey.Mosaic -Path $second
        $images = @($survey.Image.Id, $other.Id)
        Clear-RequestLog
        Get-Aoi | & $Command -Model Buildings -MosaicId $survey.Mosaic.Id | Out-Null
        Get-Aoi | & $Command -Model Buildings -ImageId $images | Out-Null
        $body = @(Get-SentBody $Path)
        $body.Count | Should -Be 2
        $body[0].params.sourceParams.Keys | Should -Be @('myImagery')
        $body[0].params.sourceParams.myImagery.Keys | Should -Be @('mosaicId')
        $body[0].params.sourceParams.myImagery.mosaicId | Should -Be $survey.Mosaic.Id.ToString()
        $body[1].params.sourceParams.myImagery.Keys | Should -Be @('imageIds')
        $body[1].params.sourceParams.myImagery.imageIds | Should -Be @($images | Sort-Object | ForEach-Object { "$_" })
        # The footprints were read first: the mosaic once, each image once.
        @(Get-EmulatorRequest $emulator -Method GET -Path "/rasters/mosaic/$($survey.Mosaic.Id)").Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -Method GET -Path '/rasters/image/*').Count | Should -Be 2
    }

    It '<Command>: a mosaic or image that is not there is Mapflow.NotFound, and nothing is sent' {
        { Get-Aoi | & $Command -Model Buildings -MosaicId ([guid]::NewGuid()) } | Should -Throw -ErrorId 'Mapflow.NotFound,*'
        { Get-Aoi | & $Command -Model Buildings -ImageId ([guid]::NewGuid()) } | Should -Throw -ErrorId 'Mapflow.NotFound,*'
        @(Get-SentBody $Path).Count | Should -Be 0
    }

    It '<Command>: an empty mosaic is Mapflow.InvalidArgument, and nothing is sent' {
        $empty = New-MapflowMosaic -Name 'Empty'
        { Get-Aoi | & $Command -Model Buildings -MosaicId $empty.Id } | Should -Throw -ErrorId 'Mapflow.InvalidArgument,*'
        @(Get-SentBody $Path).Count | Should -Be 0
    }

    It '<Command>: an AOI outside the imagery is Source.NotCovered; the AOIs inside go on' {
        $far = Join-Path $TestDrive "far-$([guid]::NewGuid()).tif"
        # Over the first village only (Бой, 64.215-64.231 E, 39.886-39.898 N).
        New-TestGeoTiff -Path $far -Lon 64.21 -Lat 39.9 -PixelSize 0.0015
        $mosaic = New-MapflowMosaic -Name 'One village'
        Add-MapflowImage -Mosaic $mosaic -Path $far | Out-Null
        Clear-RequestLog
        $aois = @(Import-MapflowAoi $PlacesPath | Select-Object -First 3)
        $out = @($aois | & $Command -Model Buildings -MosaicId $mosaic.Id -ErrorVariable refused -ErrorAction SilentlyContinue)
        $refused.Count | Should -Be 2
        $refused | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Source.NotCovered,*' }
        $refused[0].Exception.Message | Should -Match 'not wholly inside the footprint'
        $sent = @(Get-SentBody $Path)
        $sent.Count | Should -Be 1
        $sent[0].name | Should -Match 'Бой'
    }

    It '<Command>: a tile service is userDefined with the upper-case type, lower-case crs and the credential' {
        Get-Aoi | & $Command -Model Buildings -ImageryUrl 'https://t.example/{q}.png' -SourceType Quadkey -Crs EPSG:3395 -Zoom 17 -ImageryCredential $credential | Out-Null
        Get-Aoi | & $Command -Model Buildings -ImageryUrl $tileUrl | Out-Null
        $body = @(Get-SentBody $Path)
        $body[0].params.sourceParams.Keys | Should -Be @('userDefined')
        $user = $body[0].params.sourceParams.userDefined
        $user.sourceType | Should -BeExactly 'QUADKEY'
        $user.url | Should -Be 'https://t.example/{q}.png'
        $user.crs | Should -BeExactly 'epsg:3395'
        $user.zoom | Should -Be 17
        $user.rasterLogin | Should -Be 'tiles-user'
        $user.rasterPassword | Should -Be $password
        # Without the optional parts, only the type and URL go: no nulls on the wire, as QGIS sends it.
        $body[1].params.sourceParams.userDefined.Keys | Sort-Object | Should -Be @('sourceType', 'url')
        $body[1].params.sourceParams.userDefined.sourceType | Should -BeExactly 'XYZ'
    }

    It '<Command>: -InferenceParams is params.inferenceParams as given' {
        Get-Aoi | & $Command -Model Buildings -InferenceParams @{ threshold = 0.4; mode = 'fast'; nested = @{ b = 1; a = $true } } | Out-Null
        $body = @(Get-SentBody $Path)
        $body[0].params.inferenceParams.threshold | Should -Be 0.4
        $body[0].params.inferenceParams.mode | Should -Be 'fast'
        $body[0].params.inferenceParams.nested.a | Should -BeTrue
        $body[0].params.sourceParams.Keys | Should -Be @('dataProvider')
    }
}

Describe 'Local checks send nothing' {
    BeforeAll {
        $script:cases = @(
            @{ Id = 'Source.Conflict'; Args = @{ DataProvider = 'Mapbox'; MosaicId = [guid]::NewGuid() } }
            @{ Id = 'Source.Conflict'; Args = @{ ImageryUrl = 'https://t.example/{z}/{x}/{y}'; ImageId = [guid]::NewGuid() } }
            @{ Id = 'Source.Conflict'; Args = @{ MosaicId = [guid]::NewGuid(); ImageId = [guid]::NewGuid() } }
            @{ Id = 'Source.Conflict'; Args = @{ Crs = 'EPSG:3857' } }
            @{ Id = 'Source.Conflict'; Args = @{ SourceType = 'Tms' } }
            @{ Id = 'Source.Conflict'; Args = @{ MosaicId = [guid]::NewGuid(); Zoom = 17 } }
            @{ Id = 'Source.InvalidUrl'; Args = @{ ImageryUrl = 'https://t.example/{z}/{x}.png' } }
            @{ Id = 'Source.InvalidUrl'; Args = @{ ImageryUrl = 'https://t.example/{z}/{x}/{y}.png'; SourceType = 'Quadkey' } }
            @{ Id = 'Source.InvalidUrl'; Args = @{ ImageryUrl = 'ftp://t.example/{z}/{x}/{y}.png' } }
            @{ Id = 'Source.InvalidUrl'; Args = @{ ImageryUrl = 'tiles/{z}/{x}/{y}.png'; SourceType = 'Tms' } }
            @{ Id = 'Source.ZoomOutOfRange'; Args = @{ DataProvider = 'Mapbox'; Zoom = 15 } }
            @{ Id = 'Source.ZoomOutOfRange'; Args = @{ Zoom = 20 } }
        )
    }
    BeforeEach { Clear-RequestLog }

    It 'refuses each bad source with its id, before any create or estimate' {
        foreach ($case in $cases) {
            foreach ($command in 'Start-MapflowProcessing', 'Get-MapflowProcessingCost') {
                $splat = $case.Args
                { Get-Aoi | & $command -Model Buildings @splat } | Should -Throw -ErrorId "$($case.Id),*" -Because "$command $($splat.Keys -join ', ')"
            }
        }
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processing/cost/v2').Count | Should -Be 0
        # Only the zoom check needs the account; nothing else is read for the others.
        @(Get-EmulatorRequest $emulator | Where-Object path -notin '/user/status', '/projects/default', '/processings/v2/page').Count | Should -Be 0
    }

    It 'names the providers of mixed images and sends nothing' {
        $aoi = Get-Aoi
        $mixed = @(Find-MapflowImagery -Aoi $aoi -DataProvider orbview -First 1) + @(Find-MapflowImagery -Aoi $aoi -DataProvider pleiades_neo -First 1)
        Clear-RequestLog
        $e = { $mixed | Start-MapflowProcessing -Aoi $aoi -Model Buildings } | Should -Throw -ErrorId 'Source.MixedProviders,Mapflow.PowerShell.Commands.StartMapflowProcessingCommand' -PassThru
        $e.Exception.Message | Should -Match 'orbview, pleiades_neo'
        @(Get-EmulatorRequest $emulator -Method POST).Count | Should -Be 0
    }
}

Describe 'The tile password' {
    It 'appears in no stream, error, transcript or object, though it is sent' {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Clear-RequestLog
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $Error.Clear()
        Start-Transcript -LiteralPath $transcript | Out-Null
        try {
            $all = & {
                $p = Get-Aoi | Start-MapflowProcessing -Model Buildings -ImageryUrl $tileUrl -ImageryCredential $credential -Verbose -Debug -WhatIf
                $p = Get-Aoi | Start-MapflowProcessing -Model Buildings -ImageryUrl $tileUrl -ImageryCredential $credential -Verbose -Debug
                $p | Format-List * -Force | Out-String
                $p.Params | ConvertTo-Json -Depth 9
                $p | Wait-MapflowProcessing -PollInterval 0.1 -Verbose | Out-String
                Get-Aoi | Get-MapflowProcessingCost -Model Buildings -ImageryUrl $tileUrl -ImageryCredential $credential -Verbose -Debug | Out-String
                # A refused start: the error must not carry it either.
                try { Get-Aoi | Start-MapflowProcessing -Model Buildings -ImageryUrl 'https://t.example/{z}/{x}.png' -ImageryCredential $credential } catch { $_ | Out-String }
                try { Get-Aoi | Start-MapflowProcessing -Model Buildings -Project ([guid]::NewGuid()) -ImageryUrl $tileUrl -ImageryCredential $credential } catch { $_ | Out-String }
            } *>&1 | Out-String
        }
        finally {
            Stop-Transcript | Out-Null
        }
        $sent = @(Get-SentBody '/processings/v2')
        $sent[0].params.sourceParams.userDefined.rasterPassword | Should -Be $password
        $all | Should -Not -Match $password
        Get-Content -Raw $transcript | Should -Not -Match $password
        $Error.Count | Should -BeGreaterThan 0
        Get-ErrorText $Error | Should -Not -Match $password
        # The emulator echoes it in the processing (the worst case): the module masks it.
        $listed = Get-MapflowProcessing | Where-Object { $_.Params.GetRawText() -match 'tiles-user' }
        $listed | Should -Not -BeNullOrEmpty
        ($listed | ForEach-Object { $_.Params.GetRawText() }) -join '' | Should -Not -Match $password
    }
}

Describe 'The emulator checks own imagery as the API would' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'refuses a mosaic it does not have with a 400, and FAILS a processing outside the images with NoDataInAOI' {
        $headers = @{ Authorization = "Basic $($emulator.Token)" }
        $geometry = @{ type = 'Polygon'; coordinates = @(, @(@(10, 10), @(10.01, 10), @(10.01, 10.01), @(10, 10.01), @(10, 10))) }
        $body = @{ name = 'Raw'; wdName = '🏠 Buildings'; geometry = $geometry; params = @{ sourceParams = @{ myImagery = @{ mosaicId = [guid]::NewGuid() } } } }
        $missing = Invoke-WebRequest "$($emulator.Url)/processings/v2" -Method POST -Headers $headers -ContentType 'application/json' -Body ($body | ConvertTo-Json -Depth 10) -SkipHttpErrorCheck
        $missing.StatusCode | Should -Be 400
        $survey = New-SurveyMosaic
        $body.params.sourceParams.myImagery.mosaicId = $survey.Mosaic.Id
        $created = Invoke-RestMethod "$($emulator.Url)/processings/v2" -Method POST -Headers $headers -ContentType 'application/json' -Body ($body | ConvertTo-Json -Depth 10)
        $later = Get-MapflowProcessing -Id $created.id
        $later.Status | Should -Be 'FAILED'
        $later.Messages.Code | Should -Be 'source-validator.NoDataInAOI'
    }
}

Describe 'The start key tells sources apart' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'starts the same AOI once per source, and a re-run with the same source starts nothing' {
        $survey = New-SurveyMosaic
        $p = New-MapflowProject -Name 'Sources'
        $runs = {
            Get-Aoi | Start-MapflowProcessing -Model Buildings -Project $p
            Get-Aoi | Start-MapflowProcessing -Model Buildings -Project $p -ImageryUrl $tileUrl -ImageryCredential $credential
            Get-Aoi | Start-MapflowProcessing -Model Buildings -Project $p -ImageryUrl $tileUrl.Replace('tiles.', 'other.')
            Get-Aoi | Start-MapflowProcessing -Model Buildings -Project $p -MosaicId $survey.Mosaic.Id
            Get-Aoi | Start-MapflowProcessing -Model Buildings -Project $p -InferenceParams @{ threshold = 0.5 }
            $aoi = Get-Aoi
            Find-MapflowImagery -Aoi $aoi -DataProvider orbview -First 2 | Start-MapflowProcessing -Aoi $aoi -Model Buildings -Project $p
        }
        $first = @(& $runs)
        $first.Count | Should -Be 6
        @($first.Id | Select-Object -Unique).Count | Should -Be 6
        Clear-RequestLog

        $again = @(& $runs)

        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
        $again.Id | Should -Be $first.Id
    }
}

Describe 'Help examples of the sources' {
    It 'run as written against the emulator, each without an error' {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        New-SurveyMosaic | Out-Null
        Clear-RequestLog
        $titles = 'Process images found by a search', 'Process tiles of your own server', 'Process tiles that need a login',
            'Process a mosaic of your own imagery, with model settings', 'Price images found by a search',
            'Price a tile service, a mosaic of your own imagery and a provider zoom'
        $examples = @(foreach ($command in 'Start-MapflowProcessing', 'Get-MapflowProcessingCost', 'Find-MapflowImagery') {
                foreach ($example in (Get-Help $command -Examples).examples.example) {
                    if ($command -eq 'Find-MapflowImagery' -or @($titles | Where-Object { $example.title -like "*$_*" })) { $example }
                }
            })
        $examples.Count | Should -Be ($titles.Count + @((Get-Help Find-MapflowImagery -Examples).examples.example).Count)
        # about_Mapflow's example of the workflow: its indented lines after the title, up to the first blank line.
        $about = Get-Content -LiteralPath (Join-Path $ModulePath 'en-US/about_Mapflow.help.txt') -Encoding utf8
        $start = [array]::FindIndex($about, [Predicate[string]] { param($l) $l -like '*Example 9: Search imagery*' })
        $start | Should -BeGreaterThan 0
        $code = for ($i = $start + 1; $about[$i].Trim(); $i++) { $about[$i] -replace '^ {8}', '' }
        $examples += [pscustomobject]@{ title = 'about_Mapflow Example 9'; code = $code -join "`n" }
        $folder = Join-Path $TestDrive 'examples'
        $null = New-Item -ItemType Directory $folder
        Copy-Item $PlacesPath (Join-Path $folder 'places.geojson')
        $script = @("Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'", "Set-Location -LiteralPath '$folder'", '$ErrorActionPreference = ''Stop''')
        foreach ($example in $examples) {
            $script += "try { & { $($example.code -join "`n") } | Out-Null; 'RAN: $($example.title -replace "'", "''")' } catch { 'FAILED: $($example.title -replace "'", "''"): ' + `$_ }"
        }
        $file = Join-Path $folder 'examples.ps1'
        Set-Content -LiteralPath $file -Value ($script -join "`n") -Encoding utf8

        $run = Invoke-ChildPwsh -File $file -Environment @{ MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = $emulator.Url; NO_COLOR = '1'; TILES_PASSWORD = $password }

        $run.Error | Should -BeNullOrEmpty
        $run.Output | Should -Not -Match 'FAILED'
        ([regex]::Matches($run.Output, 'RAN: ')).Count | Should -Be $examples.Count
        # The Find-MapflowImagery and about_Mapflow examples save what they processed.
        Get-ChildItem (Join-Path $folder 'out') -Filter *.geojson | Should -Not -BeNullOrEmpty
        $run.Output | Should -Not -Match $password
        $sources = Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2' | ForEach-Object { @(($_.body | ConvertFrom-Json -AsHashtable).params.sourceParams.Keys) }
        $sources | Sort-Object -Unique | Should -Be @('imagerySearch', 'myImagery', 'userDefined')
        $priced = Get-EmulatorRequest $emulator -Method POST -Path '/processing/cost/v2' | ForEach-Object { @(($_.body | ConvertFrom-Json -AsHashtable).params.sourceParams.Keys) }
        $priced | Sort-Object -Unique | Should -Be @('dataProvider', 'imagerySearch', 'myImagery', 'userDefined')
    }
}
