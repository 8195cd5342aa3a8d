# Starts and stops emulator processes on a free loopback port. Dot-sourced by the Pester tests,
# the demo and the benchmark, so all of them drive the same emulator the same way.

function Start-MapflowEmulator {
    param(
        [Parameter(Mandatory)] [string] $EmulatorPath,
        [string[]] $Argument = @(),
        [int] $StartTimeoutSeconds = 30
    )
    $started = Start-EmulatorProcess $EmulatorPath $Argument $StartTimeoutSeconds '^Mapflow emulator listening on (\S+)' '^Demo token: (\S+)'
    # Url is the API's base, under /rest as the real one (https://api.mapflow.ai/rest); Root serves the test controls.
    [pscustomobject]@{ Process = $started.Process; Root = $started.Url; Url = "$($started.Url)/rest"; Token = $started.Token }
}

# The emulator app in proxy mode: a loopback-only forward proxy that logs what it forwards (GET /_proxy/requests).
# Stop it with Stop-MapflowEmulator.
function Start-MapflowProxy {
    param(
        [Parameter(Mandatory)] [string] $EmulatorPath,
        [string[]] $Argument = @(),
        [int] $StartTimeoutSeconds = 30
    )
    $started = Start-EmulatorProcess $EmulatorPath (@('--Emulator:Mode=Proxy') + $Argument) $StartTimeoutSeconds '^Mapflow proxy listening on (\S+)' $null
    [pscustomobject]@{ Process = $started.Process; Url = $started.Url }
}

# Starts the emulator app and reads stdout until the listening line (and the token line, when one is expected).
function Start-EmulatorProcess {
    param([string] $EmulatorPath, [string[]] $Argument, [int] $StartTimeoutSeconds, [string] $UrlPattern, [string] $TokenPattern)
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $psi.ArgumentList.Add((Join-Path $EmulatorPath 'Mapflow.Emulator.dll'))
    foreach ($a in @('--urls', 'http://127.0.0.1:0') + $Argument) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)

    $url = $null; $token = $null
    $deadline = [DateTime]::UtcNow.AddSeconds($StartTimeoutSeconds)
    $read = $null
    while (-not ($url -and ($token -or -not $TokenPattern)) -and [DateTime]::UtcNow -lt $deadline) {
        # A read still pending from the last turn is waited on again: a second one would throw (a loaded machine
        # can take more than a second to print a line).
        if (-not $read) { $read = $process.StandardOutput.ReadLineAsync() }
        if (-not $read.Wait([TimeSpan]::FromSeconds(1))) { continue }
        $line = $read.Result
        $read = $null
        if ($null -eq $line) { break }
        if ($TokenPattern -and $line -match $TokenPattern) { $token = $Matches[1] }
        if ($line -match $UrlPattern) { $url = $Matches[1] }
    }
    if (-not $url) {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The emulator did not start: $($process.StandardError.ReadToEnd())"
    }
    # Keep draining both pipes so a chatty emulator never blocks on a full buffer.
    $null = $process.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)
    $null = $process.StandardError.BaseStream.CopyToAsync([System.IO.Stream]::Null)
    [pscustomobject]@{ Process = $process; Url = $url.TrimEnd('/'); Token = $token }
}

function Stop-MapflowEmulator {
    param([Parameter(Mandatory)] $Emulator)
    if (-not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill()
        $null = $Emulator.Process.WaitForExit(10000)
    }
    $Emulator.Process.Dispose()
}

# Calls a test control of the emulator (/_emulator/...); these need no token.
function Invoke-EmulatorControl {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        $Body
    )
    $params = @{ Uri = "$($Emulator.Root)/_emulator/$Path"; Method = $Method }
    if ($null -ne $Body) {
        $params.Body = [System.Text.Encoding]::UTF8.GetBytes(($Body | ConvertTo-Json -Depth 20 -Compress))
        $params.ContentType = 'application/json; charset=utf-8'
    }
    # Assigned first so an array answer is enumerated into the pipeline rather than passed as one object.
    $answer = Invoke-RestMethod @params
    $answer
}
