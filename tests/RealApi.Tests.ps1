# The module against the shapes and rules of the real API, as the emulator serves them by default: projects that
# already hold other clients' processings, pages capped at 50, the area limit of one processing in the project,
# 403s that concern one item, results reviewed, AOIs listed in an order of the server's own.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator

    function Add-Fault([hashtable] $Fault) { Invoke-EmulatorControl $emulator faults -Method POST -Body $Fault | Out-Null }
    function Set-EmulatorConfig([hashtable] $Config) { Invoke-EmulatorControl $emulator config -Method POST -Body $Config | Out-Null }

    # A GeoJSON file of squares in a row, each about $SideKm across (areas grow by $Grow km per square).
    function New-SquaresFile {
        param([int] $Count, [double] $SideKm, [double] $Grow = 0, [string] $Prefix = 'Square')
        $features = foreach ($i in 0..($Count - 1)) {
            $side = $SideKm + $i * $Grow
            $lat = 39.5; $lon = 64.0 + $i * 0.2
            $dLat = $side / 111.195; $dLon = $side / (111.195 * [math]::Cos(($lat + $dLat / 2) * [math]::PI / 180))
            @{ type = 'Feature'; properties = @{ name = '{0} {1:00}' -f $Prefix, ($i + 1) }
               geometry = @{ type = 'Polygon'; coordinates = @(, @(@($lon, $lat), @(($lon + $dLon), $lat), @(($lon + $dLon), ($lat + $dLat)), @($lon, ($lat + $dLat)), @($lon, $lat))) } }
        }
        $path = Join-Path $TestDrive "$Prefix-$Count-$([guid]::NewGuid().ToString('N').Substring(0, 6)).geojson"
        @{ type = 'FeatureCollection'; features = @($features) } | ConvertTo-Json -Depth 10 -Compress | Set-Content -LiteralPath $path -Encoding utf8NoBOM
        $path
    }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'A project that other clients use too' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'a second run of 60 starts creates nothing and emits the same 60, across pages the server caps at 50' {
        Set-EmulatorConfig @{ remainingCredits = 10000 }
        $file = New-SquaresFile -Count 60 -SideKm 0.3
        $p = New-MapflowProject -Name 'Sixty'

        $first = @(Import-MapflowAoi $file | Start-MapflowProcessing -Model Buildings -Project $p -ThrottleLimit 8)
        $second = @(Import-MapflowAoi $file | Start-MapflowProcessing -Model Buildings -Project $p -ThrottleLimit 8)

        $first.Count | Should -Be 60
        $second.Count | Should -Be 60
        ($second.Id | Sort-Object) | Should -Be ($first.Id | Sort-Object)
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 60
        (Get-EmulatorProcessing $emulator).Count | Should -Be 60
        # The listing was read past its first page: the server gave at most 50 whatever was asked for.
        $pages = @(Get-EmulatorRequest $emulator -Method POST -Path "/projects/$($p.Id)/processings/v2/page")
        ($pages.body | ConvertFrom-Json | Where-Object { -not $_.terms }).offset | Should -Contain 50
    }

    It 'Get-MapflowProcessing -Project lists every processing, ours and those of other clients, odd shapes and all' {
        Set-EmulatorConfig @{ remainingCredits = 10000 }
        $p = New-MapflowProject -Name 'Ours and theirs'
        Import-MapflowAoi (New-SquaresFile -Count 55 -SideKm 0.3) | Start-MapflowProcessing -Model Buildings -Project $p -ThrottleLimit 8 | Out-Null
        $theirs = @(Get-EmulatorProcessing $emulator -IncludeOtherClients | Where-Object { $_.otherClient -and $_.projectId -eq $p.Id })

        $listed = @(Get-MapflowProcessing -Project $p -WarningVariable warnings)

        $theirs.Count | Should -BeGreaterThan 0
        $listed.Count | Should -Be (55 + $theirs.Count)
        $warnings.Count | Should -Be 0
        $qgis = $listed | Where-Object Name -eq 'Кварталы Бухары (QGIS)'
        $qgis.Cost | Should -Be 12.5
        $qgis.Description | Should -BeNullOrEmpty
        ($listed | Where-Object Name -eq 'sdk-test').Status | Should -Be 'FAILED'
    }

    It 'a processing that cannot be read at all is left out with a warning naming it, and the others are listed' {
        $p = New-MapflowProject -Name 'One unreadable'
        Import-MapflowAoi (New-SquaresFile -Count 2 -SideKm 0.3) | Start-MapflowProcessing -Model Buildings -Project $p | Out-Null
        $all = @(Get-MapflowProcessing -Project $p)
        Add-Fault @{ method = 'POST'; path = "/projects/$($p.Id)/processings/v2/page"; kind = 'unreadableItem'; count = 1 }

        $listed = @(Get-MapflowProcessing -Project $p -WarningVariable warnings -WarningAction SilentlyContinue)

        $listed.Count | Should -Be ($all.Count - 1)
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -BeLike '*left out one Processing (id not-a-uuid) that could not be read*'
    }
}

Describe 'The area limit of one processing is the project owner''s' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It '-Group over AOIs whose sum passes the limit makes groups under it, and nothing is refused' {
        Set-EmulatorConfig @{ aoiAreaLimit = 25000000; remainingCredits = 10000 }
        $p = New-MapflowProject -Name 'Ten km2 each'
        $file = New-SquaresFile -Count 6 -SideKm ([math]::Sqrt(10))

        $started = @(Import-MapflowAoi $file | Start-MapflowProcessing -Model Buildings -Project $p -Group)

        $started.Count | Should -Be 3
        $started | ForEach-Object { $_.AoiCount | Should -Be 2; $_.AreaKm2 | Should -BeLessOrEqual 25 }
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2' | Where-Object status -ne 200).Count | Should -Be 0
        (Get-MapflowAccount).PSObject.Properties.Name | Should -Not -Contain 'AoiAreaLimitKm2'
        (Get-MapflowProject -Id $p.Id).AoiAreaLimitKm2 | Should -Be 25
    }

    It 'an AOI over the limit is refused locally, and the error says the limit is the project''s' {
        Set-EmulatorConfig @{ aoiAreaLimit = 5000000 }
        $p = New-MapflowProject -Name 'Small limit'

        Import-MapflowAoi (New-SquaresFile -Count 1 -SideKm 3) | Start-MapflowProcessing -Model Buildings -Project $p -ErrorVariable refused -ErrorAction SilentlyContinue | Out-Null

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Aoi.AreaTooLarge,*'
        $refused[0].Exception.Message | Should -BeLike "*over the limit of 5 km² (5,000,000 m²), the limit per processing of project 'Small limit' (its owner's user.aoiAreaLimit)*"
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }
}

Describe 'Models' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'a custom model linked to the project only is found by its plain name' {
        $p = New-MapflowProject -Name 'Custom model'
        (Get-MapflowModel).Name | Should -Not -Contain '☀️ Solar panels (custom)'

        $started = @(Import-MapflowAoi (New-SquaresFile -Count 1 -SideKm 0.5) | Start-MapflowProcessing -Model 'Solar panels' -Project $p)

        $started.Count | Should -Be 1
        $started[0].Model | Should -Be '☀️ Solar panels (custom)'
    }
}

Describe 'Refusals of one item' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'a 403 for a data provider outside the plan fails each start that uses it, and the command and script go on' {
        $p = New-MapflowProject -Name 'Provider not on the plan'
        $file = New-SquaresFile -Count 3 -SideKm 0.5

        $started = @(Import-MapflowAoi $file | Start-MapflowProcessing -Model Buildings -Project $p -DataProvider Maxar -ErrorVariable refused -ErrorAction SilentlyContinue)
        $after = @(Import-MapflowAoi $file | Start-MapflowProcessing -Model Buildings -Project $p -DataProvider Mapbox)

        $started.Count | Should -Be 0
        $refused.Count | Should -Be 3
        $refused | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'MapflowApi.Forbidden,*'
            $_.Exception.Message | Should -BeLike "*data provider 'Maxar'*"
            $_.ErrorDetails.RecommendedAction | Should -BeLike '*-DataProvider*'
        }
        $after.Count | Should -Be 3
    }

    It 'a 403 on one create fails that AOI alone' {
        $p = New-MapflowProject -Name 'One refused'
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'status'; status = 403; count = 1 }

        $started = @(Import-MapflowAoi (New-SquaresFile -Count 4 -SideKm 0.5) | Start-MapflowProcessing -Model Buildings -Project $p -ThrottleLimit 1 -ErrorVariable refused -ErrorAction SilentlyContinue)

        $started.Count | Should -Be 3
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.Forbidden,*'
        $refused[0].TargetObject.Name | Should -Be 'Square 01'
    }

    It 'a 403 on the account itself still ends the command' {
        Add-Fault @{ method = 'GET'; path = '/user/status'; kind = 'status'; status = 403; count = 1 }
        { Get-MapflowAccount -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'MapflowApi.Forbidden,Mapflow.PowerShell.Commands.GetMapflowAccountCommand'
    }
}

Describe 'Looking a start up after an unclear create' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'finds the processing by scanning the newest ones when the terms search does not see it yet: one processing' {
        Set-EmulatorConfig @{ searchIndexLagMs = 600000 }
        $p = New-MapflowProject -Name 'Lagging search'
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'drop'; count = 1 }

        $started = @(Import-MapflowAoi (New-SquaresFile -Count 1 -SideKm 0.5) | Start-MapflowProcessing -Model Buildings -Project $p)

        $started.Count | Should -Be 1
        (Get-EmulatorProcessing $emulator).Count | Should -Be 1
        $started[0].Id | Should -Be (Get-EmulatorProcessing $emulator)[0].id
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 1
    }
}

Describe 'Results' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It '-PerAoi names each file after the source AOI whose geometry it covers, though the server lists the AOIs in its own order' {
        # Areas grow with the index, and the emulator lists AOIs largest first: the reverse of the request's order.
        $file = New-SquaresFile -Count 4 -SideKm 0.3 -Grow 0.2 -Prefix 'Village'
        $sources = @(Import-MapflowAoi $file)
        $grouped = @($sources | Start-MapflowProcessing -Model Buildings -GroupSize 4 | Wait-MapflowProcessing -PollInterval 0.2)
        $grouped.Count | Should -Be 1

        $saved = @($grouped | Save-MapflowResult -Path $out -PerAoi)

        ($saved.AoiName | Sort-Object) | Should -Be @('Village 01', 'Village 02', 'Village 03', 'Village 04')
        foreach ($result in $saved) {
            $box = ($sources | Where-Object Name -eq $result.AoiName).Geometry.EnvelopeInternal
            $features = (Get-Content -LiteralPath $result.Path -Raw | ConvertFrom-Json -Depth 30).features
            $features.Count | Should -BeGreaterThan 0
            # The villages are 0.2° apart; a feature within 0.01° of one is that village's.
            foreach ($feature in $features) {
                foreach ($position in $feature.geometry.coordinates[0]) {
                    $position[0] | Should -BeGreaterOrEqual ($box.MinX - 0.01)
                    $position[0] | Should -BeLessOrEqual ($box.MaxX + 0.01)
                }
            }
        }
    }

    It 'asks for JSON only where JSON comes back: the result and the cost are not refused with 406' {
        $p = New-MapflowProject -Name 'Headers'
        $file = New-SquaresFile -Count 2 -SideKm 0.5
        Import-MapflowAoi $file | Start-MapflowProcessing -Model Buildings -Project $p -WhatIf 6>$null
        Import-MapflowAoi $file | Start-MapflowProcessing -Model Buildings -Project $p | Wait-MapflowProcessing -PollInterval 0.2 | Save-MapflowResult -Path $out | Out-Null

        $requests = @(Get-EmulatorRequest $emulator)
        @($requests | Where-Object status -eq 406).Count | Should -Be 0
        @($requests | Where-Object path -like '*/result').Count | Should -Be 2
        @($requests | Where-Object { $_.path -like '*/result' -or $_.path -eq '/processing/cost/v2' } | Where-Object accept -like '*application/json*').Count | Should -Be 0
        ($requests | Where-Object path -eq '/user/status')[0].accept | Should -Be 'application/json'
    }
}

Describe 'Review of results' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Set-EmulatorConfig @{ reviewWorkflowEnabled = $true }
        $script:out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'a rejected result is not final: Wait waits for the review, Save refuses it, and the object shows the review status' {
        $p = New-MapflowProject -Name 'Reviewed'
        $started = @(Import-MapflowAoi (New-SquaresFile -Count 1 -SideKm 0.5) | Start-MapflowProcessing -Model Buildings -Project $p)
        Invoke-EmulatorControl $emulator "processings/$($started[0].Id)/status" -Method POST -Body @{ status = 'OK'; reviewStatus = 'NOT_ACCEPTED' } | Out-Null

        $rejected = Get-MapflowProcessing -Id $started[0].Id
        $rejected.Status | Should -Be 'OK'
        $rejected.ReviewStatus.Status | Should -Be 'NOT_ACCEPTED'
        ($rejected | Format-Table | Out-String -Width 120) | Should -BeLike '*NOT_ACCEPTED*' -Because 'the table shows the review status, as QGIS does'
        $rejected | Save-MapflowResult -Path $out -ErrorVariable notReady -ErrorAction SilentlyContinue | Out-Null
        $notReady[0].FullyQualifiedErrorId | Should -BeLike 'Result.NotReady,*'
        $notReady[0].Exception.Message | Should -BeLike '*NOT_ACCEPTED*'

        $waited = @($rejected | Wait-MapflowProcessing -PollInterval 0.2 -Timeout 1 -ErrorVariable late -ErrorAction SilentlyContinue)
        $waited.Count | Should -Be 0
        $late[0].FullyQualifiedErrorId | Should -BeLike 'Processing.WaitTimeout,*'

        Invoke-EmulatorControl $emulator "processings/$($started[0].Id)/status" -Method POST -Body @{ reviewStatus = 'ACCEPTED' } | Out-Null
        $accepted = @($rejected | Wait-MapflowProcessing -PollInterval 0.2 -Timeout 10)
        $accepted.Count | Should -Be 1
        $accepted[0].ReviewStatus.Status | Should -Be 'ACCEPTED'
        @($accepted | Save-MapflowResult -Path $out).Count | Should -Be 1
    }
}
