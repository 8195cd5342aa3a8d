# Shared set-up for every Pester file: the built module from out/, never from src/, and emulator helpers.
$script:ModulePath = if ($env:MAPFLOW_TEST_MODULE) { $env:MAPFLOW_TEST_MODULE } else { Join-Path $PSScriptRoot '../out/Mapflow' }
$script:EmulatorPath = if ($env:MAPFLOW_TEST_EMULATOR) { $env:MAPFLOW_TEST_EMULATOR } else { Join-Path $PSScriptRoot '../out/emulator' }
Import-Module (Join-Path $script:ModulePath 'Mapflow.psd1') -Force
. (Join-Path $PSScriptRoot 'Emulator.ps1')

# Requests the emulator received, optionally filtered by method and a path wildcard.
function Get-EmulatorRequest {
    param($Emulator, [string] $Method, [string] $Path = '*')
    Invoke-EmulatorControl -Emulator $Emulator -Path 'requests' |
        Where-Object { (-not $Method -or $_.method -eq $Method) -and $_.path -like $Path }
}

# Every processing stored on the emulator, whoever owns it.
function Get-EmulatorProcessing {
    param($Emulator)
    Invoke-EmulatorControl -Emulator $Emulator -Path 'processings'
}
