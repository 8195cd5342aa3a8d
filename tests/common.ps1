# Shared set-up for every Pester file: the built module from out/, never from src/, and emulator helpers.
$script:ModulePath = [IO.Path]::GetFullPath($(if ($env:MAPFLOW_TEST_MODULE) { $env:MAPFLOW_TEST_MODULE } else { Join-Path $PSScriptRoot '../out/Mapflow' }))
$script:EmulatorPath = [IO.Path]::GetFullPath($(if ($env:MAPFLOW_TEST_EMULATOR) { $env:MAPFLOW_TEST_EMULATOR } else { Join-Path $PSScriptRoot '../out/emulator' }))
Import-Module (Join-Path $script:ModulePath 'Mapflow.psd1') -Force -Global -ErrorAction Stop
. (Join-Path $PSScriptRoot 'Emulator.ps1')

# Requests the emulator received, optionally filtered by method and a path wildcard. Paths are given and
# returned relative to the API base (/user/status for /rest/user/status); anything sent outside /rest keeps
# its full path, so it can never pass for an API call.
function Get-EmulatorRequest {
    param($Emulator, [string] $Method, [string] $Path = '*')
    Invoke-EmulatorControl -Emulator $Emulator -Path 'requests' |
        ForEach-Object { $_.path = $_.path -replace '^/rest(?=/)', ''; $_ } |
        Where-Object { (-not $Method -or $_.method -eq $Method) -and $_.path -like $Path }
}

# Every processing stored on the emulator, whoever owns it; without -IncludeOtherClients, not those that new
# projects start with as made by other clients (otherClient in the control API's answer).
function Get-EmulatorProcessing {
    param($Emulator, [switch] $IncludeOtherClients)
    Invoke-EmulatorControl -Emulator $Emulator -Path 'processings' | Where-Object { $IncludeOtherClients -or -not $_.otherClient }
}

# Everything an error record can show: message, details, target, exception chain and stack.
function Get-ErrorText {
    param([object[]] $ErrorRecord)
    ($ErrorRecord | ForEach-Object {
        $_ | Format-List * -Force | Out-String
        $_.Exception.ToString()
        $_.ErrorDetails | Format-List * -Force | Out-String
        $_.TargetObject | Out-String
    }) -join "`n"
}

# An emulator process with short processings, connected as the demo user.
function Start-ConnectedEmulator {
    param([string[]] $Argument = @())
    $emulator = Start-MapflowEmulator -EmulatorPath $script:EmulatorPath -Argument (@('--Emulator:ProcessingDurationMs=300', '--Emulator:FeaturesPerAoi=5') + $Argument)
    Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url
    $emulator
}

# Reads a result straight from the emulator, to compare with what the module saved.
function Get-EmulatorResult {
    param($Emulator, [guid] $ProcessingId)
    Invoke-RestMethod -Uri "$($Emulator.Url)/processings/$ProcessingId/result" -Headers @{ Authorization = "Basic $($Emulator.Token)" }
}

$script:PlacesPath = Join-Path $PSScriptRoot '../demo/places.geojson'
