# The seed workflow end to end, over real HTTP against an emulator process.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator
    $script:places = Get-Content $PlacesPath -Raw | ConvertFrom-Json -Depth 20
    $script:buildingsId = '8cb13006-a299-4df6-b47d-91bd63de947f'
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'The design card pipelines' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings starts one processing per AOI with the file''s geometry' {
        Push-Location (Split-Path $PlacesPath)
        try { $started = @(Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings) }
        finally { Pop-Location }

        $started.Count | Should -Be $places.features.Count
        $creates = @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2')
        $creates.Count | Should -Be $places.features.Count
        foreach ($create in $creates) {
            $body = $create.body | ConvertFrom-Json -Depth 20
            $body.wdId | Should -Be $buildingsId
            $feature = @($places.features | Where-Object { ($_.geometry.coordinates | ConvertTo-Json -Depth 10 -Compress) -eq ($body.geometry.coordinates | ConvertTo-Json -Depth 10 -Compress) })
            $feature.Count | Should -BeGreaterOrEqual 1 -Because "the geometry of '$($body.name)' must be one of the file's, unchanged"
            $feature.properties.name | Should -Contain $body.name
            $body.meta.'mapflow-ps-key' | Should -Match '^[0-9a-f]{32}$'
        }
        (Get-EmulatorProcessing $emulator).Count | Should -Be $places.features.Count
        $started[0].PSObject.TypeNames | Should -Contain 'Mapflow.Processing'
    }

    It 'Get-MapflowProcessing -Project $p | Save-MapflowResult -Path out saves every result' {
        $p = New-MapflowProject -Name 'Design card two'
        Import-MapflowAoi $PlacesPath | Select-Object -First 4 | Start-MapflowProcessing -Model Buildings -Project $p | Wait-MapflowProcessing -PollInterval 0.2 | Out-Null

        $saved = @(Get-MapflowProcessing -Project $p | Save-MapflowResult -Path $out -ErrorVariable failed -ErrorAction SilentlyContinue)

        # The project also holds what other clients made there: their OK results are saved too, the failed one is reported.
        $theirs = @(Get-EmulatorProcessing $emulator -IncludeOtherClients | Where-Object { $_.otherClient -and $_.projectId -eq $p.Id })
        $theirs.Count | Should -BeGreaterThan 0
        $saved.Count | Should -Be (4 + @($theirs | Where-Object status -eq 'OK').Count)
        @(Get-ChildItem $out -Filter *.geojson).Count | Should -Be $saved.Count
        @($failed.FullyQualifiedErrorId -like 'Result.NoResult,*').Count | Should -Be @($theirs | Where-Object status -eq 'FAILED').Count
    }

    It 'runs the full chain: every result file is a FeatureCollection with the features the emulator made for it' {
        $p = New-MapflowProject -Name 'Full chain'
        $saved = @(Import-MapflowAoi $PlacesPath | Start-MapflowProcessing -Model Buildings -Project $p | Wait-MapflowProcessing -PollInterval 0.2 | Save-MapflowResult -Path $out)

        $saved.Count | Should -Be $places.features.Count
        foreach ($result in $saved) {
            Test-Path -LiteralPath $result.Path | Should -BeTrue
            $json = Get-Content -LiteralPath $result.Path -Raw -Encoding utf8 | ConvertFrom-Json -Depth 30
            $json.type | Should -Be 'FeatureCollection'
            $expected = Get-EmulatorResult $emulator $result.ProcessingId
            $json.features.Count | Should -Be $expected.features.Count
            $json.features.Count | Should -Be $result.FeatureCount
            ($json.features.geometry | ConvertTo-Json -Depth 10 -Compress) | Should -Be ($expected.features.geometry | ConvertTo-Json -Depth 10 -Compress)
        }
        @(Get-ChildItem $out -Filter *.partial -Force).Count | Should -Be 0
    }

    It 'gives processings with the same name distinct files, and keeps Cyrillic names' {
        $p = New-MapflowProject -Name 'Duplicates'
        $boi = @(Import-MapflowAoi $PlacesPath | Where-Object Name -eq 'Бой')
        $boi.Count | Should -Be 2

        $saved = @($boi | Start-MapflowProcessing -Model Buildings -Project $p | Wait-MapflowProcessing -PollInterval 0.2 | Save-MapflowResult -Path $out)

        $saved.Count | Should -Be 2
        ($saved.Path | Select-Object -Unique).Count | Should -Be 2
        $saved | ForEach-Object { Split-Path $_.Path -Leaf | Should -Match '^Бой_[0-9a-f]{8}\.geojson$' }
    }
}

Describe 'Progress' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'shows a bar for starting, waiting and saving, and closes each one' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($ModulePath, $Url, $Token, $Places, $Out)
                    Import-Module (Join-Path $ModulePath 'Mapflow.psd1')
                    Connect-Mapflow -Token $Token -ApiUrl $Url
                    Import-MapflowAoi $Places | Select-Object -First 3 | Start-MapflowProcessing -Model Buildings |
                        Wait-MapflowProcessing -PollInterval 0.2 | Save-MapflowResult -Path $Out
                }).AddParameters(@{ ModulePath = $ModulePath; Url = $emulator.Url; Token = $emulator.Token; Places = $PlacesPath; Out = (Join-Path $TestDrive 'progress') })
            $saved = $ps.Invoke()
            $saved.Count | Should -Be 3
            $progress = $ps.Streams.Progress
            foreach ($activity in 'Starting Mapflow processings', 'Waiting for Mapflow processings', 'Saving Mapflow results') {
                $records = @($progress | Where-Object Activity -eq $activity)
                $records.Count | Should -BeGreaterThan 1 -Because "'$activity' reports as it goes"
                $records[-1].RecordType | Should -Be 'Completed'
            }
            ($progress | Where-Object Activity -eq 'Starting Mapflow processings' | Where-Object RecordType -eq 'Processing')[-1].StatusDescription | Should -Be "3 of 3 started or found in project 'Default'"
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Start-MapflowProcessing' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'refuses an unknown model with a terminating error that lists the models, before creating anything' {
        $err = { Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model 'Houses' } | Should -Throw -PassThru -ErrorId 'Model.NotFound,Mapflow.PowerShell.Commands.StartMapflowProcessingCommand'
        $err.Exception.Message | Should -BeLike "*'🏠 Buildings'*"
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }

    It 'creates nothing with -WhatIf' {
        Import-MapflowAoi $PlacesPath | Select-Object -First 3 | Start-MapflowProcessing -Model Buildings -WhatIf
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }

    It 'starts nothing new when the same command runs twice' {
        $p = New-MapflowProject -Name 'Twice'
        $first = @(Import-MapflowAoi $PlacesPath | Select-Object -First 5 | Start-MapflowProcessing -Model Buildings -Project $p)
        $second = @(Import-MapflowAoi $PlacesPath | Select-Object -First 5 | Start-MapflowProcessing -Model Buildings -Project $p)

        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 5
        ($second.Id | Sort-Object) | Should -Be ($first.Id | Sort-Object)
        (Get-EmulatorProcessing $emulator).Count | Should -Be 5
    }
}

Describe 'Wait-MapflowProcessing' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'emits a FAILED processing with a Processing.Failed error carrying the API message codes' {
        $p = New-MapflowProject -Name 'Failing'
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings -Project $p)
        Invoke-EmulatorControl $emulator "processings/$($started[0].Id)/status" -Method POST -Body @{ status = 'FAILED' } | Out-Null

        $done = @($started | Wait-MapflowProcessing -PollInterval 0.2 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $done.Count | Should -Be 2
        ($done | Where-Object Id -eq $started[0].Id).Status | Should -Be 'FAILED'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'Processing.Failed*'
        $failures[0].Exception.Message | Should -BeLike '*dataloader.NoDataTile*'
        $failures[0].TargetObject.Id | Should -Be $started[0].Id
    }

    It 'reads again when the progress says the processing will finish, not a whole second later' {
        # 1.6 s of work: the first read, a second after the create, finds about 62 %, so the rest is due about
        # 0.6 s later. By the age alone the next read would come a second (up to 1.2 s) after the first.
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ processingDurationMs = 1600 } | Out-Null
        $p = New-MapflowProject -Name 'Progress-timed'
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Project $p)
        Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null

        $done = @($started | Wait-MapflowProcessing)

        $done.Status | Should -Be 'OK'
        $reads = @(Get-EmulatorRequest $emulator -Method POST -Path '/projects/*/processings/v2/page')
        $reads.Count | Should -BeIn 2, 3
        $gap = ([DateTimeOffset]$reads[1].time - [DateTimeOffset]$reads[0].time).TotalMilliseconds
        $gap | Should -BeGreaterOrEqual 249
        $gap | Should -BeLessThan 950
    }

    It 'polls through the project''s page listing, not one GET per processing' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ processingDurationMs = 1500 } | Out-Null
        $p = New-MapflowProject -Name 'Polling'
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 8 | Start-MapflowProcessing -Model Buildings -Project $p)
        Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null

        $done = @($started | Wait-MapflowProcessing -PollInterval 0.5)

        $done.Count | Should -Be 8
        $pages = @(Get-EmulatorRequest $emulator -Method POST -Path '/projects/*/processings/v2/page')
        $gets = @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*')
        $pages.Count | Should -BeGreaterThan 0
        $gets.Count | Should -Be 0
        $pages.Count | Should -BeLessThan 8
    }

    It 'reads the later pages of a long listing by the total the first page tells, never one GET per processing' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ processingDurationMs = 1500 } | Out-Null
        $p = New-MapflowProject -Name 'Long listing'
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 6 | Start-MapflowProcessing -Model Buildings -Project $p)
        # 6 of ours and 3 of other clients' in pages of 2: offsets 0, 2, 4, 6 and 8 each round.
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ maxPageSize = 2 } | Out-Null
        Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null

        $done = @($started | Wait-MapflowProcessing -PollInterval 0.5)

        $done.Count | Should -Be 6
        @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*').Count | Should -Be 0
        $offsets = @(Get-EmulatorRequest $emulator -Method POST -Path '/projects/*/processings/v2/page' | ForEach-Object { ($_.body | ConvertFrom-Json).offset })
        $rounds = @($offsets | Where-Object { $_ -eq 0 }).Count
        $rounds | Should -BeGreaterThan 0
        # The last round may stop early once everything it still waits for was seen.
        $offsets.Count | Should -BeLessOrEqual (5 * $rounds)
        @($offsets | Sort-Object -Unique) | Should -Be @(0, 2, 4, 6, 8)
    }

    It 'reports a processing deleted while waiting on its own and still emits the others' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ processingDurationMs = 1200 } | Out-Null
        $p = New-MapflowProject -Name 'Deleted'
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 3 | Start-MapflowProcessing -Model Buildings -Project $p)
        Invoke-RestMethod -Method Delete -Uri "$($emulator.Url)/processings/$($started[1].Id)" -Headers @{ Authorization = "Basic $($emulator.Token)" } | Out-Null

        $done = @($started | Wait-MapflowProcessing -PollInterval 0.2 -ErrorVariable gone -ErrorAction SilentlyContinue)

        ($done.Id | Sort-Object) | Should -Be (@($started[0].Id, $started[2].Id) | Sort-Object)
        $gone.Count | Should -Be 1
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.NotFound*'
        $gone[0].TargetObject.Id | Should -Be $started[1].Id
    }

    It 'gives up after -Timeout with a Processing.WaitTimeout error per unfinished processing' {
        $p = New-MapflowProject -Name 'Slow'
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings -Project $p)
        $started | ForEach-Object { Invoke-EmulatorControl $emulator "processings/$($_.Id)/status" -Method POST -Body @{ status = 'AWAITING' } | Out-Null }

        $done = @($started | Wait-MapflowProcessing -PollInterval 0.2 -Timeout 1 -ErrorVariable late -ErrorAction SilentlyContinue)

        $done.Count | Should -Be 0
        $late.Count | Should -Be 2
        $late | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'Processing.WaitTimeout*' }
    }
}

Describe 'Save-MapflowResult' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'writes a Result.NotReady error for a processing that is not OK, and no file, only its manifest entry' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ processingDurationMs = 60000 } | Out-Null
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings)
        $out = Join-Path $TestDrive 'notready'

        $saved = @($started | Save-MapflowResult -Path $out -ErrorVariable notReady -ErrorAction SilentlyContinue)

        $saved.Count | Should -Be 0
        $notReady[0].FullyQualifiedErrorId | Should -BeLike 'Result.NotReady*'
        # No result file; the manifest says which processings had none yet, and why.
        @(Get-ChildItem $out -File -Force | Where-Object Name -notlike '.mapflow-manifest.lock').Name | Should -Be 'mapflow-manifest.json'
        $unsaved = @(Get-Content (Join-Path $out 'mapflow-manifest.json') -Raw | ConvertFrom-Json)
        ($unsaved.processingId | Sort-Object) | Should -Be ($started.Id | Sort-Object)
        $unsaved.status | Sort-Object -Unique | Should -Not -Contain 'OK'
        $unsaved[0].reason | Should -Match 'no result to save yet'
    }

    It 'with -WhatIf downloads nothing and writes neither folder nor manifest' {
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing -PollInterval 0.2)
        $out = Join-Path $TestDrive 'whatif'

        $started | Save-MapflowResult -Path $out -WhatIf

        Test-Path $out | Should -BeFalse
        @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*/result').Count | Should -Be 0
    }

    It 'binds processing ids by property name' {
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing -PollInterval 0.2)
        $out = Join-Path $TestDrive 'byid'

        $saved = @($started | Select-Object @{ n = 'ProcessingId'; e = { $_.Id } } | Save-MapflowResult -Path $out)

        $saved.Count | Should -Be 2
        ($saved.ProcessingId | Sort-Object) | Should -Be ($started.Id | Sort-Object)
    }
}
