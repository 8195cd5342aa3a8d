# Export-MapflowReport over real runs against an emulator process, and the report in a real browser.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'Browser.ps1')
    $script:emulator = Start-ConnectedEmulator -Argument '--Emulator:ProcessingDurationMs=0'
    function Set-Status([guid] $Id, [hashtable] $Body) { Invoke-EmulatorControl $emulator "processings/$Id/status" -Method POST -Body $Body | Out-Null }

    # Four villages: Cyrillic, quotes and markup, a script that must never run, and one that fails.
    $script:hostile = '<script>console.log("XSS-RAN")</script><img src=x onerror="console.log(''XSS-RAN'')">'
    $names = @('Бухара «центр»', 'Say "hi" & <b>bold</b>', $hostile, 'Failing village')
    $features = for ($i = 0; $i -lt $names.Count; $i++) {
        $x = 64.4 + 0.05 * $i
        @{ type = 'Feature'; properties = @{ name = $names[$i] }
           geometry = @{ type = 'Polygon'; coordinates = @(, @(@($x, 39.7), @(($x + 0.01), 39.7), @(($x + 0.01), 39.71), @($x, 39.71), @($x, 39.7))) } }
    }
    $script:aoiFile = Join-Path $TestDrive 'villages.geojson'
    @{ type = 'FeatureCollection'; features = @($features) } | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $aoiFile -Encoding utf8

    # A run with one processing per village, the last one FAILED before Wait sees it; saved into $Folder.
    function Invoke-Run([string] $Folder, [string] $Project, [hashtable] $Save = @{}, [hashtable] $Start = @{}) {
        $p = New-MapflowProject -Name $Project
        $started = @(Import-MapflowAoi $aoiFile | Start-MapflowProcessing -Model Buildings -Project $p @Start)
        $failing = $started | Where-Object Name -like '*Failing*'
        foreach ($f in $failing) { Set-Status $f.Id @{ status = 'FAILED' } }
        $started | Wait-MapflowProcessing -PollInterval 0.1 -ErrorAction SilentlyContinue | Save-MapflowResult -Path $Folder @Save
    }
    function Get-Rows([string] $Html) { [regex]::Matches($Html, '<tr id="row-\d+"') }
    function Get-Summary([string] $Html, [string] $Id) { if ($Html -match "<dd id=""sum-$Id""[^>]*>([^<]*)</dd>") { $Matches[1] -replace ',', '' } }

    $script:out = Join-Path $TestDrive 'run'
    $script:report = Join-Path $out 'report.html'
    $script:written = Invoke-Run $out 'Report run' | Export-MapflowReport -Path $report -Title 'Villages <near> Bukhara'
    $script:html = Get-Content -LiteralPath $report -Raw -Encoding utf8
    $script:manifest = Get-Content -LiteralPath (Join-Path $out 'mapflow-manifest.json') -Raw | ConvertFrom-Json
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Export-MapflowReport' {
    It 'writes one report object whose numbers are those of the saved files' {
        $written.Path | Should -Be $report
        $written.Aois | Should -Be 4
        $written.Processings | Should -Be 4
        $written.Failed | Should -Be 1
        $saved = @($manifest | Where-Object file)
        $written.Features | Should -Be ($saved | Measure-Object featureCount -Sum).Sum
        $written.Features | Should -BeGreaterThan 0
        $written.Length | Should -Be (Get-Item $report).Length
    }

    It 'shows the same numbers on the page: processings, AOIs, features, failures, credits' {
        Get-Summary $html 'processings' | Should -Be '4'
        Get-Summary $html 'aois' | Should -Be '4'
        Get-Summary $html 'failed' | Should -Be '1'
        Get-Summary $html 'features' | Should -Be "$(($manifest | Where-Object file | Measure-Object featureCount -Sum).Sum)"
        $cost = ($manifest.processingId | Select-Object -Unique | ForEach-Object { Get-MapflowProcessing -Id $_ } | Measure-Object Cost -Sum).Sum
        [double](Get-Summary $html 'credits') | Should -Be $cost
        Get-Summary $html 'project' | Should -Be 'Report run'
    }

    It 'has one row per AOI, the failed one with its status and reason, saved ones with a relative link' {
        (Get-Rows $html).Count | Should -Be 4
        $html | Should -Match 'data-status="FAILED"'
        $failedRow = [regex]::Match($html, '<tr id="row-\d+" data-row="\d+" data-status="FAILED">.*?</tr>').Value
        $failedRow | Should -Match 'Failing village'
        $failure = Get-MapflowProcessing -Id ($manifest | Where-Object { -not $_.file }).processingId
        $failedRow | Should -Match ([regex]::Escape('class="err">' + $failure.MessageSummary() + '<'))
        foreach ($entry in $manifest | Where-Object file) {
            $html | Should -Match ([regex]::Escape('href="' + [uri]::EscapeDataString($entry.file) + '"'))
        }
    }

    It 'records the processing Save could not save in the manifest, with its status and reason' {
        $unsaved = @($manifest | Where-Object { -not $_.file })
        $unsaved.Count | Should -Be 1
        $unsaved[0].processingName | Should -Be 'Failing village'
        $unsaved[0].status | Should -Be 'FAILED'
        $unsaved[0].reason | Should -Match 'no result to save'
    }

    It 'needs nothing from the network: no external URL, stylesheet or script, and a policy that allows none' {
        $html | Should -Not -Match '(src|href)="(https?:)?//'
        $html | Should -Not -Match '<link\b'
        $html | Should -Not -Match '@import'
        $html | Should -Match "<meta http-equiv=""Content-Security-Policy"" content=""default-src 'none';"
        ([regex]::Matches($html, '<script\b')).Count | Should -Be 1
    }

    It 'escapes every name: markup in AOI names and the title is text' {
        $html | Should -Not -Match ([regex]::Escape('<script>console.log("XSS-RAN")'))
        $html | Should -Not -Match '<img\b'
        $html | Should -Not -Match '<b>bold'
        $html | Should -Match ([regex]::Escape('&lt;script&gt;console.log(&quot;XSS-RAN&quot;)&lt;/script&gt;'))
        $html | Should -Match ([regex]::Escape('Villages &lt;near&gt; Bukhara'))
        $html | Should -Match 'Бухара «центр»'
    }

    It 'from the folder alone (-ResultPath) writes the same rows and totals' {
        $again = Join-Path $TestDrive 'again.html'
        $fromFolder = Export-MapflowReport -ResultPath $out -Path $again
        $fromFolder.Aois | Should -Be $written.Aois
        $fromFolder.Features | Should -Be $written.Features
        $fromFolder.Failed | Should -Be 1
        $fromFolder.Credits | Should -Be $written.Credits
        (Get-Rows (Get-Content $again -Raw)).Count | Should -Be 4
    }

    It 'counts files that were already there as skipped' {
        $second = Get-MapflowProcessing -Project 'Report run' | Where-Object Id -in $manifest.processingId | Save-MapflowResult -Path $out -ErrorAction SilentlyContinue |
            Export-MapflowReport -Path (Join-Path $TestDrive 'second.html')
        $second.Skipped | Should -Be 3
        $second.Failed | Should -Be 1
    }

    It 'reports a grouped run saved per AOI: one row per village, each with its own features' {
        $folder = Join-Path $TestDrive 'grouped'
        $r = Invoke-Run $folder 'Report grouped' -Start @{ GroupSize = 2 } -Save @{ PerAoi = $true } | Export-MapflowReport -Path (Join-Path $folder 'r.html')
        $r.Processings | Should -Be 2
        $r.Aois | Should -Be 4
        $page = Get-Content (Join-Path $folder 'r.html') -Raw
        (Get-Rows $page).Count | Should -Be 4
        $html | Should -Match '&lt;script&gt;'
        $r.Features | Should -Be ((Get-Content (Join-Path $folder 'mapflow-manifest.json') -Raw | ConvertFrom-Json | Where-Object file | Measure-Object featureCount -Sum).Sum)
    }

    It 'reports a merged save, counting each AOI''s features from the merged file' {
        $folder = Join-Path $TestDrive 'merged'
        New-Item -ItemType Directory $folder | Out-Null
        $p = New-MapflowProject -Name 'Report merged'
        $done = @(Import-MapflowAoi $aoiFile | Select-Object -First 3 | Start-MapflowProcessing -Model Buildings -Project $p | Wait-MapflowProcessing -PollInterval 0.1)
        $r = $done | Save-MapflowResult -Merge (Join-Path $folder 'all.geojson') | Export-MapflowReport -Path (Join-Path $folder 'r.html')
        $r.Aois | Should -Be 3
        $page = Get-Content (Join-Path $folder 'r.html') -Raw
        $counts = [regex]::Matches($page, '<td class="n" data-v="(\d+)">\d+</td><td><a href="all.geojson"') | ForEach-Object { [int]$_.Groups[1].Value }
        $counts.Count | Should -Be 3
        ($counts | Measure-Object -Sum).Sum | Should -Be $r.Features
    }

    It 'with -WhatIf writes nothing and reads nothing' {
        Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null
        $target = Join-Path $TestDrive 'whatif.html'
        Export-MapflowReport -ResultPath $out -Path $target -WhatIf
        Test-Path $target | Should -BeFalse
        @(Get-EmulatorRequest $emulator -Path '/processings/*').Count | Should -Be 0
    }

    It 'ends on a refused token (MapflowApi.Unauthorized), and writes no report' {
        Invoke-EmulatorControl $emulator faults -Method POST -Body @{ method = 'GET'; path = '/processings/*/v2'; kind = 'status'; status = 401; count = 100 } | Out-Null
        $target = Join-Path $TestDrive 'refused.html'
        try { { Export-MapflowReport -ResultPath $out -Path $target } | Should -Throw -ErrorId 'MapflowApi.Unauthorized,*' }
        finally { Invoke-EmulatorControl $emulator faults -Method DELETE | Out-Null }
        Test-Path $target | Should -BeFalse
    }

    It 'keeps a row, with the error, for a processing that cannot be read; the others are whole' {
        $lost = ($manifest | Where-Object file | Select-Object -First 1).processingId
        Invoke-EmulatorControl $emulator faults -Method POST -Body @{ method = 'GET'; path = "/processings/$lost/v2"; kind = 'drop'; count = 100 } | Out-Null
        $target = Join-Path $TestDrive 'lost.html'
        # Retries a few milliseconds apart, so the lost reads give up quickly.
        $quick = Connect-Quick $emulator
        try { $r = Export-MapflowReport -ResultPath $out -Path $target -Session $quick -WarningVariable warned -WarningAction SilentlyContinue }
        finally { Invoke-EmulatorControl $emulator faults -Method DELETE | Out-Null }
        $r.Aois | Should -Be 4
        $warned -join "`n" | Should -Match "Processing $lost could not be read"
        $page = Get-Content $target -Raw
        [regex]::Match($page, "<tr id=""row-\d+"" data-row=""\d+"" data-status=""UNKNOWN"">.*?</tr>").Value | Should -Match 'could not be read'
    }

    It 'with nothing to report is Report.NoInput, and a folder without a manifest is Report.NoManifest' {
        { @() | Export-MapflowReport -Path (Join-Path $TestDrive 'none.html') } | Should -Throw -ErrorId 'Report.NoInput,*'
        { Export-MapflowReport -ResultPath $TestDrive -Path (Join-Path $TestDrive 'none.html') } | Should -Throw -ErrorId 'Report.NoManifest,*'
        Test-Path (Join-Path $TestDrive 'none.html') | Should -BeFalse
    }
}

Describe 'The report in a headless browser' {
    BeforeAll {
        $script:browser = Get-HeadlessChromium
        $script:shot = Join-Path $TestDrive 'report.png'
        $script:page = Invoke-HeadlessChromium -Browser $browser -Page $report -Screenshot $shot
        $script:dom = (Invoke-HeadlessChromium -Browser $browser -Page $report -DumpDom).Dom
    }

    It 'runs its own script, and only it: the ready line is logged and the hostile name ran nothing' {
        $page.Console -join "`n" | Should -Match 'mapflow-report ready: 4 AOI rows, 4 AOIs on the map'
        $page.Log | Should -Not -Match 'XSS-RAN'
        $page.Log | Should -Not -Match 'Content Security Policy'
    }

    It 'draws the map: AOI outlines in the status colours and result footprints' {
        $pixels = Measure-PngColour -Path $shot -Within '#f6f8fa' -Colour '#2e7d32', '#c62828'
        $pixels.Box | Should -Not -BeNullOrEmpty -Because 'the map area has its own background'
        $pixels.Counts['#2e7d32'] | Should -BeGreaterThan 50 -Because 'OK AOIs are outlined in green'
        $pixels.Counts['#c62828'] | Should -BeGreaterThan 20 -Because 'the failed AOI is outlined in red'
        # Footprints of 8-25 m are a pixel or two at this scale, blended at their edges: near the blue, not on it.
        $blue = Measure-PngColour -Path $shot -Within '#f6f8fa' -Colour '#1565c0' -Tolerance 90
        $blue.Counts['#1565c0'] | Should -BeGreaterThan 5 -Because 'result footprints are drawn in blue'
    }

    It 'shows one table row per AOI, and the hostile name as text' {
        ([regex]::Matches($dom, '<tr id="row-\d+"')).Count | Should -Be 4
        $dom | Should -Match ([regex]::Escape('&lt;script&gt;console.log("XSS-RAN")&lt;/script&gt;'))
        ([regex]::Matches($dom, '<script\b')).Count | Should -Be 1
        $dom | Should -Not -Match '<img\b'
        $dom | Should -Match '4 of 4'
    }
}
