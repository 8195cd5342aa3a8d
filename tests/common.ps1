# Shared set-up for every Pester file: the built module from out/, never from src/, and emulator helpers.
# Per-user state (the start locks) goes to this file's test drive, never to the user's own state folder; child
# pwsh processes inherit it, as runs of one user on one machine share theirs.
$env:MAPFLOW_STATE_DIR = Join-Path $TestDrive 'state'
$script:ModulePath = [IO.Path]::GetFullPath($(if ($env:MAPFLOW_TEST_MODULE) { $env:MAPFLOW_TEST_MODULE } else { Join-Path $PSScriptRoot '../out/Mapflow' }))
$script:EmulatorPath = [IO.Path]::GetFullPath($(if ($env:MAPFLOW_TEST_EMULATOR) { $env:MAPFLOW_TEST_EMULATOR } else { Join-Path $PSScriptRoot '../out/emulator' }))
Import-Module (Join-Path $script:ModulePath 'Mapflow.psd1') -Force -Global -ErrorAction Stop
# What build.ps1 -Task Package made of that module: Mapflow.<version>.nupkg and Mapflow.Client.<version>.nupkg.
$script:PackagePath = [IO.Path]::GetFullPath((Join-Path $PSScriptRoot '../out/package'))
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

# Connects with retry waits of milliseconds, so failure paths stay short (Retry-After still sets the minimum wait);
# returns the session.
function Connect-Quick {
    param($Emulator)
    $session = Connect-Mapflow -Token $Emulator.Token -ApiUrl $Emulator.Url -PassThru
    $session.Retry.BaseDelay = [timespan]::FromMilliseconds(50)
    $session.Retry.MaxDelay = [timespan]::FromMilliseconds(200)
    $session
}

# Reads a result straight from the emulator, to compare with what the module saved.
function Get-EmulatorResult {
    param($Emulator, [guid] $ProcessingId)
    Invoke-RestMethod -Uri "$($Emulator.Url)/processings/$ProcessingId/result" -Headers @{ Authorization = "Basic $($Emulator.Token)" }
}

# Waits (bounded) until the script block returns something truthy; returns its last value.
function Wait-Until {
    param([scriptblock] $Condition, [double] $TimeoutSeconds = 15)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    do {
        $value = & $Condition
        if ($value) { return $value }
        Start-Sleep -Milliseconds 50
    } while ([DateTime]::UtcNow -lt $deadline)
    $value
}

# Starts a command, or a script file with arguments, in a new pwsh process with the given environment (HttpClient
# reads proxy variables once per process).
function Start-ChildPwsh {
    param([string] $Command, [string] $File, [string[]] $ArgumentList = @(), [hashtable] $Environment = @{})
    $psi = [System.Diagnostics.ProcessStartInfo]::new((Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })))
    $arguments = if ($File) { @('-NoProfile', '-NonInteractive', '-File', $File) + $ArgumentList } else { '-NoProfile', '-NonInteractive', '-Command', $Command }
    foreach ($a in $arguments) { $psi.ArgumentList.Add($a) }
    foreach ($name in 'http_proxy', 'https_proxy', 'all_proxy', 'no_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY') { $null = $psi.Environment.Remove($name) }
    foreach ($key in $Environment.Keys) { $psi.Environment[$key] = $Environment[$key] }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Error = $process.StandardError.ReadToEndAsync() }
}

function Wait-ChildPwsh {
    param($Child)
    try {
        if (-not $Child.Process.WaitForExit(60000)) { $Child.Process.Kill(); throw 'The child pwsh did not finish in 60 s.' }
        [pscustomobject]@{ ExitCode = $Child.Process.ExitCode; Output = $Child.Output.Result; Error = $Child.Error.Result }
    }
    finally { $Child.Process.Dispose() }
}

# The environment of a user of this machine who has nothing yet: a home of its own under $Path (so its own
# PSResourceGet repositories, module folder and caches), and PowerShell's own modules only. For Start-ChildPwsh.
function New-UserEnvironment {
    param([Parameter(Mandatory)] [string] $Path)
    $environment = @{
        HOME            = $Path
        XDG_DATA_HOME   = Join-Path $Path '.local/share'
        XDG_CONFIG_HOME = Join-Path $Path '.config'
        XDG_CACHE_HOME  = Join-Path $Path '.cache'
        PSModulePath    = Join-Path $PSHOME 'Modules'
    }
    # .NET takes a data or config folder that does not exist for none at all.
    foreach ($folder in $environment.XDG_DATA_HOME, $environment.XDG_CONFIG_HOME, $environment.XDG_CACHE_HOME) { $null = New-Item -ItemType Directory -Force $folder }
    $environment
}

function Invoke-ChildPwsh {
    param([string] $Command, [string] $File, [string[]] $ArgumentList = @(), [hashtable] $Environment = @{})
    Wait-ChildPwsh (Start-ChildPwsh -Command $Command -File $File -ArgumentList $ArgumentList -Environment $Environment)
}

$script:PlacesPath = Join-Path $PSScriptRoot '../demo/places.geojson'
