# Help examples that scripts copy as they are, run as written against an emulator, on a first run (nothing made
# yet: no folder, no project) and on a second one. Each runs in a child pwsh, as a scheduled task would.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # Processings finish at once, so waits end at their first poll.
    $script:emulator = Start-MapflowEmulator -EmulatorPath $EmulatorPath -Argument '--Emulator:ProcessingDurationMs=0', '--Emulator:FeaturesPerAoi=2'
    $script:pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })

    # The code of an about_Mapflow example: the indented lines after its title, up to the first blank line.
    function Get-AboutExample {
        param([string] $Title)
        $lines = Get-Content -LiteralPath (Join-Path $ModulePath 'en-US/about_Mapflow.help.txt') -Encoding utf8
        $start = [array]::FindIndex($lines, [Predicate[string]] { param($l) $l.Trim() -eq $Title })
        $start | Should -BeGreaterOrEqual 0 -Because "about_Mapflow should have '$Title'"
        $code = for ($i = $start + 1; $i -lt $lines.Count -and $lines[$i].Trim(); $i++) { $lines[$i] -replace '^ {8}', '' }
        $code -join "`n"
    }

    # Runs a script in a child pwsh in $Folder, with the built module and the emulator's token in the environment.
    function Invoke-Example {
        param([string] $Code, [string] $Folder)
        $script = Join-Path $Folder "example-$([guid]::NewGuid()).ps1"
        Set-Content -LiteralPath $script -Encoding utf8 -Value "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'`n$Code"
        $psi = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
        foreach ($a in '-NoProfile', '-NonInteractive', '-File', $script) { $psi.ArgumentList.Add($a) }
        $psi.WorkingDirectory = $Folder
        $psi.Environment['MAPFLOW_TOKEN'] = $emulator.Token
        $psi.Environment['MAPFLOW_API_URL'] = $emulator.Url
        $psi.Environment['NO_COLOR'] = '1'
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($psi)
        $output = $process.StandardOutput.ReadToEndAsync()
        $errors = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit(120000)) { $process.Kill(); throw 'The example did not finish in 120 s.' }
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $output.Result; Error = $errors.Result }
    }
}
AfterAll {
    Stop-MapflowEmulator $script:emulator
}

Describe 'about_Mapflow examples' {
    BeforeAll {
        $script:scheduledTitle = 'Example 2: A scheduled task that fails loudly and can be run again'

        # The scheduled-task script as the help gives it, in a job folder with places.geojson, run by a child
        # "pwsh -NonInteractive -File" that finds the module by name, as an installed module is found.
        function Start-ScheduledScript {
            param([string[]] $ArgumentList = @(), [hashtable] $Environment = @{})
            $file = Join-Path $jobs 'villages.ps1'
            Set-Content -LiteralPath $file -Encoding utf8 -Value (Get-AboutExample $scheduledTitle)
            $variables = @{
                MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = $emulator.Url; NO_COLOR = '1'
                PSModulePath = "$(Split-Path $ModulePath)$([IO.Path]::PathSeparator)$env:PSModulePath"
            }
            foreach ($name in $Environment.Keys) { $variables[$name] = $Environment[$name] }
            Start-ChildPwsh -File $file -ArgumentList (@('-Poll', '0.2') + $ArgumentList) -Environment $variables
        }

        function Invoke-ScheduledScript {
            param([string[]] $ArgumentList = @(), [hashtable] $Environment = @{})
            Wait-ChildPwsh (Start-ScheduledScript -ArgumentList $ArgumentList -Environment $Environment)
        }
    }
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:jobs = Join-Path $TestDrive ([guid]::NewGuid())
        $null = New-Item -ItemType Directory $jobs
        Copy-Item $PlacesPath (Join-Path $jobs 'places.geojson')
    }

    It 'Example 2 is the scheduled-task script of the README, word for word' {
        $readme = Get-Content -LiteralPath (Join-Path $PSScriptRoot '../README.md') -Raw -Encoding utf8
        $readme -match '(?s)<!-- The scheduled-task script[^\n]*\n```powershell\n(.*?)\n```' | Should -BeTrue
        ($Matches[1] -replace '\r', '') | Should -Be (Get-AboutExample $scheduledTitle)
    }

    It 'Example 2 exits 0 on its first run and on the next one, which starts nothing twice, and keeps a log' {
        $features = (Get-Content $PlacesPath -Raw | ConvertFrom-Json).features.Count

        $first = Invoke-ScheduledScript
        $first.ExitCode | Should -Be 0 -Because "$($first.Output)`n$($first.Error)"
        $first.Output | Should -BeLike "*$features file(s) saved, 0 problem(s)*"
        @(Get-ChildItem (Join-Path $jobs 'out') -Filter *.geojson).Count | Should -Be $features
        @(Get-EmulatorRequest $emulator -Method POST -Path '/projects').Count | Should -Be 1

        $second = Invoke-ScheduledScript
        $second.ExitCode | Should -Be 0 -Because "$($second.Output)`n$($second.Error)"
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be $features
        @(Get-EmulatorRequest $emulator -Method POST -Path '/projects').Count | Should -Be 1
        Get-Content (Join-Path $jobs 'villages.log') -Raw | Should -BeLike "*$features file(s) saved, 0 problem(s)*"
    }

    It 'Example 2 exits 1 when the token is refused, and says why in its log' {
        $run = Invoke-ScheduledScript -Environment @{ MAPFLOW_TOKEN = 'bm9ib2R5QGV4YW1wbGUuY29tOndyb25n' }
        $run.ExitCode | Should -Be 1
        $run.Output | Should -BeLike '*Stopped: MapflowApi.Unauthorized*'
        Get-Content (Join-Path $jobs 'villages.log') -Raw | Should -BeLike '*MapflowApi.Unauthorized*'
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }

    It 'Example 2 exits 1 for an unknown model, before anything is started' {
        $run = Invoke-ScheduledScript -ArgumentList '-Model', 'Houses'
        $run.ExitCode | Should -Be 1
        $run.Output | Should -BeLike '*Stopped: Model.NotFound*'
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }

    It 'Example 2 exits 2 when a processing failed, and lists the failure' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ processingDurationMs = 600000 } | Out-Null
        $features = (Get-Content $PlacesPath -Raw | ConvertFrom-Json).features.Count
        $child = Start-ScheduledScript
        $started = Wait-Until { $all = @(Get-EmulatorProcessing $emulator); if ($all.Count -eq $features) { $all } } -TimeoutSeconds 60
        Invoke-EmulatorControl $emulator "processings/$($started[0].id)/status" -Method POST -Body @{ status = 'FAILED' } | Out-Null
        $started | Select-Object -Skip 1 | ForEach-Object { Invoke-EmulatorControl $emulator "processings/$($_.id)/status" -Method POST -Body @{ status = 'OK' } | Out-Null }

        $run = Wait-ChildPwsh $child

        $run.ExitCode | Should -Be 2 -Because "$($run.Output)`n$($run.Error)"
        $run.Output | Should -BeLike '*, 1 problem(s)*' -Because 'the failure is reported once, by Wait-MapflowProcessing'
        $run.Output | Should -BeLike '*Processing.Failed*'
        @(Get-ChildItem (Join-Path $jobs 'out') -Filter *.geojson).Count | Should -Be ($features - 1)
    }
}

Describe 'Cmdlet help examples' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'New-MapflowProject: "Create the project only when it does not exist yet" creates it once and writes no error' {
        $example = (Get-Help New-MapflowProject -Examples).examples.example | Where-Object title -Like '*only when it does not exist yet*'
        $code = ($example.code -join "`n") + "`n`$p.Id.ToString()"
        $folder = Join-Path $TestDrive 'project'
        $null = New-Item -ItemType Directory $folder

        $first = Invoke-Example $code $folder
        $second = Invoke-Example $code $folder

        $first.Error | Should -BeNullOrEmpty
        $second.Error | Should -BeNullOrEmpty
        $first.Output.Trim() | Should -Match '^[0-9a-f-]{36}$'
        $second.Output.Trim() | Should -Be $first.Output.Trim()
        @(Get-EmulatorRequest $emulator -Method POST -Path '/projects').Count | Should -Be 1
    }
}
