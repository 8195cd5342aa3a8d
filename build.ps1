<#
.SYNOPSIS
    Builds, tests and demonstrates the Mapflow PowerShell module.
.DESCRIPTION
    Build    publishes the module into out/Mapflow (psd1, Format.ps1xml, help, dlls) and the emulator into out/emulator.
    Package  Build, then out/package: Mapflow.<version>.nupkg (the module, made by Publish-PSResource) and
             Mapflow.Client.<version>.nupkg (the client library, made by dotnet pack).
    Test     Package, then the xunit projects, then Pester against the built module, its packages and emulator processes
             on loopback.
             Ends with one line "N passed, N failed" and exits non-zero when anything failed or nothing ran.
    Demo     Build, start an emulator, run the bulk workflow on demo/places.geojson, print what happened, write
             its run report (out/demo-results/report.html) and a screenshot of it (docs/report-demo.png, shown in
             the README; a headless Chromium is installed when missing, as the report's test does).
    Emulator Build the emulator and run it in the foreground.
    Bench    Build, then time the guide's sequential script against the module's pipeline (bench/Invoke-Bench.ps1).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Package', 'Test', 'Demo', 'Emulator', 'Bench')]
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
$packageOut = Join-Path $out 'package'
# The one place the version is written: the manifest. The assemblies and both packages take it from there.
$version = (Import-PowerShellDataFile (Join-Path $root 'Mapflow.psd1')).ModuleVersion

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $bin = Join-Path $moduleOut 'bin'
    $versioned = "-p:Version=$version"
    Invoke-Dotnet publish (Join-Path $root 'src/Mapflow.PowerShell') -c $Configuration -o $bin $versioned --nologo -v quiet
    foreach ($framework in 'netcoreapp3.1', 'netstandard2.0') {
        Invoke-Dotnet publish (Join-Path $root 'src/Mapflow.Loader') -c $Configuration -f $framework -o (Join-Path $bin $framework) $versioned --nologo -v quiet
    }
    Invoke-Dotnet publish (Join-Path $root 'src/Mapflow.Emulator') -c $Configuration -o $emulatorOut --nologo -v quiet
    # The engine is a compile-time reference only; shipping it would shadow the host's copy.
    Get-ChildItem $bin -Filter 'System.Management.Automation*.dll' | Remove-Item -Force
    # Debug symbols and dependency lists serve no module; the XML docs are for the client's NuGet package.
    Get-ChildItem $bin -Recurse -Include '*.pdb', '*.deps.json', 'Mapflow.Client.xml' | Remove-Item -Force
    Copy-NativeSqlite $bin
    Copy-Item (Join-Path $root 'Mapflow.psd1'), (Join-Path $root 'Mapflow.psm1'), (Join-Path $root 'Mapflow.Format.ps1xml'), (Join-Path $root 'LICENSE') $moduleOut
    Update-PSModuleManifest -Path (Join-Path $moduleOut 'Mapflow.psd1') -ReleaseNotes (Get-ReleaseNote)
    & (Join-Path $root 'docs/Build-Help.ps1') -SourcePath (Join-Path $root 'docs') -ModulePath $moduleOut
    Write-Host "Module $version built in $moduleOut"
}

# The newest section of CHANGELOG.md, which must be the manifest's version: the notes of the release being built.
function Get-ReleaseNote {
    $sections = (Get-Content (Join-Path $root 'CHANGELOG.md') -Raw) -split '(?m)^## '
    if ($sections.Count -lt 2 -or $sections[1] -notmatch '^(\S+)\s*\r?\n([\s\S]*)$' -or $Matches[1] -ne $version) {
        throw "CHANGELOG.md's newest section must be '## $version', the manifest's ModuleVersion."
    }
    $Matches[2].Trim()
}

# Both packages into out/package. Publish-PSResource needs a registered repository: it gets one of its own in a child
# pwsh whose data folder (where PSResourceGet keeps its repository list) is a temporary one, so the user's list is
# never read or changed, even by builds running side by side. (Windows keeps that folder in the user's profile
# whatever the environment says: there the one-off name is registered and removed again.)
function Invoke-Package {
    Invoke-Build
    if (Test-Path $packageOut) { Remove-Item $packageOut -Recurse -Force }
    $null = New-Item -ItemType Directory $packageOut
    Invoke-Dotnet pack (Join-Path $root 'src/Mapflow.Client') -c $Configuration -o $packageOut "-p:Version=$version" --nologo -v quiet
    $data = Join-Path ([IO.Path]::GetTempPath()) "mapflow-package-$PID"
    $saved = $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME
    try {
        if (-not $IsWindows) {
            # .NET reports a data or config folder that does not exist as '' (and PSResourceGet then writes into the
            # working folder), so they are made first.
            $env:HOME = $data
            $env:XDG_DATA_HOME = (New-Item -ItemType Directory -Force (Join-Path $data 'share')).FullName
            $env:XDG_CONFIG_HOME = (New-Item -ItemType Directory -Force (Join-Path $data 'config')).FullName
        }
        & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command {
            param($Module, $Destination, $Name)
            $ErrorActionPreference = 'Stop'
            Register-PSResourceRepository -Name $Name -Uri $Destination -Trusted
            try { Publish-PSResource -Path $Module -Repository $Name }
            finally { Unregister-PSResourceRepository -Name $Name }
        } -args $moduleOut, $packageOut, "MapflowBuild$PID"
        if ($LASTEXITCODE -ne 0) { throw "Publish-PSResource failed with exit code $LASTEXITCODE." }
    }
    finally {
        $env:HOME, $env:XDG_DATA_HOME, $env:XDG_CONFIG_HOME = $saved
        Remove-Item $data -Recurse -Force -ErrorAction SilentlyContinue
    }
    Get-ChildItem $packageOut -Filter '*.nupkg' | ForEach-Object { Write-Host "Packed $($_.FullName) ($([math]::Round($_.Length / 1MB, 1)) MiB)" }
}

# A library's publish copies no native assets; GeoPackage reading needs SQLite's for the platforms we run on.
function Copy-NativeSqlite([string] $Bin) {
    $package = Join-Path (Get-NuGetPackageRoot) 'sqlitepclraw.lib.e_sqlite3'
    $latest = Get-ChildItem $package -Directory | Sort-Object { [version]($_.Name -replace '-.*$') } | Select-Object -Last 1
    foreach ($rid in 'linux-x64', 'linux-arm64', 'linux-musl-x64', 'osx-x64', 'osx-arm64', 'win-x64', 'win-x86', 'win-arm64') {
        $native = Join-Path $latest.FullName "runtimes/$rid/native"
        $target = Join-Path $Bin "runtimes/$rid/native"
        $null = New-Item -ItemType Directory -Force $target
        Copy-Item (Join-Path $native '*') $target
    }
}

function Get-TrxCount([string] $Directory) {
    $passed = 0; $failed = 0; $failures = @()
    foreach ($file in Get-ChildItem $Directory -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $trx = [xml](Get-Content $file.FullName -Raw)
        $counters = $trx.TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $failures += @($trx.TestRun.Results.UnitTestResult | Where-Object outcome -In 'Failed', 'Error', 'Timeout', 'Aborted' |
            ForEach-Object { '{0}: {1}' -f $_.testName, ("$($_.Output.ErrorInfo.Message)" -split "`n")[0] })
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed; Failures = $failures }
}

function Invoke-Test {
    $passed = 0; $failed = 0
    try {
        Invoke-Package
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
    $passed += $xunit.Passed; $failed += $xunit.Failed; $failures = @($xunit.Failures)
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed"

    Invoke-Dotnet restore (Join-Path $root 'tests/tools/Mapflow.TestTools.csproj') --nologo -v quiet
    $pester = Join-Path (Get-NuGetPackageRoot) 'pester/5.7.1/tools/Pester.psd1'
    # Pester runs in its own process so the module under test never loads into this build session.
    $runner = Join-Path $root 'tests/Invoke-PesterTests.ps1'
    $summary = Join-Path $results 'pester.json'
    & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File $runner -PesterPath $pester -ModulePath $moduleOut -EmulatorPath $emulatorOut -SummaryPath $summary
    if (Test-Path $summary) {
        $p = Get-Content $summary -Raw | ConvertFrom-Json
        $passed += $p.Passed; $failed += $p.Failed; $failures += @($p.Failures)
        if ($p.Passed + $p.Failed -eq 0) { $failed++; Write-Host 'Pester ran no test.' }
        Write-Host "Pester: $($p.Passed) passed, $($p.Failed) failed"
    }
    else {
        $failed++
        Write-Host 'Pester produced no summary.'
    }

    # What failed, again, just above the counts: a CI log is often read from its end.
    foreach ($failure in $failures | Where-Object { $_ }) { Write-Host "FAILED $failure" }
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Get-NuGetPackageRoot {
    $line = & dotnet nuget locals global-packages --list
    ($line -replace '^global-packages:\s*', '').Trim()
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Package' { Invoke-Package }
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
        & (Join-Path $root 'demo/Invoke-Demo.ps1') -ModulePath $moduleOut -EmulatorPath $emulatorOut -Screenshot (Join-Path $root 'docs/report-demo.png')
        if (-not $?) { exit 1 }
    }
}
