# Find-MapflowImagery against an emulator process: QGIS's search body, every page read, filters, tolerant reading,
# and the images piped on as the source of Start-MapflowProcessing and Get-MapflowProcessingCost.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator
    function Clear-RequestLog { Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null }
    function Get-SearchBody { @(Get-EmulatorRequest $emulator -Method POST -Path '/catalog/meta' | ForEach-Object { $_.body | ConvertFrom-Json -AsHashtable }) }
    $script:aoi = Import-MapflowAoi $PlacesPath | Select-Object -First 1
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Find-MapflowImagery' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Clear-RequestLog
    }

    It 'reads every page of a search larger than the server''s page, each image once, typed' {
        $images = @($aoi | Find-MapflowImagery)

        $bodies = @(Get-SearchBody)
        $bodies.Count | Should -Be 2
        $bodies.offset | Should -Be @(0, 50)
        $bodies[0].limit | Should -Be 100
        $bodies[0].aoi.type | Should -Be 'Polygon'
        $images.Count | Should -Be 64
        @($images | ForEach-Object { "$($_.ProviderName)/$($_.Id)" } | Select-Object -Unique).Count | Should -Be 64
        $images[0].PSObject.TypeNames[0] | Should -Be 'Mapflow.CatalogImage'
        $images[0].AoiName | Should -Be $aoi.Name
        $images[0].Footprint.Contains($aoi.Geometry) | Should -BeTrue
        # The mosaics carry no date or cloud cover, and their zoom comes as text: all read.
        $mosaic = $images | Where-Object ProductType -eq 'Mosaic' | Select-Object -First 1
        $mosaic.AcquisitionDate | Should -BeNullOrEmpty
        $mosaic.Zoom | Should -Be 18
    }

    It 'sends the filters as QGIS names them, and what comes back meets them' {
        $found = @(Find-MapflowImagery -Aoi $aoi -From '2024-03-01' -To '2025-06-30' -MaxCloudCover 30 -MinOffNadir 2 -MaxOffNadir 20 `
            -MinResolution 0.3 -MaxResolution 0.6 -DataProvider orbview, pleiades_neo)

        $body = @(Get-SearchBody)[0]
        # A time without a zone is taken as UTC.
        $raw = @(Get-EmulatorRequest $emulator -Method POST -Path '/catalog/meta')[0].body
        $raw | Should -Match '"acquisitionDateFrom":"2024-03-01T00:00:00(\.0+)?(\+00:00|Z)"'
        $raw | Should -Match '"acquisitionDateTo":"2025-06-30T00:00:00(\.0+)?(\+00:00|Z)"'
        $body.maxCloudCover | Should -Be 30
        $body.minOffNadirAngle | Should -Be 2
        $body.maxOffNadirAngle | Should -Be 20
        $body.minResolution | Should -Be 0.3
        $body.maxResolution | Should -Be 0.6
        $body.dataProviders | Should -Be @('orbview', 'pleiades_neo')
        $found.Count | Should -BeGreaterThan 0
        $found.Count | Should -BeLessThan 30
        foreach ($image in $found) {
            $image.ProviderName | Should -BeIn 'orbview', 'pleiades_neo'
            if ($null -ne $image.CloudCover) { $image.CloudCover | Should -BeLessOrEqual 30 }
            if ($null -ne $image.OffNadirAngle) { $image.OffNadirAngle | Should -BeIn (2..20) }
            $image.PixelResolution | Should -BeLessOrEqual 0.6
            $image.AcquisitionDate.UtcDateTime | Should -BeGreaterOrEqual ([datetime]'2024-03-01')
        }
        # Missing metadata matches any filter.
        $found | Where-Object { $null -eq $_.CloudCover -or $null -eq $_.OffNadirAngle } | Should -Not -BeNullOrEmpty
    }

    It 'stops reading pages once -First has enough' {
        $three = @(Find-MapflowImagery -Aoi $aoi -First 3)
        $three.Count | Should -Be 3
        @(Get-SearchBody).Count | Should -Be 1
    }

    It 'leaves out an image it cannot read, with a warning, and keeps the others' {
        $null = Invoke-EmulatorControl $emulator faults -Method POST -Body @{ kind = 'unreadableItem'; method = 'POST'; path = '/catalog/meta' }
        $images = @(Find-MapflowImagery -Aoi $aoi -WarningVariable warned -WarningAction SilentlyContinue)
        $images.Count | Should -Be 63
        "$warned" | Should -Match 'CatalogImage'
    }

    It 'fails an AOI over searchAreaLimit on its own, and searches the others' {
        $big = Join-Path $TestDrive 'big.geojson'
        Set-Content -LiteralPath $big -Value '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Region"},"geometry":{"type":"Polygon","coordinates":[[[60,40],[61,40],[61,41],[60,41],[60,40]]]}}]}'
        $images = @(@(Import-MapflowAoi $big) + $aoi | Find-MapflowImagery -DataProvider vivid_mosaic -ErrorVariable failed -ErrorAction SilentlyContinue)
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.SearchAreaLimitExceeded,*'
        $failed[0].TargetObject.Name | Should -Be 'Region'
        $images.Count | Should -Be 4
        $images.AoiName | Select-Object -Unique | Should -Be $aoi.Name
    }

    It 'completes -DataProvider with the search providers of the account' {
        function Complete([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
        (Complete 'Find-MapflowImagery -DataProvider pl').CompletionText | Should -Be @('pleiades_neo')
        # The processing providers are another list.
        Complete 'Start-MapflowProcessing -DataProvider pl' | Should -BeNullOrEmpty
    }

    It 'refuses a range upside down before any request' {
        { Find-MapflowImagery -Aoi $aoi -From '2025-01-01' -To '2024-01-01' } | Should -Throw -ErrorId 'Imagery.InvalidRange,*'
        { Find-MapflowImagery -Aoi $aoi -MinOffNadir 20 -MaxOffNadir 10 } | Should -Throw -ErrorId 'Imagery.InvalidRange,*'
        { Find-MapflowImagery -Aoi $aoi -MinResolution 1 -MaxResolution 0.5 } | Should -Throw -ErrorId 'Imagery.InvalidRange,*'
        @(Get-SearchBody).Count | Should -Be 0
    }
}

Describe 'Search, then process' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Clear-RequestLog
    }

    It 'starts one processing whose source is the chosen images, piped in beside -Aoi' {
        $chosen = @(Find-MapflowImagery -Aoi $aoi -DataProvider pleiades_neo -MaxCloudCover 10 | Sort-Object AcquisitionDate -Descending | Select-Object -First 2)
        $chosen.Count | Should -Be 2

        $made = @($chosen | Start-MapflowProcessing -Aoi $aoi -Model Buildings)

        $made.Count | Should -Be 1
        $sent = @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2')[0].body | ConvertFrom-Json -AsHashtable
        $sent.params.sourceParams.Keys | Should -Be @('imagerySearch')
        $sent.params.sourceParams.imagerySearch.dataProvider | Should -BeExactly 'pleiades_neo'
        $sent.params.sourceParams.imagerySearch.imageIds | Should -Be @($chosen.Id | Sort-Object -CaseSensitive)
        $sent.params.sourceParams.imagerySearch.zoom | Should -Be 19
        $stored = Get-EmulatorProcessing $emulator | Where-Object id -eq $made[0].Id
        $stored | Should -Not -BeNullOrEmpty
        $echoed = ($made[0].Params.GetRawText() | ConvertFrom-Json).sourceParams.imagerySearch
        $echoed.imageIds | Should -Be @($chosen.Id | Sort-Object -CaseSensitive)
    }

    It 'takes AOIs piped in with -Image given, one processing per AOI, and prices the same way' {
        $two = Import-MapflowAoi $PlacesPath | Select-Object -First 2
        $image = Find-MapflowImagery -Aoi $two[0] -DataProvider orbview -First 1

        $estimates = @($two | Get-MapflowProcessingCost -Model Buildings -Image $image)
        $made = @($two | Start-MapflowProcessing -Model Buildings -Image $image)

        $estimates.Count | Should -Be 2
        $made.Count | Should -Be 2
        foreach ($path in '/processing/cost/v2', '/processings/v2') {
            $bodies = @(Get-EmulatorRequest $emulator -Method POST -Path $path | ForEach-Object { $_.body | ConvertFrom-Json -AsHashtable })
            $bodies.Count | Should -Be 2
            $bodies | ForEach-Object { $_.params.sourceParams.imagerySearch.imageIds | Should -Be @($image.Id) }
        }
    }

    It 'searches over -Geometry, and the images pipe into a start over the same -Geometry' {
        $polygon = '{"type":"Polygon","coordinates":[[[69.21,41.29],[69.24,41.29],[69.24,41.31],[69.21,41.31],[69.21,41.29]]]}'
        $images = @(Find-MapflowImagery -Geometry $polygon -DataProvider orbview -First 2)
        $images.Count | Should -Be 2
        (@(Get-EmulatorRequest $emulator -Method POST -Path '/catalog/meta')[0].body | ConvertFrom-Json).aoi.coordinates[0][1] | Should -Be @(69.24, 41.29)

        $made = @($images | Start-MapflowProcessing -Geometry $polygon -Model Buildings -Name 'Chilonzor')

        $made.Count | Should -Be 1
        $sent = @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2')[0].body | ConvertFrom-Json -AsHashtable
        $sent.params.sourceParams.imagerySearch.imageIds | Should -Be @($images.Id | Sort-Object -CaseSensitive)
    }

    It 'still takes plain AOIs from the pipeline, with the account''s first provider' {
        $made = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings)
        $made.Count | Should -Be 2
        $bodies = @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2' | ForEach-Object { $_.body | ConvertFrom-Json -AsHashtable })
        $bodies | ForEach-Object { $_.params.sourceParams.dataProvider.providerName | Should -Be 'Mapbox' }
    }
}
