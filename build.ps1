<#
.SYNOPSIS
    Builds, tests and demonstrates the Mapflow PowerShell module.
.DESCRIPTION
    Build    publishes the module into out/Mapflow (psd1, Format.ps1xml, help, dlls) and the emulator into out/emulator.
    Test     Build, then the xunit projects, then Pester against the built module and emulator processes on loopback.
             Ends with one line "N passed, N failed" and exits non-zero when anything failed or nothing ran.
    Demo     Build, start an emulator, run the bulk workflow on demo/places.geojson and print what happened.
    Emulator Build the emulator and run it in the foreground.
    Bench    Build, then time the guide's sequential script against the module's pipeline (bench/Invoke-Bench.ps1).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Emulator', 'Bench')]
    [string] $Task = 'Build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    # Extra arguments for the emulator (Emulator task), e.g. '--urls', 'http://127.0.0.1:5088'.
    [string[]] $EmulatorArgument = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
# Logs (CI, scheduled tasks, `dotnet pwsh ./build.ps1 > build.log`) get plain text: no ANSI colours when this process
# does not write to a terminal, or when NO_COLOR is set (https://no-color.org). NO_COLOR passes the choice on to the
# child pwsh processes (the help builder, the Pester runner), which read it when they start.
if ([Console]::IsOutputRedirected -or $env:NO_COLOR) {
    $PSStyle.OutputRendering = 'PlainText'
    $env:NO_COLOR = '1'
}
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'Mapflow'
$emulatorOut = Join-Path $out 'emulator'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    Invoke-Dotnet publish (Join-Path $root 'src/Mapflow.PowerShell') -c $Configuration -o $moduleOut --nologo -v quiet
    Invoke-Dotnet publish (Join-Path $root 'src/Mapflow.Emulator') -c $Configuration -o $emulatorOut --nologo -v quiet
    # The engine is a compile-time reference only; shipping it would shadow the host's copy.
    Get-ChildItem $moduleOut -Filter 'System.Management.Automation*.dll' | Remove-Item -Force
    Remove-Item (Join-Path $moduleOut '*.pdb'), (Join-Path $moduleOut '*.deps.json') -ErrorAction SilentlyContinue
    Copy-NativeSqlite
    Copy-Item (Join-Path $root 'Mapflow.psd1'), (Join-Path $root 'Mapflow.Format.ps1xml') $moduleOut
    & (Join-Path $root 'docs/Build-Help.ps1') -SourcePath (Join-Path $root 'docs') -ModulePath $moduleOut
    Write-Host "Module built in $moduleOut"
}

# A library's publish copies no native assets; GeoPackage reading needs SQLite's for the platforms we run on.
function Copy-NativeSqlite {
    $package = Join-Path (Get-NuGetPackageRoot) 'sqlitepclraw.lib.e_sqlite3'
    $version = Get-ChildItem $package -Directory | Sort-Object { [version]($_.Name -replace '-.*$') } | Select-Object -Last 1
    foreach ($rid in 'linux-x64', 'linux-arm64', 'linux-musl-x64', 'osx-x64', 'osx-arm64', 'win-x64', 'win-x86', 'win-arm64') {
        $native = Join-Path $version.FullName "runtimes/$rid/native"
        $target = Join-Path $moduleOut "runtimes/$rid/native"
        $null = New-Item -ItemType Directory -Force $target
        Copy-Item (Join-Path $native '*') $target
    }
}

function Get-TrxCount([string] $Directory) {
    $passed = 0; $failed = 0
    foreach ($file in Get-ChildItem $Directory -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content $file.FullName -Raw)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-Test {
    $passed = 0; $failed = 0
    try {
        Invoke-Build
    }
    catch {
        Write-Host "Build failed: $_"
        Write-Host '0 passed, 1 failed'
        exit 1
    }

    $results = Join-Path $out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    foreach ($project in 'tests/Mapflow.Client.Tests', 'tests/Mapflow.Emulator.Tests') {
        & dotnet test (Join-Path $root $project) -c $Configuration --nologo --logger 'trx' --results-directory $results
        if ($LASTEXITCODE -ne 0) { Write-Host "dotnet test $project exited with $LASTEXITCODE" }
    }
    $xunit = Get-TrxCount $results
    if ($xunit.Passed + $xunit.Failed -eq 0) { $failed++ ; Write-Host 'No xunit result was found.' }
    $passed += $xunit.Passed; $failed += $xunit.Failed
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed"

    Invoke-Dotnet restore (Join-Path $root 'tests/tools/Mapflow.TestTools.csproj') --nologo -v quiet
    $pester = Join-Path (Get-NuGetPackageRoot) 'pester/5.7.1/tools/Pester.psd1'
    # Pester runs in its own process so the module under test never loads into this build session.
    $runner = Join-Path $root 'tests/Invoke-PesterTests.ps1'
    $summary = Join-Path $results 'pester.json'
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File $runner -PesterPath $pester -ModulePath $moduleOut -EmulatorPath $emulatorOut -SummaryPath $summary
    if (Test-Path $summary) {
        $p = Get-Content $summary -Raw | ConvertFrom-Json
        $passed += $p.Passed; $failed += $p.Failed
        if ($p.Passed + $p.Failed -eq 0) { $failed++; Write-Host 'Pester ran no test.' }
        Write-Host "Pester: $($p.Passed) passed, $($p.Failed) failed"
    }
    else {
        $failed++
        Write-Host 'Pester produced no summary.'
    }

    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Get-NuGetPackageRoot {
    $line = & dotnet nuget locals global-packages --list
    ($line -replace '^global-packages:\s*', '').Trim()
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Emulator' {
        Invoke-Build
        & dotnet (Join-Path $emulatorOut 'Mapflow.Emulator.dll') @EmulatorArgument
    }
    'Bench' {
        Invoke-Build
        $null = & (Join-Path $root 'bench/Invoke-Bench.ps1') -ModulePath $moduleOut -EmulatorPath $emulatorOut
    }
    'Demo' {
        Invoke-Build
        & (Join-Path $root 'demo/Invoke-Demo.ps1') -ModulePath $moduleOut -EmulatorPath $emulatorOut
        if (-not $?) { exit 1 }
    }
}
