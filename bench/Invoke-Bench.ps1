<#
.SYNOPSIS
    Times the bulk workflow: the Mapflow guide's sequential script (as plain Invoke-RestMethod calls) against
    the module's pipeline, on the same generated AOIs and the same emulator settings.
.DESCRIPTION
    Each side runs in its own pwsh process against its own emulator process, so wall time, the number of API
    requests (from the emulator's request log) and the peak working set of the client process are measured
    separately. The guide's script creates, then lists the project until every processing is OK (it has no
    wait of its own; a 2 s poll is the kindest reading), then downloads results one by one.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [int] $AoiCount = 200,
    [int] $ProcessingDurationMs = 5000,
    [int] $FeaturesPerAoi = 400
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../tests/Emulator.ps1')

$work = Join-Path ([IO.Path]::GetTempPath()) "mapflow-bench-$PID"
$null = New-Item -ItemType Directory -Force $work
$aoiFile = Join-Path $work 'aois.geojson'
$features = foreach ($i in 0..($AoiCount - 1)) {
    $x = 64.0 + 0.01 * ($i % 50); $y = 39.0 + 0.01 * [math]::Floor($i / 50); $d = 0.004
    '{"type":"Feature","properties":{"name":"Village ' + $i + '"},"geometry":{"type":"Polygon","coordinates":[[[' +
    "$x,$y],[$($x + $d),$y],[$($x + $d),$($y + $d)],[$x,$($y + $d)],[$x,$y" + ']]]}}'
}
Set-Content -LiteralPath $aoiFile -Encoding utf8NoBOM -Value ('{"type":"FeatureCollection","features":[' + ($features -join ",`n") + ']}')

$seed = {
    param($Url, $Token, $AoiFile, $Out)
    $headers = @{ Authorization = "Basic $Token" }
    $json = Get-Content -LiteralPath $AoiFile -Raw | ConvertFrom-Json -Depth 20
    $project = Invoke-RestMethod -Method Post -Uri "$Url/projects" -Headers $headers -ContentType 'application/json; charset=utf-8' -Body '{"name":"bench"}'
    foreach ($feature in $json.features) {
        $body = @{ name = $feature.properties.name; projectId = $project.id; wdName = '🏠 Buildings'; geometry = $feature.geometry } | ConvertTo-Json -Depth 20
        $null = Invoke-RestMethod -Method Post -Uri "$Url/processings" -Headers $headers -ContentType 'application/json; charset=utf-8' -Body ([Text.Encoding]::UTF8.GetBytes($body))
    }
    do {
        Start-Sleep -Seconds 2
        $list = Invoke-RestMethod -Uri "$Url/projects/$($project.id)/processings" -Headers $headers
    } while (@($list | Where-Object status -ne 'OK').Count -gt 0)
    foreach ($item in $list) {
        Invoke-WebRequest -Uri "$Url/processings/$($item.id)/result" -Headers $headers -OutFile (Join-Path $Out "$($item.id).geojson")
    }
}
$module = {
    param($Url, $Token, $AoiFile, $Out, $ModulePath)
    Import-Module (Join-Path $ModulePath 'Mapflow.psd1')
    Connect-Mapflow -Token $Token -ApiUrl $Url
    $project = New-MapflowProject -Name 'bench'
    $null = Import-MapflowAoi $AoiFile | Start-MapflowProcessing -Model Buildings -Project $project |
        Wait-MapflowProcessing -PollInterval 2 | Save-MapflowResult -Path $Out
}

function Measure-Side([string] $Name, [scriptblock] $Script, [object[]] $Extra) {
    $emulator = Start-MapflowEmulator -EmulatorPath $EmulatorPath -Argument "--Emulator:ProcessingDurationMs=$ProcessingDurationMs", "--Emulator:FeaturesPerAoi=$FeaturesPerAoi", '--Emulator:RemainingCredits=100000000'
    try {
        $out = Join-Path $work $Name
        $null = New-Item -ItemType Directory -Force $out
        $scriptFile = Join-Path $work "$Name.ps1"
        Set-Content -LiteralPath $scriptFile -Value $Script.ToString()
        $psi = [Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME 'pwsh'))
        foreach ($a in @('-NoProfile', '-NonInteractive', '-File', $scriptFile, $emulator.Url, $emulator.Token, $aoiFile, $out) + $Extra) { $psi.ArgumentList.Add($a) }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $process = [Diagnostics.Process]::Start($psi)
        $peak = 0L
        while (-not $process.WaitForExit(100)) {
            $process.Refresh()
            $peak = [math]::Max($peak, $process.WorkingSet64)
        }
        $clock.Stop()
        if ($process.ExitCode -ne 0) { throw "$Name exited with $($process.ExitCode)" }
        $requests = @(Invoke-EmulatorControl $emulator requests)
        [pscustomobject]@{
            Client         = $Name
            Seconds        = [math]::Round($clock.Elapsed.TotalSeconds, 1)
            Requests       = $requests.Count
            StatusRequests = @($requests | Where-Object { $_.method -eq 'GET' -and $_.path -notlike '*/result' -or $_.path -like '*/page' }).Count
            Files          = @(Get-ChildItem $out -Filter *.geojson).Count
            PeakWorkingMB  = [math]::Round($peak / 1MB)
        }
    }
    finally { Stop-MapflowEmulator $emulator }
}

try {
    Write-Host "Benchmark: $AoiCount AOIs, processings take $ProcessingDurationMs ms, $FeaturesPerAoi features per result."
    $results = @(
        Measure-Side 'guide-script' $seed @()
        Measure-Side 'module' $module @($ModulePath)
    )
    $results | Format-Table -AutoSize | Out-Host
    $results
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
