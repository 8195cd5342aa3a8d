# samples/Mapflow.Sample, built as its README says against the packed Mapflow.Client and run against an emulator:
# project, start, wait, save. Restored into a package folder of its own, so that the Mapflow.Client it gets is the
# one just packed, never an older one of the same version left in the machine's NuGet cache.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-MapflowEmulator -EmulatorPath $EmulatorPath -Argument '--Emulator:ProcessingDurationMs=300', '--Emulator:FeaturesPerAoi=5'
    $script:version = (Import-PowerShellDataFile (Join-Path $ModulePath 'Mapflow.psd1')).ModuleVersion
    $script:packages = Join-Path $TestDrive 'packages'
    $script:app = Join-Path $TestDrive 'app'
    $script:buildLog = & dotnet build (Join-Path $PSScriptRoot '../samples/Mapflow.Sample') -c Release --packages $packages -o $app --nologo 2>&1
    $script:buildExit = $LASTEXITCODE
    $script:hamlets = Join-Path $PSScriptRoot 'data/hamlets.geojson'

    function Invoke-Sample([string[]] $Argument, [string] $Token = $emulator.Token) {
        $env:MAPFLOW_TOKEN = $Token
        $env:MAPFLOW_API_URL = $emulator.Url
        try {
            $output = & dotnet (Join-Path $app 'Mapflow.Sample.dll') @Argument 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output | ForEach-Object { "$_" }) }
        }
        finally { Remove-Item Env:MAPFLOW_TOKEN, Env:MAPFLOW_API_URL }
    }
}
AfterAll {
    Stop-MapflowEmulator $emulator
}

Describe 'The Mapflow.Client sample' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
    }

    It 'builds against the Mapflow.Client package in out/package' {
        $buildExit | Should -Be 0 -Because ($buildLog -join "`n")
        $restored = Join-Path $packages "mapflow.client/$version/mapflow.client.$version.nupkg"
        (Get-FileHash $restored).Hash | Should -Be (Get-FileHash (Join-Path $PackagePath "Mapflow.Client.$version.nupkg")).Hash
    }

    It 'makes a project, starts a processing per AOI, waits and saves every result' {
        $out = Join-Path $TestDrive 'results'
        $run = Invoke-Sample $hamlets, $out
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $aois = @((Get-Content $hamlets -Raw | ConvertFrom-Json).features).Count
        @(Get-EmulatorRequest $emulator -Method POST -Path '/projects').Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be $aois
        $files = @(Get-ChildItem $out -Filter '*.geojson')
        $files.Count | Should -Be $aois
        foreach ($file in $files) {
            $result = Get-Content $file.FullName -Raw | ConvertFrom-Json
            $result.type | Should -Be 'FeatureCollection'
            @($result.features).Count | Should -Be 5
        }
        @($run.Output | Where-Object { $_ -like 'Saved 5 feature(s) to *' }).Count | Should -Be $aois
    }

    It 'exits 1 and says why when the token is refused, having started nothing' {
        $run = Invoke-Sample $hamlets, (Join-Path $TestDrive 'refused') -Token 'ZGVtb0BtYXBmbG93LmxvY2FsOndyb25n'
        $run.ExitCode | Should -Be 1
        @($run.Output | Where-Object { $_ -like 'Stopped: *' }).Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -Method POST).Count | Should -Be 0
    }
}
