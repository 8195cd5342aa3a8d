# Bulk runs that are safe to repeat: validation, grouping, cost control, idempotent starts, resumable saves.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator
    $script:mixed = Join-Path $PSScriptRoot 'data/mixed.geojson'
    $script:hamlets = Join-Path $PSScriptRoot 'data/hamlets.geojson'
    $script:buildingsId = '8cb13006-a299-4df6-b47d-91bd63de947f'

    function Add-Fault([hashtable] $Fault) { Invoke-EmulatorControl $emulator faults -Method POST -Body $Fault | Out-Null }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Import-MapflowAoi validation' {
    It 'yields exactly the valid AOIs and one error per bad feature, naming file, index, name and reason' {
        $aois = @(Import-MapflowAoi $mixed -ErrorVariable problems -ErrorAction SilentlyContinue)

        $aois.Name | Should -Be @('Valid', 'Three parts', 'With heights', 'Бой', 'Бой')
        ($aois | Where-Object Name -eq 'Three parts').PolygonCount | Should -Be 3
        $ids = $problems | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*$' }
        $ids | Should -Be @('Aoi.SelfIntersection', 'Aoi.UnsupportedGeometryType', 'Aoi.UnsupportedGeometryType', 'Aoi.NullGeometry',
            'Aoi.UnclosedRing', 'Aoi.CoordinatesOutOfRange')
        $problems | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'InvalidData' }
        $problems[0].Exception.Message | Should -BeLike '*mixed.geojson feature #1 ''Bow tie''*self-intersection*'
        $problems[1].Exception.Message | Should -BeLike '*#2 ''Village node''*Point*'
        $problems[1].TargetObject.Index | Should -Be 2
    }

    It 'repairs what is safe with -Repair and says so' {
        $aois = @(Import-MapflowAoi $mixed -Repair -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue)

        $aois.Name | Should -Contain 'Bow tie'
        $aois.Name | Should -Contain 'With heights'
        $aois.Name | Should -Contain 'Unclosed'
        ($aois | Where-Object Name -eq 'With heights').Repairs | Should -Contain 'dropped Z'
        ($aois | Where-Object Name -eq 'Bow tie').Repairs | Should -Contain 'fixed self-intersection'
        ($problems | ForEach-Object { $_.FullyQualifiedErrorId -replace ',.*$' }) | Should -Be @('Aoi.UnsupportedGeometryType', 'Aoi.UnsupportedGeometryType', 'Aoi.NullGeometry', 'Aoi.CoordinatesOutOfRange')
        $warnings.Count | Should -Be 1
    }

    It 'sends nothing invalid: a start over the mixed file creates one processing per valid AOI' {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Import-MapflowAoi $mixed -ErrorAction SilentlyContinue | Start-MapflowProcessing -Model Buildings | Out-Null
        $creates = @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2')
        $creates.Count | Should -Be 5
        ($creates | ForEach-Object { ($_.body | ConvertFrom-Json).geometry.type } | Sort-Object) | Should -Be @('MultiPolygon', 'Polygon', 'Polygon', 'Polygon', 'Polygon')
    }

    It 'checks the account limits locally and sends nothing over them' {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $sliver = '{"type":"Polygon","coordinates":[[[64.0,39.0],[64.06,39.06],[64.0601,39.0599],[64.0,39.0]]]}'
        { Start-MapflowProcessing -Geometry $sliver -Model Buildings -Name 'Canal' -ErrorAction Stop } | Should -Throw -ErrorId 'Aoi.BoundingBoxTooLarge,Mapflow.PowerShell.Commands.StartMapflowProcessingCommand'
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }
}

Describe 'Grouping and cost' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'packs 25 small AOIs into 3 processings with -GroupSize 10, and the -WhatIf estimate matches what the emulator charges' {
        $p = New-MapflowProject -Name 'Hamlets'
        $aois = @(Import-MapflowAoi $hamlets)
        $aois.Count | Should -Be 25

        $whatIf = Import-MapflowAoi $hamlets | Start-MapflowProcessing -Model Buildings -Project $p -GroupSize 10 -WhatIf 6>&1 | Out-String
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
        $whatIf -match "What if: 3 processing\(s\) in project 'Hamlets', 25 AOI\(s\), [\d.]+ km², (\d+) credits" | Should -BeTrue
        $estimate = [int]$Matches[1]
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processing/cost/v2').Count | Should -Be 3

        $before = (Get-MapflowAccount).RemainingCredits
        $started = @(Import-MapflowAoi $hamlets | Start-MapflowProcessing -Model Buildings -Project $p -GroupSize 10)

        $started.Count | Should -Be 3
        ($started | Sort-Object Name).AoiCount | Should -Be @(10, 10, 5)
        $charged = $before - (Get-MapflowAccount).RemainingCredits
        $charged | Should -Be $estimate
        ($started | Measure-Object Cost -Sum).Sum | Should -Be $estimate
        $again = Import-MapflowAoi $hamlets | Start-MapflowProcessing -Model Buildings -Project $p -GroupSize 10 -WhatIf 6>&1 | Out-String
        $again | Should -BeLike "*What if: 0 processing(s) in project 'Hamlets', 0 AOI(s), 0 km², 0 credits (3 already started, not counted)*"
        $ungrouped = (Import-MapflowAoi $hamlets | Get-MapflowProcessingCost -Model Buildings | Measure-Object Credits -Sum).Sum
        $ungrouped | Should -BeGreaterThan $estimate -Because 'each processing is billed at least 1 km²'
    }

    It 'Get-MapflowProcessingCost prices each planned processing without creating anything' {
        $estimates = @(Import-MapflowAoi $hamlets | Get-MapflowProcessingCost -Model Buildings -Group)
        $estimates.Count | Should -Be 3
        $estimates[0].AoiNames.Count | Should -Be 10
        $estimates | ForEach-Object { $_.Credits | Should -BeGreaterThan 0 }
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }

    It '-MaxCredits stops before a start would cross the budget' {
        $p = New-MapflowProject -Name 'Budget'
        # Every hamlet alone is billed 1 km² x 5 credits.
        $started = @(Import-MapflowAoi $hamlets | Select-Object -First 6 | Start-MapflowProcessing -Model Buildings -Project $p -MaxCredits 12 -ThrottleLimit 1 -ErrorVariable budget -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $started.Count | Should -Be 2
        (Get-EmulatorProcessing $emulator).Count | Should -Be 2
        ((Get-EmulatorProcessing $emulator) | Measure-Object cost -Sum).Sum | Should -BeLessOrEqual 12
        $budget.Count | Should -Be 1
        $budget[0].FullyQualifiedErrorId | Should -BeLike 'Processing.BudgetExceeded*'
    }
}

Describe 'Idempotent starts' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'a create whose connection drops after the server made it yields exactly one processing' {
        $p = New-MapflowProject -Name 'Dropped'
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'drop'; count = 1 }

        $started = @(Import-MapflowAoi $hamlets | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Project $p -Verbose 4>&1 |
            Tee-Object -Variable streams | Where-Object { $_ -is [Mapflow.Processing] })

        $started.Count | Should -Be 1
        (Get-EmulatorProcessing $emulator).Count | Should -Be 1
        $started[0].Id | Should -Be (Get-EmulatorProcessing $emulator)[0].id
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 1
        ($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n" | Should -BeLike '*found by its key*'
    }

    It '-Force with a lost answer reports the new processing it paid for, not the earlier one' {
        $p = New-MapflowProject -Name 'Forced and dropped'
        $first = @(Import-MapflowAoi $hamlets | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Project $p)
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'drop'; count = 1 }

        $second = @(Import-MapflowAoi $hamlets | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Project $p -Force)

        $second.Count | Should -Be 1
        $second[0].Id | Should -Not -Be $first[0].Id
        (Get-EmulatorProcessing $emulator).id | Should -Contain $second[0].Id
        (Get-EmulatorProcessing $emulator).Count | Should -Be 2
    }

    It '-Force starts again on purpose' {
        $p = New-MapflowProject -Name 'Forced'
        Import-MapflowAoi $hamlets | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings -Project $p | Out-Null
        Import-MapflowAoi $hamlets | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings -Project $p -Force | Out-Null
        (Get-EmulatorProcessing $emulator).Count | Should -Be 4
    }
}

Describe 'Saving many results' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'after an interrupted save, a re-run leaves complete files only and downloads only the missing ones' {
        $done = @(Import-MapflowAoi $hamlets | Select-Object -First 6 | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing -PollInterval 0.2)
        # Every download is cut short for now: this first save fails for all three and writes no file.
        Add-Fault @{ method = 'GET'; path = '/processings/*/result'; kind = 'truncate'; count = 1000 }
        Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null
        $session = Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -PassThru
        $session.Retry.MaxRetries = 1
        $session.Retry.BaseDelay = [timespan]::FromMilliseconds(20)
        $first = @($done | Select-Object -First 3 | Save-MapflowResult -Path $out -ErrorAction SilentlyContinue -ErrorVariable failed)
        $first.Count | Should -Be 0
        $failed.Count | Should -Be 3
        @(Get-ChildItem $out -Force -File | Where-Object Name -ne 'mapflow-manifest.json').Count | Should -Be 0 -Because 'a truncated download never reaches its final name'

        Invoke-EmulatorControl $emulator faults -Method DELETE | Out-Null
        $partial = @($done | Select-Object -First 2 | Save-MapflowResult -Path $out)
        $partial.Count | Should -Be 2
        Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null

        $rerun = @($done | Save-MapflowResult -Path $out)

        $rerun.Count | Should -Be 6
        @($rerun | Where-Object Skipped).Count | Should -Be 2
        @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*/result').Count | Should -Be 4
        @(Get-ChildItem $out -Force -Filter '*.partial').Count | Should -Be 0
        Get-ChildItem $out -Filter *.geojson | ForEach-Object {
            (Get-Content -LiteralPath $_.FullName -Raw | ConvertFrom-Json -Depth 30).features.Count | Should -Be 5
        }
        $manifest = Get-Content (Join-Path $out 'mapflow-manifest.json') -Raw | ConvertFrom-Json
        $manifest.Count | Should -Be 6
        foreach ($entry in $manifest) {
            (Get-FileHash -LiteralPath (Join-Path $out $entry.file) -Algorithm SHA256).Hash | Should -Be $entry.sha256.ToUpperInvariant()
            $entry.featureCount | Should -Be 5
            $entry.processingName | Should -Match '^Hamlet \d\d$'
        }
    }

    It '-PerAoi splits a grouped processing back into one file per source AOI' {
        $grouped = @(Import-MapflowAoi $hamlets | Select-Object -First 4 | Start-MapflowProcessing -Model Buildings -GroupSize 10 | Wait-MapflowProcessing -PollInterval 0.2)
        $grouped.Count | Should -Be 1

        $saved = @($grouped | Save-MapflowResult -Path $out -PerAoi)

        $saved.Count | Should -Be 4
        ($saved.AoiName | Sort-Object) | Should -Be @('Hamlet 01', 'Hamlet 02', 'Hamlet 03', 'Hamlet 04')
        foreach ($file in $saved) {
            Split-Path $file.Path -Leaf | Should -Match "^$($file.AoiName)_[0-9a-f]{8}\.geojson$"
            $expected = Invoke-RestMethod -Uri "$($emulator.Url)/processings/$($file.ProcessingId)/result?aoiId=$($file.AoiId)" -Headers @{ Authorization = "Basic $($emulator.Token)" }
            $json = Get-Content -LiteralPath $file.Path -Raw | ConvertFrom-Json -Depth 30
            ($json.features.geometry | ConvertTo-Json -Depth 10 -Compress) | Should -Be ($expected.features.geometry | ConvertTo-Json -Depth 10 -Compress)
        }
    }

    It '-Merge writes one FeatureCollection with the source processing and AOI on every feature' {
        $p = New-MapflowProject -Name 'Merge'
        $grouped = @(Import-MapflowAoi $hamlets | Select-Object -First 3 | Start-MapflowProcessing -Model Buildings -Project $p -GroupSize 10)
        $single = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings -Project $p)
        $all = @($grouped + $single | Wait-MapflowProcessing -PollInterval 0.2)
        $merged = Join-Path $out 'all.geojson'

        $result = @($all | Save-MapflowResult -Merge $merged)

        $result.Count | Should -Be 1
        $json = Get-Content -LiteralPath $merged -Raw -Encoding utf8 | ConvertFrom-Json -Depth 30
        $json.type | Should -Be 'FeatureCollection'
        $json.features.Count | Should -Be (5 * 5)
        $result[0].FeatureCount | Should -Be 25
        ($json.features.properties.mapflow_aoi_name | Sort-Object -Unique) | Should -Be @('Hamlet 01', 'Hamlet 02', 'Hamlet 03', 'Авазли', 'Бой') -Because 'grouped AOIs keep their source names'
        $json.features | ForEach-Object { $_.properties.mapflow_processing_id | Should -BeIn $all.Id }
        @($json.features | Where-Object { $_.properties.mapflow_aoi_name -eq 'Hamlet 02' }).Count | Should -Be 5
        @($json.features | Where-Object { $_.properties.mapflow_aoi_id }).Count | Should -Be 15
        { $all | Save-MapflowResult -Merge $merged } | Should -Throw -ErrorId 'Result.MergeFileExists,Mapflow.PowerShell.Commands.SaveMapflowResultCommand'
    }

    It '-Format GeoPackage writes .gpkg files that read back with the right features' {
        $done = @(Import-MapflowAoi $hamlets | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing -PollInterval 0.2)

        $saved = @($done | Save-MapflowResult -Path $out -Format GeoPackage)
        $merged = @($done | Save-MapflowResult -Merge (Join-Path $out 'merged/all.gpkg') -Format GeoPackage)

        $saved.Count | Should -Be 2
        foreach ($file in $saved) {
            $file.Path | Should -Match '\.gpkg$'
            $features = @(Import-MapflowAoi -LiteralPath $file.Path -NameProperty id)
            $features.Count | Should -Be 5
            $expected = Get-EmulatorResult $emulator $file.ProcessingId
            ($features.Name | Sort-Object) | Should -Be ($expected.features.properties.id | ForEach-Object { "$_" } | Sort-Object)
        }
        @(Import-MapflowAoi -LiteralPath $merged[0].Path).Count | Should -Be 10
        @(Get-ChildItem $out -Recurse -Force -Include '*.partial', '*.download.geojson', '*.merge.geojson').Count | Should -Be 0
    }
}
