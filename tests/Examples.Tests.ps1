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
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'Example 2, the scheduled task, succeeds on its first run and on the next one, which starts nothing twice' {
        $jobs = Join-Path $TestDrive 'jobs'
        $null = New-Item -ItemType Directory $jobs
        Copy-Item $PlacesPath (Join-Path $jobs 'places.geojson')
        # Only the job folder and the poll interval differ from the help: the emulator's processings finish at once.
        $code = (Get-AboutExample 'Example 2: A scheduled task that can be run again').Replace('C:\jobs', $jobs).Replace('-PollInterval 60', '-PollInterval 0.2')
        $code | Should -Match 'Export-Csv'
        $features = (Get-Content $PlacesPath -Raw | ConvertFrom-Json).features.Count

        $first = Invoke-Example $code $jobs
        $first.Error | Should -BeNullOrEmpty
        $first.ExitCode | Should -Be 0
        $saved = @(Import-Csv (Join-Path $jobs 'out/saved.csv'))
        $saved.Count | Should -Be $features
        @(Get-EmulatorRequest $emulator -Method POST -Path '/projects').Count | Should -Be 1

        $second = Invoke-Example $code $jobs
        $second.Error | Should -BeNullOrEmpty
        $second.ExitCode | Should -Be 0
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be $features
        @(Get-EmulatorRequest $emulator -Method POST -Path '/projects').Count | Should -Be 1
        $again = @(Import-Csv (Join-Path $jobs 'out/saved.csv'))
        $again.Count | Should -Be (2 * $features)
        @($again | Select-Object -Skip $features | Where-Object Skipped -EQ 'True').Count | Should -Be $features
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
