# Never pay twice, never hold a finished result back: runs at the same time, creates the server finishes late,
# results saved while Wait still waits, a listing that fails, percentages out of range, files left by kill -9.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator -Argument '--Emulator:RemainingCredits=100000'

    function Add-Fault([hashtable] $Fault) { Invoke-EmulatorControl $emulator faults -Method POST -Body $Fault | Out-Null }
    function Set-EmulatorConfig([hashtable] $Config) { Invoke-EmulatorControl $emulator config -Method POST -Body $Config | Out-Null }
    function Set-Status([guid] $Id, [hashtable] $Body) { Invoke-EmulatorControl $emulator "processings/$Id/status" -Method POST -Body $Body | Out-Null }

    # A chain as a scheduled script runs it, in its own pwsh, started when the go file appears so that two start together.
    $script:chain = Join-Path $TestDrive 'chain.ps1'
    Set-Content -LiteralPath $chain -Encoding utf8NoBOM -Value @'
param($Module, $Places, $Project, $Out, $Go, [int] $Count)
$ErrorActionPreference = 'Stop'
Import-Module $Module
# Loaded and connected: say so, then wait for the go, so that the runs start their chains together.
Get-MapflowAccount | Out-Null
New-Item -ItemType File -Path "$Go.ready.$PID" | Out-Null
while (-not (Test-Path -LiteralPath $Go)) { Start-Sleep -Milliseconds 20 }
Import-MapflowAoi $Places | Select-Object -First $Count | Start-MapflowProcessing -Model Buildings -Project $Project |
    Wait-MapflowProcessing -PollInterval 0.2 | Save-MapflowResult -Path $Out *>&1 | ForEach-Object {
        if ($_ -is [Mapflow.SavedResult]) { "SAVED $($_.ProcessingId)" } else { "$_" }
    }
'@

    # Gives the go once both chains are loaded and connected.
    function Send-Go {
        param($Go)
        Wait-Until { @(Get-ChildItem -Path "$Go.ready.*").Count -ge 2 } -TimeoutSeconds 60 | Should -BeTrue -Because 'both chains get ready'
        New-Item -ItemType File -Path $Go | Out-Null
    }

    function Start-Chain {
        param($Project, $Out, $Go, [int] $Count, [hashtable] $Environment = @{})
        Start-ChildPwsh -File $chain -ArgumentList (Join-Path $ModulePath 'Mapflow.psd1'), $PlacesPath, $Project.Id, $Out, $Go, $Count `
            -Environment (@{ MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = $emulator.Url } + $Environment)
    }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Two runs at once' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Set-EmulatorConfig @{ processingDurationMs = 300 }
        $script:out = Join-Path $TestDrive ([guid]::NewGuid())
        $script:go = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'two identical chains started together on one machine create one processing per AOI and one file each' {
        $p = New-MapflowProject -Name 'Overlapping schedule'
        # Slow creates, so the two runs overlap whatever the machine's speed.
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'latency'; delayMs = 400; count = 12 }
        $first = Start-Chain -Project $p -Out $out -Go $go -Count 6
        $second = Start-Chain -Project $p -Out $out -Go $go -Count 6
        Send-Go $go

        $runs = @((Wait-ChildPwsh $first), (Wait-ChildPwsh $second))

        $runs | ForEach-Object { $_.ExitCode | Should -Be 0 -Because "$($_.Output)`n$($_.Error)" }
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 6
        $ours = @(Get-EmulatorProcessing $emulator)
        $ours.Count | Should -Be 6
        @(Get-ChildItem -LiteralPath $out -Filter *.geojson).Count | Should -Be 6
        foreach ($run in $runs) {
            $saved = @($run.Output -split '\r?\n' | Where-Object { $_ -like 'SAVED *' } | ForEach-Object { $_.Substring(6) })
            ($saved | Sort-Object) | Should -Be ($ours.id | Sort-Object)
        }
    }

    It 'runs that no lock can pair (other machines) each say loudly which processing has a twin, naming both, and delete nothing' {
        $p = New-MapflowProject -Name 'Two machines'
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'latency'; delayMs = 800; count = 4 }
        $first = Start-Chain -Project $p -Out $out -Go $go -Count 2 -Environment @{ MAPFLOW_STATE_DIR = (Join-Path $TestDrive 'machine-a') }
        $second = Start-Chain -Project $p -Out (Join-Path $TestDrive 'b') -Go $go -Count 2 -Environment @{ MAPFLOW_STATE_DIR = (Join-Path $TestDrive 'machine-b') }
        Send-Go $go

        $runs = @((Wait-ChildPwsh $first), (Wait-ChildPwsh $second))

        $ours = @(Get-EmulatorProcessing $emulator)
        $ours.Count | Should -Be 4 -Because 'without a shared lock both runs paid: that is what the warning is for'
        $warnings = @($runs.Output -split '\r?\n' | Where-Object { $_ -like '*started twice at the same time*' })
        $warnings.Count | Should -BeGreaterThan 0
        foreach ($name in 'Бой', 'Авазли') {
            $pair = @($ours | Where-Object name -eq $name)
            $pair.Count | Should -Be 2
            $warned = @($warnings | Where-Object { $_ -like "*'$name'*" -and $_ -like "*$($pair[0].id)*" -and $_ -like "*$($pair[1].id)*" })
            $warned.Count | Should -BeGreaterThan 0 -Because "the warning for '$name' names both processings"
        }
        @(Get-EmulatorRequest $emulator -Method DELETE).Count | Should -Be 0
    }

    It 'a processing another machine made after the run read the project is found just before paying, not made again' {
        $p = New-MapflowProject -Name 'Late twin'
        # Holds this run's first create, so that the other machine makes the second AOI's processing meanwhile.
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'latency'; delayMs = 3000; count = 1 }
        $run = Start-ChildPwsh -Command "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'; Import-MapflowAoi '$PlacesPath' | Select-Object -First 2 |
            Start-MapflowProcessing -Model Buildings -Project $($p.Id) -ThrottleLimit 1 -Verbose 4>&1 | ForEach-Object { if (`$_ -is [Mapflow.Processing]) { 'STARTED ' + `$_.Id } else { `"`$_`" } }" `
            -Environment @{ MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = $emulator.Url; MAPFLOW_STATE_DIR = (Join-Path $TestDrive 'machine-a') }
        $held = Wait-Until { Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2' | Where-Object status -eq 0 } -TimeoutSeconds 30
        $held | Should -Not -BeNullOrEmpty -Because 'the run sends its first create'
        $other = ($held.body | ConvertFrom-Json).name
        $late = Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Where-Object Name -ne $other | Start-MapflowProcessing -Model Buildings -Project $p

        $result = Wait-ChildPwsh $run

        $result.ExitCode | Should -Be 0 -Because $result.Error
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 2
        @(Get-EmulatorProcessing $emulator).Count | Should -Be 2
        $result.Output | Should -Match "STARTED $($late.Id)"
        $result.Output | Should -Match 'since this run read the project; not starting it again'
    }

    It 'a run of many starts reads the newest processings again a few times, not once per start' {
        $p = New-MapflowProject -Name 'Many starts'
        Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null

        $started = @(Import-MapflowAoi $PlacesPath | Start-MapflowProcessing -Model Buildings -Project $p)

        $started.Count | Should -BeGreaterThan 5
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be $started.Count
        # The index, a recheck a second and the check for twins: a few pages whatever the number of starts.
        $pages = @(Get-EmulatorRequest $emulator -Method POST -Path '/projects/*/processings/v2/page')
        $pages.Count | Should -BeLessOrEqual 4 -Because "$($started.Count) starts must not each list the project"
        @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*').Count | Should -Be 0
    }
}

Describe 'Never hold a finished result back' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Set-EmulatorConfig @{ processingDurationMs = 600000 }
        $script:out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'a quick result is on disk while a slower processing in the same chain is still running' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Module, $Url, $Token, $Places, $Out)
                    Import-Module $Module
                    Connect-Mapflow -Token $Token -ApiUrl $Url
                    Import-MapflowAoi $Places | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings |
                        Wait-MapflowProcessing -PollInterval 0.2 | Save-MapflowResult -Path $Out -Confirm:$false
                }).AddParameters(@{ Module = (Join-Path $ModulePath 'Mapflow.psd1'); Url = $emulator.Url; Token = $emulator.Token; Places = $PlacesPath; Out = $out })
            $handle = $ps.BeginInvoke()
            $started = Wait-Until { $all = @(Get-EmulatorProcessing $emulator); if ($all.Count -eq 2) { $all } }
            $quick = $started | Where-Object name -eq 'Бой'
            $slow = $started | Where-Object name -ne 'Бой'
            Set-Status $quick.id @{ status = 'OK' }

            $file = Wait-Until { Get-ChildItem -LiteralPath $out -Filter 'Бой_*.geojson' -ErrorAction SilentlyContinue } -TimeoutSeconds 10
            $slowFinished = [datetime]::UtcNow
            Set-Status $slow.id @{ status = 'OK' }
            $saved = $ps.EndInvoke($handle)

            $file | Should -Not -BeNullOrEmpty -Because 'the quick result must be saved while the slow one still runs'
            $file.LastWriteTimeUtc | Should -BeLessThan $slowFinished
            $saved.Count | Should -Be 2
            $ps.Streams.Error.Count | Should -Be 0
        }
        finally { $ps.Dispose() }
    }

    It 'when the project''s listing fails before the starts, each start is an error of its own and nothing is created' {
        Connect-Quick $emulator | Out-Null
        $p = New-MapflowProject -Name 'Listing down'
        Add-Fault @{ method = 'POST'; path = '/projects/*/processings/v2/page'; kind = 'status'; status = 500; count = 1000 }

        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 3 | Start-MapflowProcessing -Model Buildings -Project $p -ErrorVariable failed -ErrorAction SilentlyContinue)

        $started.Count | Should -Be 0
        $failed.Count | Should -Be 3
        $failed | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'MapflowApi.InternalError,*' }
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }

    It 'Wait finishes when the listing keeps failing, by reading each pending processing on its own' {
        Set-EmulatorConfig @{ processingDurationMs = 300 }
        Connect-Quick $emulator | Out-Null
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 3 | Start-MapflowProcessing -Model Buildings)
        Add-Fault @{ method = 'POST'; path = '/projects/*/processings/v2/page'; kind = 'status'; status = 500; count = 1000 }

        $done = @($started | Wait-MapflowProcessing -PollInterval 0.2 -Timeout 30 -WarningVariable warnings -WarningAction SilentlyContinue)

        $done.Count | Should -Be 3
        $done | ForEach-Object { $_.Status | Should -Be 'OK' }
        @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*/v2').Count | Should -BeGreaterOrEqual 3
        ($warnings -join "`n") | Should -BeLike '*listing*failed*one by one*'
    }

    It 'with the listing down, one processing that cannot be read holds back none of the others' {
        Set-EmulatorConfig @{ processingDurationMs = 300 }
        Connect-Quick $emulator | Out-Null
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 3 | Start-MapflowProcessing -Model Buildings)
        Add-Fault @{ method = 'POST'; path = '/projects/*/processings/v2/page'; kind = 'status'; status = 500; count = 1000 }
        Add-Fault @{ method = 'GET'; path = "/processings/$($started[0].Id)/v2"; kind = 'status'; status = 500; count = 1000 }

        $done = @($started | Wait-MapflowProcessing -PollInterval 0.2 -Timeout 8 -ErrorVariable late -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        ($done.Id | Sort-Object) | Should -Be ($started[1..2].Id | Sort-Object)
        $late.FullyQualifiedErrorId | Should -BeLike 'Processing.WaitTimeout,*'
        $late.TargetObject.Id | Should -Be $started[0].Id
    }

    It 'a percentage of 101 or -1 does not end Wait, and the object keeps the server''s value' {
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings)
        Set-Status $started[0].Id @{ status = 'IN_PROGRESS'; percentCompleted = 101 }
        Set-Status $started[1].Id @{ status = 'IN_PROGRESS'; percentCompleted = -1 }
        (Get-MapflowProcessing -Id $started[0].Id).PercentCompleted | Should -Be 101
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Module, $Url, $Token, $Ids)
                    Import-Module $Module
                    Connect-Mapflow -Token $Token -ApiUrl $Url
                    Wait-MapflowProcessing -Id $Ids -PollInterval 0.1
                }).AddParameters(@{ Module = (Join-Path $ModulePath 'Mapflow.psd1'); Url = $emulator.Url; Token = $emulator.Token; Ids = [guid[]]$started.Id })
            $handle = $ps.BeginInvoke()
            # Count only: enumerating a running pipeline's stream waits for the pipeline to end.
            Wait-Until { $ps.Streams.Progress.Count -ge 4 } | Out-Null
            $ps.InvocationStateInfo.State | Should -Be 'Running'
            Set-Status $started[0].Id @{ status = 'OK' }
            Set-Status $started[1].Id @{ status = 'OK' }
            $done = $ps.EndInvoke($handle)

            $done.Count | Should -Be 2
            $ps.Streams.Error.Count | Should -Be 0
            $ps.Streams.Progress | ForEach-Object { $_.PercentComplete | Should -BeIn (-1..100) }
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Files left by a killed save' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Set-EmulatorConfig @{ processingDurationMs = 0; featuresPerAoi = 2000 }
        $script:out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'a re-run after kill -9 leaves no .partial file and saves the result whole' {
        $p = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing -PollInterval 0.1)[0]
        Add-Fault @{ method = 'GET'; path = '/processings/*/result'; kind = 'slow'; bytesPerSecond = 20000 }
        $child = Start-ChildPwsh -Command "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'; Save-MapflowResult -Id $($p.Id) -Path '$out'" `
            -Environment @{ MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = $emulator.Url }

        $partial = Wait-Until { Get-ChildItem -LiteralPath $out -Force -Filter '.*.partial' -ErrorAction SilentlyContinue } -TimeoutSeconds 30
        $partial | Should -Not -BeNullOrEmpty
        $child.Process.Kill()
        $child.Process.WaitForExit(10000) | Out-Null
        $child.Process.Dispose()
        Test-Path -LiteralPath $partial.FullName | Should -BeTrue -Because 'kill -9 leaves the partial download behind'
        Invoke-EmulatorControl $emulator faults -Method DELETE | Out-Null

        $saved = @(Save-MapflowResult -Id $p.Id -Path $out -Verbose 4>&1)

        @(Get-ChildItem -LiteralPath $out -Force -Filter '.*.partial').Count | Should -Be 0
        @($saved | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like "*Removed*$($partial.Name)*" }).Count | Should -Be 1
        $file = @($saved | Where-Object { $_ -is [Mapflow.SavedResult] })[0]
        $file.FeatureCount | Should -Be 2000
    }
}
