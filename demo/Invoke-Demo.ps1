<#
.SYNOPSIS
    The Mapflow bulk-processing guide as one PowerShell pipeline, against a freshly started local emulator.
.DESCRIPTION
    Starts the emulator on a free loopback port, creates a project, imports demo/places.geojson (settlement
    polygons around Bukhara, Cyrillic and Latin names, one name twice), starts one "🏠 Buildings" processing
    per village, waits with a progress bar, saves every result as GeoJSON and writes the run's report
    (report.html beside the results). Prints what it did and where the files are, then stops the emulator.
    With -Screenshot, also saves a picture of the report there (a headless Chromium is installed when missing).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [string] $OutputPath = (Join-Path $PSScriptRoot '../out/demo-results'),
    [string] $Screenshot
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../tests/Emulator.ps1')
Import-Module (Join-Path $ModulePath 'Mapflow.psd1') -Force

# 60 footprints per village, so the report's map shows them.
$emulator = Start-MapflowEmulator -EmulatorPath $EmulatorPath -Argument '--Emulator:ProcessingDurationMs=4000', '--Emulator:RemainingCredits=1000', '--Emulator:FeaturesPerAoi=60'
try {
    Write-Host "Emulator of the Mapflow API at $($emulator.Url)"
    Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url
    $account = Get-MapflowAccount
    Write-Host "Connected as $($account.Email): $($account.RemainingCredits) credits"

    $project = New-MapflowProject -Name "Villages near Bukhara $(Get-Date -Format 'yyyy-MM-dd HH:mm')"
    $places = Join-Path $PSScriptRoot 'places.geojson'
    $aois = Import-MapflowAoi $places
    Write-Host ("Read {0} AOIs ({1:N2} km² in all) from {2}" -f $aois.Count, ($aois | Measure-Object AreaKm2 -Sum).Sum, $places)

    $started = [System.Diagnostics.Stopwatch]::StartNew()
    $saved = $aois |
        Start-MapflowProcessing -Model Buildings -Project $project |
        Wait-MapflowProcessing -PollInterval 1 |
        Save-MapflowResult -Path $OutputPath
    $started.Stop()

    $saved | Sort-Object ProcessingName | Format-Table -AutoSize | Out-Host
    $spent = $account.RemainingCredits - (Get-MapflowAccount).RemainingCredits
    Write-Host ("{0} result files, {1:N0} building footprints, {2} credits, in {3:N1} s." -f $saved.Count, ($saved | Measure-Object FeatureCount -Sum).Sum, $spent, $started.Elapsed.TotalSeconds)
    Write-Host "Results are in $((Resolve-Path $OutputPath).Path)"

    $report = $saved | Export-MapflowReport -Path (Join-Path $OutputPath 'report.html') -Title 'Villages near Bukhara (demo)'
    Write-Host "The run's report, to open in a browser: $($report.Path)"
    if ($Screenshot) {
        . (Join-Path $PSScriptRoot '../tests/Browser.ps1')
        $null = Invoke-HeadlessChromium -Browser (Get-HeadlessChromium) -Page $report.Path -Screenshot $Screenshot -WindowSize '1280,1350'
        Write-Host "A picture of it: $Screenshot"
    }

    $before = (Get-MapflowAccount).RemainingCredits
    $again = $aois | Start-MapflowProcessing -Model Buildings -Project $project
    Write-Host ("Running the same start again returned the {0} existing processings and spent {1} credits." -f $again.Count, ($before - (Get-MapflowAccount).RemainingCredits))
}
finally {
    Disconnect-Mapflow
    Stop-MapflowEmulator $emulator
}
