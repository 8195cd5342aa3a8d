# Reliability over real HTTP: each test injects faults into an emulator process through /_emulator/faults and
# asserts on the emulator's request log (counts, timestamps), the cmdlets' error ids and what is left on disk.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # Processings finish at once and results are small unless a test says otherwise.
    $script:emulator = Start-MapflowEmulator -EmulatorPath $EmulatorPath -Argument '--Emulator:ProcessingDurationMs=0', '--Emulator:FeaturesPerAoi=5'
    $script:decoded = 'demo@mapflow.local:demo-secret'


    function Add-Fault {
        param([Parameter(Mandatory)] [hashtable] $Spec)
        $null = Invoke-EmulatorControl $emulator faults -Method POST -Body $Spec
    }

    function Clear-RequestLog { $null = Invoke-EmulatorControl $emulator requests -Method DELETE }

    # A processing that is already OK (ProcessingDurationMs=0), in the default project.
    function New-FinishedProcessing {
        param([int] $Index = 0)
        Import-MapflowAoi $PlacesPath | Select-Object -Skip $Index -First 1 | Start-MapflowProcessing -Model Buildings |
            Wait-MapflowProcessing -PollInterval 0.05
    }

    # Milliseconds between two request-log entries, by the emulator's clock.
    function Get-Gap {
        param($Earlier, $Later)
        ([DateTimeOffset]$Later.time - [DateTimeOffset]$Earlier.time).TotalMilliseconds
    }

    # How far a wait measured on the request log may fall short of the real one: the log cuts times to whole
    # milliseconds and stamps a request when its handler runs (not when its bytes came in), and a timer may fire
    # a tick early. A client that ignored a wait would be off by hundreds of milliseconds, not by this.
    $script:ClockSlackMs = 5

    # Whether the later entry came at least $Milliseconds after the earlier one, allowing for the clock's resolution.
    function Test-WaitedAtLeast {
        param($Earlier, $Later, [double] $Milliseconds)
        (Get-Gap $Earlier $Later) -ge $Milliseconds - $ClockSlackMs
    }

    # A pipeline in its own runspace, connected there like a user's console, so a test can stop it as Ctrl+C does.
    function Start-StoppablePipeline {
        param([scriptblock] $Script, [hashtable] $Parameter = @{})
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($Module, $Url, $Token)
                Import-Module $Module
                $session = Connect-Mapflow -Token $Token -ApiUrl $Url -PassThru
                $session.Retry.BaseDelay = [timespan]::FromMilliseconds(50)
            }).AddParameters(@{ Module = (Join-Path $ModulePath 'Mapflow.psd1'); Url = $emulator.Url; Token = $emulator.Token })
        $null = $ps.AddStatement().AddScript($Script).AddParameters($Parameter)
        [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke() }
    }

    # Everything a run showed: its captured streams, every $Error record in full, and the transcript.
    function Get-EverythingShown {
        param($Captured, [string] $Transcript)
        @(
            $Captured | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { Get-ErrorText $_ } else { $_ | Out-String } }
            Get-ErrorText $Error
            $Error | ForEach-Object {
                $_.InvocationInfo.BoundParameters | Out-String; $_.InvocationInfo | Out-String
                $_.Exception.Parameters | Out-String; $_.ErrorDetails | Out-String
            }
            Get-Content $Transcript -Raw
        ) -join "`n"
    }

    function Get-ProxyRequest {
        param($Proxy)
        $answer = Invoke-RestMethod -Uri "$($Proxy.Url)/_proxy/requests"
        $answer
    }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Waits measured on the request log' {
    It 'allow for the log''s millisecond resolution, and no more' {
        # 1999 ms is what a fresh clone measured for a real 2 s wait; 1900 ms would be a wait cut short.
        $first = @{ time = '2026-11-25T12:00:00.500Z' }
        Test-WaitedAtLeast $first @{ time = '2026-11-25T12:00:02.499Z' } 2000 | Should -BeTrue
        Test-WaitedAtLeast $first @{ time = '2026-11-25T12:00:02.500Z' } 2000 | Should -BeTrue
        Test-WaitedAtLeast $first @{ time = '2026-11-25T12:00:02.400Z' } 2000 | Should -BeFalse
        Test-WaitedAtLeast $first @{ time = '2026-11-25T12:00:01.900Z' } 2000 | Should -BeFalse
    }
}

Describe 'Retries of reads' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:session = Connect-Quick $emulator
        $script:p = New-FinishedProcessing
        Clear-RequestLog
    }

    It '503, 503, 200 on a status read succeeds after two retries, and -Verbose says so' {
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/v2"; kind = 'status'; status = 503; count = 2 }

        $all = @(Get-MapflowProcessing -Id $p.Id -Verbose 4>&1)

        $read = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $read.Count | Should -Be 1
        $read[0].Id | Should -Be $p.Id
        $log = @(Get-EmulatorRequest $emulator -Method GET -Path "/processings/$($p.Id)/v2")
        ($log.status -join ',') | Should -Be '503,503,200'
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        @($verbose -like "GET */processings/$($p.Id)/v2: 503 ServiceUnavailable; retry 1 of 4 in *").Count | Should -Be 1
        @($verbose -like "GET */processings/$($p.Id)/v2: 503 ServiceUnavailable; retry 2 of 4 in *").Count | Should -Be 1
        @($verbose -like "GET */processings/$($p.Id)/v2 -> 200 OK in * ms after 2 retries").Count | Should -Be 1
    }

    It '429 with Retry-After: 2 sends nothing for 2 s' {
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/v2"; kind = 'status'; status = 429; retryAfter = '2' }

        $all = @(Get-MapflowProcessing -Id $p.Id -Verbose 4>&1)

        @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Count | Should -Be 1
        $log = @(Get-EmulatorRequest $emulator -Path '/processings/*')
        ($log.status -join ',') | Should -Be '429,200'
        $gap = Get-Gap $log[0] $log[1]
        Write-Host "    Retry-After: 2 -> next request after $gap ms"
        Test-WaitedAtLeast $log[0] $log[1] 2000 | Should -BeTrue -Because "the retry came $gap ms after the 429"
        $gap | Should -BeLessThan 3500 -Because 'the wait is the server''s, not a much longer backoff'
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*429 TooManyRequests; retry 1 of 4 in 2.0 s' }).Count | Should -Be 1
    }

    It '429 with Retry-After as an HTTP-date sends nothing before that date' {
        # HTTP-dates have whole seconds: the date is 2 to 3 s ahead.
        $until = [DateTimeOffset]::FromUnixTimeSeconds([DateTimeOffset]::UtcNow.ToUnixTimeSeconds() + 3)
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/v2"; kind = 'status'; status = 429; retryAfter = $until.ToString('r') }

        $read = Get-MapflowProcessing -Id $p.Id

        $read.Id | Should -Be $p.Id
        $log = @(Get-EmulatorRequest $emulator -Path '/processings/*')
        ($log.status -join ',') | Should -Be '429,200'
        $early = ($until - [DateTimeOffset]$log[1].time).TotalMilliseconds
        Write-Host "    Retry-After: $($until.ToString('r')) -> first at $($log[0].time.ToString('HH:mm:ss.fff')), retry at $($log[1].time.ToString('HH:mm:ss.fff')) ($(Get-Gap $log[0] $log[1]) ms later)"
        $early | Should -BeLessOrEqual $ClockSlackMs -Because 'the retry must not come before the date the server gave'
        Get-Gap $log[0] $log[1] | Should -BeLessThan 4500
    }

    It 'a persistent 500 ends with a clear MapflowApi.InternalError after MaxRetries, in bounded time' {
        $session.Retry.MaxRetries = 3
        Add-Fault @{ method = 'GET'; path = '/processings/*'; kind = 'status'; status = 500; count = 1000 }

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $read = @(Get-MapflowProcessing -Id $p.Id -ErrorVariable failures -ErrorAction SilentlyContinue)
        $watch.Stop()

        $read.Count | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'MapflowApi.InternalError,Mapflow.PowerShell.Commands.GetMapflowProcessingCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $failures[0].Exception.Message | Should -Be "Mapflow API GET /processings/$($p.Id)/v2 failed with 500 InternalServerError INTERNAL_ERROR: Injected fault (after 3 retries)"
        @(Get-EmulatorRequest $emulator -Path '/processings/*').Count | Should -Be 4
        Write-Host "    4 attempts of a persistent 500 took $($watch.ElapsedMilliseconds) ms"
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
    }

    It 'a persistent 500 stops at the time budget even with retries left' {
        $session.Retry.MaxRetries = 1000
        $session.Retry.BaseDelay = $session.Retry.MaxDelay = [timespan]::FromMilliseconds(200)
        $session.Retry.Budget = [timespan]::FromSeconds(1.5)
        Add-Fault @{ method = 'GET'; path = '/processings/*'; kind = 'status'; status = 500; count = 1000 }

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $all = @(Get-MapflowProcessing -Id $p.Id -Verbose -ErrorVariable failures -ErrorAction SilentlyContinue 4>&1)
        $watch.Stop()

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.InternalError,*'
        $attempts = @(Get-EmulatorRequest $emulator -Path '/processings/*').Count
        Write-Host "    budget 1.5 s: $attempts attempts in $($watch.ElapsedMilliseconds) ms"
        $attempts | Should -BeGreaterThan 2
        $attempts | Should -BeLessThan 1001
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 2.5
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*no retry left within the budget' }).Count | Should -Be 1
    }

    It 'an HTML page with 200 or a cut-off JSON body is a MapflowApi.MalformedResponse error, never an empty result' {
        $session.Retry.MaxRetries = 1
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/v2"; kind = 'html'; count = 2 }
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/v2"; kind = 'truncate'; count = 2 }

        $html = $cut = $htmlError = $cutError = $null
        try { $html = Get-MapflowProcessing -Id $p.Id -ErrorAction Stop } catch { $htmlError = $_ }
        try { $cut = Get-MapflowProcessing -Id $p.Id -ErrorAction Stop } catch { $cutError = $_ }

        $html | Should -BeNullOrEmpty
        $htmlError.FullyQualifiedErrorId | Should -Be 'MapflowApi.MalformedResponse,Mapflow.PowerShell.Commands.GetMapflowProcessingCommand'
        $htmlError.Exception.Message | Should -BeLike '*HTML page*'
        $cut | Should -BeNullOrEmpty
        $cutError.FullyQualifiedErrorId | Should -Be 'MapflowApi.MalformedResponse,Mapflow.PowerShell.Commands.GetMapflowProcessingCommand'
        $cutError.Exception.Message | Should -BeLike '*ended*'
        ((Get-EmulatorRequest $emulator -Path '/processings/*').fault -join ',') | Should -Be 'html,html,truncate,truncate'
    }
}

Describe 'Timeouts per kind of call' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:session = Connect-Quick $emulator
        $session.Retry.MaxRetries = 1
    }

    It '$session.Timeouts.Api abandons a read that does not answer, retries it, then says MapflowApi.Timeout' {
        $p = New-FinishedProcessing
        Clear-RequestLog
        $session.Timeouts.Api = [timespan]::FromMilliseconds(300)
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/v2"; kind = 'latency'; delayMs = 5000; count = 10 }

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = $null
        try { Get-MapflowProcessing -Id $p.Id -ErrorAction Stop } catch { $err = $_ }
        $watch.Stop()

        $err.FullyQualifiedErrorId | Should -Be 'MapflowApi.Timeout,Mapflow.PowerShell.Commands.GetMapflowProcessingCommand'
        $err.Exception.Message | Should -BeLike '*did not answer in time after 1 retry*'
        $log = @(Get-EmulatorRequest $emulator -Path '/processings/*')
        $log.Count | Should -Be 2
        Write-Host "    Api timeout 300 ms, 2 attempts: $($watch.ElapsedMilliseconds) ms"
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
    }

    It '$session.Timeouts.DownloadIdle abandons a result that stops flowing, downloads it again, then says MapflowApi.Timeout' {
        $p = New-FinishedProcessing
        Clear-RequestLog
        $session.Timeouts.DownloadIdle = [timespan]::FromMilliseconds(400)
        # One byte a second: the headers come at once, then the body stalls.
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/result"; kind = 'slow'; bytesPerSecond = 1; count = 10 }
        $out = Join-Path $TestDrive 'idle'

        $saved = @($p | Save-MapflowResult -Path $out -ErrorVariable failures -ErrorAction SilentlyContinue)

        $saved.Count | Should -Be 0
        $failures[0].FullyQualifiedErrorId | Should -Be 'MapflowApi.Timeout,Mapflow.PowerShell.Commands.SaveMapflowResultCommand'
        $failures[0].Exception.Message | Should -Be 'no result data arrived for 0.4 s'
        @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*/result').Count | Should -Be 2
        @(Get-ChildItem $out -Force).Count | Should -Be 0
    }

    It 'a create that times out while the server still makes it is found by its key after a grace period: one processing' {
        # The server takes 450 ms and finishes whether or not the client waits (qgis#283); the client gives up after 300 ms.
        $session.Timeouts.Create = [timespan]::FromMilliseconds(300)
        Clear-RequestLog
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'drop'; delayMs = 450 }

        $all = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Verbose 4>&1)

        $started = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $started.Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 1
        Start-Sleep -Milliseconds 500
        $onServer = @(Get-EmulatorProcessing $emulator)
        $onServer.Count | Should -Be 1
        $started[0].Id | Should -Be $onServer[0].id
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*unclear outcome*did not answer in time*not sent again, but looked up by its key*' }).Count | Should -Be 1
    }

    It 'a create the server finishes after three times the create timeout is found, and never sent twice' {
        $session.Timeouts.Create = [timespan]::FromMilliseconds(300)
        $session.Timeouts.CreateConfirm = [timespan]::FromSeconds(10)
        Clear-RequestLog
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'drop'; delayMs = 900 }

        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -ErrorVariable failed)

        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 1
        $onServer = @(Get-EmulatorProcessing $emulator)
        $onServer.Count | Should -Be 1
        $failed.Count | Should -Be 0
        $started.Count | Should -Be 1
        $started[0].Id | Should -Be $onServer[0].id
    }

    It 'a create still unconfirmed when the look-ups end is Start.Unconfirmed, never sent again, and found by the next run' {
        $session.Timeouts.Create = [timespan]::FromMilliseconds(300)
        $session.Timeouts.CreateConfirm = [timespan]::FromMilliseconds(400)
        Clear-RequestLog
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'drop'; delayMs = 2000 }

        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -ErrorVariable unconfirmed -ErrorAction SilentlyContinue)

        $started.Count | Should -Be 0
        $unconfirmed.Count | Should -Be 1
        $unconfirmed[0].FullyQualifiedErrorId | Should -BeLike 'Start.Unconfirmed,*'
        $unconfirmed[0].TargetObject.Name | Should -Be 'Бой'
        $unconfirmed[0].Exception.Message | Should -BeLike "*'Бой'*not sent again*Run the same command later*"
        # The server finishes it later; the next run looks the key up first and pays nothing.
        $deadline = [datetime]::UtcNow.AddSeconds(10)
        while (@(Get-EmulatorProcessing $emulator).Count -eq 0 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        $again = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings)
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 1
        @(Get-EmulatorProcessing $emulator).Count | Should -Be 1
        $again[0].Id | Should -Be (Get-EmulatorProcessing $emulator)[0].id
    }

    It '$session.Timeouts.Create abandons a create that does not answer; nothing appears, and it is reported, not sent again' {
        $session.Timeouts.Create = [timespan]::FromMilliseconds(300)
        $session.Timeouts.CreateConfirm = [timespan]::FromMilliseconds(600)
        Clear-RequestLog
        # The emulator drops a request its client abandoned (a server that stops work on disconnect).
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'latency'; delayMs = 1500 }

        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -ErrorVariable unconfirmed -ErrorAction SilentlyContinue)

        $started.Count | Should -Be 0
        $unconfirmed[0].FullyQualifiedErrorId | Should -BeLike 'Start.Unconfirmed,*'
        Start-Sleep -Milliseconds 1500
        (@(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').fault -join ',') | Should -Be 'latency'
        @(Get-EmulatorProcessing $emulator).Count | Should -Be 0
    }
}

Describe 'Creates' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:session = Connect-Quick $emulator
        Clear-RequestLog
    }

    It 'a create whose answer is lost makes exactly one processing on the server' {
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'drop' }

        $all = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Verbose 4>&1)

        $started = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $creates = @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2')
        $creates.Count | Should -Be 1
        $creates[0].fault | Should -Be 'drop'
        $onServer = @(Get-EmulatorProcessing $emulator)
        $onServer.Count | Should -Be 1
        $started.Count | Should -Be 1
        $started[0].Id | Should -Be $onServer[0].id
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like "*the create's answer was lost*found by its key*" }).Count | Should -Be 1
    }

    It 'a create answered 503 proves nothing: it is looked up, not sent again, and reported as Start.Unconfirmed' {
        $session.Timeouts.CreateConfirm = [timespan]::FromMilliseconds(300)
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'status'; status = 503 }

        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -ErrorVariable unconfirmed -ErrorAction SilentlyContinue)

        (@(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').status -join ',') | Should -Be '503'
        $started.Count | Should -Be 0
        $unconfirmed[0].FullyQualifiedErrorId | Should -BeLike 'Start.Unconfirmed,*'
    }

    It 'a look-up that cannot read a same-named candidate leaves the outcome unclear: Start.Unconfirmed, never a refusal' {
        $session.Timeouts.CreateConfirm = [timespan]::FromMilliseconds(300)
        Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings | Out-Null
        Clear-RequestLog
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'status'; status = 503 }
        Add-Fault @{ method = 'GET'; path = '/processings/*/v2'; kind = 'status'; status = 404; count = 100 }

        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Force -ErrorVariable unconfirmed -ErrorAction SilentlyContinue)

        $started.Count | Should -Be 0
        $unconfirmed.Count | Should -Be 1
        $unconfirmed[0].FullyQualifiedErrorId | Should -BeLike 'Start.Unconfirmed,*'
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 1
    }

    It 'after three starts in a row without a clear answer the rest are not sent: Start.Halted' {
        $session.Timeouts.CreateConfirm = [timespan]::FromMilliseconds(200)
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'status'; status = 503; count = 100 }

        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 5 | Start-MapflowProcessing -Model Buildings -ThrottleLimit 1 `
                -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue)

        $started.Count | Should -Be 0
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 3
        @($problems.FullyQualifiedErrorId -like 'Start.Unconfirmed,*').Count | Should -Be 3
        @($problems.FullyQualifiedErrorId -like 'Start.Halted,*').Count | Should -Be 1
        ($warnings -join "`n") | Should -BeLike '*2 of 5 processing(s) were not started*'
    }

    It 'a create answered 429 is sent again after Retry-After: one processing' {
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'status'; status = 429; retryAfter = '0' }

        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings)

        (@(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').status -join ',') | Should -Be '429,200'
        @(Get-EmulatorProcessing $emulator).Count | Should -Be 1
        $started.Count | Should -Be 1
    }

    It 'four 429s, then a lost answer on the last try: the processing the server made is found, never reported as not started' {
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'status'; status = 429; retryAfter = '0'; count = 4 }
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'drop' }

        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -ErrorVariable failed -ErrorAction SilentlyContinue)

        (@(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').status -join ',') | Should -Be '429,429,429,429,0'
        $failed.Count | Should -Be 0
        $started.Count | Should -Be 1
        $started[0].Id | Should -Be (Get-EmulatorProcessing $emulator)[0].id
    }
}

Describe 'Downloads' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:session = Connect-Quick $emulator
        $script:out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'a truncated result is downloaded again and the saved file is complete' {
        $p = New-FinishedProcessing
        Clear-RequestLog
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/result"; kind = 'truncate' }

        $saved = @($p | Save-MapflowResult -Path $out)

        $log = @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*/result')
        ($log.fault -join ',') | Should -Be 'truncate,'
        ($log.status -join ',') | Should -Be '0,200'
        $saved.Count | Should -Be 1
        $expected = Invoke-WebRequest -Uri "$($emulator.Url)/processings/$($p.Id)/result" -Headers @{ Authorization = "Basic $($emulator.Token)" }
        $bytes = [IO.File]::ReadAllBytes($saved[0].Path)
        $bytes.Length | Should -Be $expected.RawContentLength
        (Get-FileHash $saved[0].Path -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $saved[0].Sha256
        [Convert]::ToHexString([Security.Cryptography.SHA256]::HashData($expected.RawContentStream.ToArray())) | Should -Be $saved[0].Sha256.ToUpperInvariant()
        $saved[0].FeatureCount | Should -Be 5
        @(Get-ChildItem $out -Force -Filter *.partial).Count | Should -Be 0
    }

    It 'an HTML page instead of the result writes no file and says MapflowApi.MalformedResponse' {
        $session.Retry.MaxRetries = 1
        $p = New-FinishedProcessing
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/result"; kind = 'html'; count = 100 }

        $saved = @($p | Save-MapflowResult -Path $out -ErrorVariable failures -ErrorAction SilentlyContinue)

        $saved.Count | Should -Be 0
        $failures[0].FullyQualifiedErrorId | Should -Be 'MapflowApi.MalformedResponse,Mapflow.PowerShell.Commands.SaveMapflowResultCommand'
        @(Get-ChildItem $out -Force).Count | Should -Be 0
        @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*/result').Count | Should -Be 2
    }

    It 'Ctrl+C during a long download returns promptly, leaves no file and cancels nothing on the server' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ featuresPerAoi = 3000 } | Out-Null
        $p = New-FinishedProcessing
        Clear-RequestLog
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/result"; kind = 'slow'; bytesPerSecond = 20000 }
        $run = Start-StoppablePipeline { param($Id, $Out) Save-MapflowResult -Id $Id -Path $Out } @{ Id = $p.Id; Out = $out }
        $ps = $run.PowerShell
        try {
            $handle = $run.Handle
            $downloading = Wait-Until {
                (Get-ChildItem $out -Force -Filter *.partial -ErrorAction SilentlyContinue) -and
                (Get-EmulatorRequest $emulator -Method GET -Path '/processings/*/result' | Where-Object status -eq 0)
            }
            $downloading | Should -Not -BeNullOrEmpty -Because 'the download must be under way when the pipeline is stopped'
            Start-Sleep -Milliseconds 300
            $handle.IsCompleted | Should -BeFalse

            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()

            Write-Host "    Stop() returned after $($watch.ElapsedMilliseconds) ms"
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            @(Get-ChildItem $out -Force).Count | Should -Be 0 -Because 'neither the final file nor a .partial may be left'
            $requests = @(Get-EmulatorRequest $emulator)
            ($requests | ForEach-Object { "$($_.method) $($_.path -replace '[0-9a-f-]{36}', '{id}')" }) -join ',' |
                Should -Be 'GET /user/status,GET /processings/{id}/v2,GET /processings/{id}/result'
            (Get-EmulatorProcessing $emulator).status | Should -Be 'OK'
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'Ctrl+C while Wait-MapflowProcessing waits between polls returns promptly and cancels nothing' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ processingDurationMs = 600000 } | Out-Null
        $p = Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings
        Clear-RequestLog
        $run = Start-StoppablePipeline { param($Id) Wait-MapflowProcessing -Id $Id -PollInterval 30 } @{ Id = $p.Id }
        try {
            # -Id reads each processing once, then waits the interval before polling the project's pages.
            $polled = Wait-Until { Get-EmulatorRequest $emulator -Method GET -Path "/processings/$($p.Id)/v2" | Where-Object status -eq 200 }
            $polled | Should -Not -BeNullOrEmpty
            Start-Sleep -Milliseconds 200

            $watch = [Diagnostics.Stopwatch]::StartNew()
            $run.PowerShell.Stop()
            $watch.Stop()

            Write-Host "    Stop() during a 30 s poll interval returned after $($watch.ElapsedMilliseconds) ms"
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            @(Get-EmulatorRequest $emulator | Where-Object { $_.method -notin 'GET', 'POST' -or $_.path -like '*cancel*' -or $_.path -like '*restart*' }).Count | Should -Be 0
            (Get-EmulatorProcessing $emulator).status | Should -Be 'IN_PROGRESS'
        }
        finally { $run.PowerShell.Dispose() }
    }

    It 'Ctrl+C during a Retry-After wait returns promptly and sends nothing more' {
        $p = New-FinishedProcessing
        Clear-RequestLog
        Add-Fault @{ method = 'GET'; path = "/processings/$($p.Id)/v2"; kind = 'status'; status = 503; retryAfter = '30' }
        $run = Start-StoppablePipeline { param($Id) Get-MapflowProcessing -Id $Id } @{ Id = $p.Id }
        try {
            $waiting = Wait-Until { Get-EmulatorRequest $emulator -Method GET -Path '/processings/*' | Where-Object status -eq 503 }
            $waiting | Should -Not -BeNullOrEmpty
            Start-Sleep -Milliseconds 200

            $watch = [Diagnostics.Stopwatch]::StartNew()
            $run.PowerShell.Stop()
            $watch.Stop()

            Write-Host "    Stop() during a 30 s Retry-After wait returned after $($watch.ElapsedMilliseconds) ms"
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 1
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            Start-Sleep -Milliseconds 300
            @(Get-EmulatorRequest $emulator -Path '/processings/*').Count | Should -Be 1
        }
        finally { $run.PowerShell.Dispose() }
    }
}

Describe 'Authentication failures' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:session = Connect-Quick $emulator
    }

    It 'a 403 ends the command with MapflowApi.Forbidden, without a retry' {
        Clear-RequestLog
        Add-Fault @{ method = 'GET'; path = '/user/status'; kind = 'status'; status = 403; count = 10 }

        { Get-MapflowAccount -ErrorAction Continue } | Should -Throw -ErrorId 'MapflowApi.Forbidden,Mapflow.PowerShell.Commands.GetMapflowAccountCommand'

        @(Get-EmulatorRequest $emulator).Count | Should -Be 1
    }

    It 'a 401 mid-run ends the command at once, without a retry' {
        $ids = @(0..2 | ForEach-Object { (New-FinishedProcessing -Index $_).Id })
        Clear-RequestLog
        Add-Fault @{ method = 'GET'; path = "/processings/$($ids[1])/v2"; kind = 'status'; status = 401; count = 10 }
        $seen = [System.Collections.Generic.List[object]]::new()

        $caught = $null
        try { Get-MapflowProcessing -Id $ids -ErrorAction Continue | ForEach-Object { $seen.Add($_) } }
        catch { $caught = $_ }

        $caught | Should -Not -BeNullOrEmpty -Because '401 is terminating even with -ErrorAction Continue'
        $caught.FullyQualifiedErrorId | Should -Be 'MapflowApi.Unauthorized,Mapflow.PowerShell.Commands.GetMapflowProcessingCommand'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $seen.Id | Should -Be $ids[0]
        (@(Get-EmulatorRequest $emulator -Path '/processings/*').path -join ',') | Should -Be "/processings/$($ids[0])/v2,/processings/$($ids[1])/v2"
    }
}

Describe 'Proxies' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
    }

    It 'HTTP_PROXY/HTTPS_PROXY send every request through the proxy, and NO_PROXY bypasses it' {
        # .NET takes HTTP_PROXY for http:// targets and HTTPS_PROXY for https:// ones; the emulator is plain http on
        # loopback, so both are set (and a third run shows HTTPS_PROXY alone is not used for it). .NET does not bypass
        # loopback for these variables (only NO_PROXY does), which is what lets this test see the proxy in use.
        $proxy = Start-MapflowProxy -EmulatorPath $EmulatorPath
        try {
            $command = "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'; (Get-MapflowAccount).Email"
            $environment = @{ MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = $emulator.Url; HTTP_PROXY = $proxy.Url; HTTPS_PROXY = $proxy.Url }

            $viaProxy = Invoke-ChildPwsh -Command $command -Environment $environment
            $environment.NO_PROXY = '127.0.0.1'
            $direct = Invoke-ChildPwsh -Command $command -Environment $environment
            $environment.Remove('NO_PROXY'); $environment.Remove('HTTP_PROXY')
            $httpsOnly = Invoke-ChildPwsh -Command $command -Environment $environment

            foreach ($run in $viaProxy, $direct, $httpsOnly) { $run.Output.Trim() | Should -Be 'demo@mapflow.local' -Because $run.Error }
            $proxied = @(Get-ProxyRequest $proxy)
            $proxied.Count | Should -Be 1 -Because 'neither the NO_PROXY run nor the HTTPS_PROXY-only run (an http:// API) may use the proxy'
            $proxied[0].method | Should -Be 'GET'
            $proxied[0].target | Should -Be "$($emulator.Url)/user/status"
            $proxied[0].status | Should -Be 200
            $proxied[0].authorization | Should -BeTrue
            @(Get-EmulatorRequest $emulator -Method GET -Path '/user/status').Count | Should -Be 3
        }
        finally { Stop-MapflowEmulator $proxy }
    }

    It 'Connect-Mapflow -Proxy -ProxyCredential goes through an authenticating proxy; without the credential it is a MapflowApi.ProxyFailure' {
        $proxy = Start-MapflowProxy -EmulatorPath $EmulatorPath -Argument '--Proxy:Credential=proxy-user:proxy-pass'
        try {
            $credential = [pscredential]::new('proxy-user', (ConvertTo-SecureString 'proxy-pass' -AsPlainText -Force))
            $session = Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -Proxy $proxy.Url -ProxyCredential $credential -PassThru
            $session.Proxy | Should -Be ([uri]$proxy.Url)
            (($session | Format-List * | Out-String) + ($session | ConvertTo-Json -Depth 5)).Contains('proxy-pass') | Should -BeFalse
            (Get-MapflowAccount).Email | Should -Be 'demo@mapflow.local'
            $proxied = @(Get-ProxyRequest $proxy | Where-Object status -eq 200)
            $proxied.Count | Should -Be 2
            $proxied.proxyAuthorization | Should -Be 'present', 'present'

            $null = Invoke-RestMethod -Uri "$($proxy.Url)/_proxy/requests" -Method DELETE
            $refused = { Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -Proxy $proxy.Url } |
                Should -Throw -PassThru -ErrorId 'MapflowApi.ProxyFailure,Mapflow.PowerShell.Commands.ConnectMapflowCommand'
            $refused.Exception.Message | Should -BeLike '*407 Proxy Authentication Required*'
            $refused.ErrorDetails.RecommendedAction | Should -BeLike '*-ProxyCredential*'
            (@(Get-ProxyRequest $proxy).status -join ',') | Should -Be '407' -Because 'a 407 is never retried'

            $null = Invoke-RestMethod -Uri "$($proxy.Url)/_proxy/requests" -Method DELETE
            $inUrl = ([uri]$proxy.Url).Authority
            $session = Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -Proxy "http://proxy-user:proxy-pass@$inUrl" -PassThru
            # The handler answers the proxy's 407 challenge itself, as with -ProxyCredential.
            (@(Get-ProxyRequest $proxy | Where-Object status -eq 200).proxyAuthorization) | Should -Be 'present' -Because 'user:password in the -Proxy URL is used as the credential'
            "$($session.Proxy)" | Should -Not -BeLike '*proxy-pass*'
        }
        finally { Stop-MapflowEmulator $proxy }
    }

    It 'a proxy at a closed port, from -Proxy or from HTTPS_PROXY, is a MapflowApi.ProxyFailure after its retries' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $closed = "http://127.0.0.1:$port"
        # The environment's proxy in a child process, at the same time as -Proxy here: both wait out the default retries.
        $child = Start-ChildPwsh -Command "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'; try { Get-MapflowAccount -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.Exception.Message }" `
            -Environment @{ MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = $emulator.Url; HTTP_PROXY = $closed; HTTPS_PROXY = $closed }

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $err = { Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -Proxy $closed } |
            Should -Throw -PassThru -ErrorId 'MapflowApi.ProxyFailure,Mapflow.PowerShell.Commands.ConnectMapflowCommand'
        $watch.Stop()
        $fromEnvironment = Wait-ChildPwsh $child

        Write-Host "    closed proxy port: -Proxy failed after $($watch.ElapsedMilliseconds) ms"
        $err.CategoryInfo.Category | Should -Be 'ConnectionError'
        $err.Exception.Message | Should -BeLike '*the proxy could not be reached*'
        $err.ErrorDetails.RecommendedAction | Should -BeLike '*-Proxy*HTTPS_PROXY*'
        # The session's retry options cannot be shrunk before Connect-Mapflow returns, so this runs with the defaults
        # (4 retries, 1 s base, full jitter): a proxy that refuses may be restarting, and a bulk run should ride that out.
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
        $lines = @($fromEnvironment.Output.Trim() -split '\r?\n')
        $lines[0] | Should -Be 'MapflowApi.ProxyFailure,Mapflow.PowerShell.Commands.GetMapflowAccountCommand' -Because $fromEnvironment.Error
        $lines[1] | Should -BeLike '*the proxy could not be reached*'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }
}

Describe 'Secrets' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Disconnect-Mapflow
    }

    It 'the token and its decoded form are in no stream, no $Error record and no transcript of a failing -Verbose -Debug run' {
        $out = Join-Path $TestDrive 'secrets'
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $Error.Clear()
        Add-Fault @{ method = 'GET'; path = '/user/status'; kind = 'status'; status = 401 }
        Add-Fault @{ method = 'GET'; path = '/user/status'; kind = 'status'; status = 503 }
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'drop' }
        Add-Fault @{ method = 'GET'; path = '/processings/*/result'; kind = 'truncate' }

        Start-Transcript -Path $transcript | Out-Null
        try {
            $captured = & {
                try { Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -Verbose -Debug } catch { $_ }
                $session = Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -PassThru -Verbose -Debug
                $session.Retry.BaseDelay = [timespan]::FromMilliseconds(50)
                $session | Format-List * | Out-String
                $session | ConvertTo-Json -Depth 5
                Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Verbose -Debug |
                    Wait-MapflowProcessing -PollInterval 0.1 -Verbose -Debug | Save-MapflowResult -Path $out -Verbose -Debug
                Get-MapflowProcessing -Id ([guid]::NewGuid()) -Verbose -Debug -ErrorAction Continue
                try { Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Houses -Verbose -Debug } catch { $_ }
                Write-Information 'end of the run'
            } *>&1
        }
        finally { Stop-Transcript | Out-Null }

        $text = Get-EverythingShown $captured $transcript
        # The run went through the paths that could leak: retries, a lost create, a cut download, a 401, a 404, a bad model.
        $text | Should -BeLike '*MapflowApi.Unauthorized*'
        $text | Should -BeLike '*503 ServiceUnavailable; retry 1 of*'
        $text | Should -BeLike "*the create's answer was lost*"
        $text | Should -BeLike '*downloading again*'
        $text | Should -BeLike '*MapflowApi.NotFound*'
        $text | Should -BeLike '*Model.NotFound*'
        $text | Should -BeLike '*GET /user/status attempt -> 401 in * ms*'
        $text | Should -BeLike '*end of the run*'
        foreach ($secret in $emulator.Token, $decoded, 'demo-secret', $emulator.Token.TrimEnd('=')) {
            $text.Contains($secret) | Should -BeFalse -Because 'a credential must never be shown'
        }
    }

    It 'no form of the secret is in any stream, $Error or a transcript after the API echoes it in JSON errors' {
        $transcript = Join-Path $TestDrive 'echo-transcript.txt'
        $Error.Clear()
        # A gateway that echoes the rejected request: in the message, in params as they came, nested, \u-escaped, wrapped over lines.
        Add-Fault @{ method = 'GET'; path = '/user/status'; kind = 'echo'; status = 400 }
        Add-Fault @{ method = 'POST'; path = '/processings/v2'; kind = 'echo'; status = 403 }
        Add-Fault @{ method = 'GET'; path = '/processings/*/v2'; kind = 'echo'; status = 404 }

        Start-Transcript -Path $transcript | Out-Null
        try {
            $captured = & {
                try { Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -Verbose -Debug } catch { $_ }
                Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -Verbose -Debug
                # Non-terminating, whatever the runner's ErrorActionPreference.
                Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Verbose -Debug -ErrorAction Continue
                Get-MapflowProcessing -Id ([guid]::NewGuid()) -Verbose -Debug -ErrorAction Continue
                $Error[0] | Format-List * -Force | Out-String
                $Error[0].Exception | Format-List * -Force | Out-String
                $Error[0].Exception.Parameters | ConvertTo-Json -Depth 5
            } *>&1
        }
        finally { Stop-Transcript | Out-Null }

        $text = Get-EverythingShown $captured $transcript
        # The echoes reached every kind of output: a terminating error, an item's error, a -Id read's error.
        @($Error | Where-Object { $_.Exception.Message -like '*Rejected request*' }).Count | Should -BeGreaterOrEqual 3
        $text | Should -BeLike '*(user [*][*][*])*'
        # Wrapped over lines or escaped, it is still the token: look for it with the wrapping and escapes taken out.
        $squeezed = $text -replace '\s|\\[rnt]', ''
        $escaped = -join ($emulator.Token.ToCharArray() | ForEach-Object { '\u{0:x4}' -f [int]$_ })
        foreach ($secret in $emulator.Token, $decoded, 'demo-secret', $emulator.Token.TrimEnd('=')) {
            $text.Contains($secret) | Should -BeFalse -Because 'a credential must never be shown'
            $squeezed.Contains($secret) | Should -BeFalse -Because 'a credential broken over lines is still a credential'
        }
        $text.Contains($escaped.Substring(0, 36)) | Should -BeFalse -Because 'an escaped credential is still a credential'
    }
}
