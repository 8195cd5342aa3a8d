# The test runner's output in logs: no ANSI escape codes when it does not write to a terminal, or with NO_COLOR.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:runner = Join-Path $PSScriptRoot 'Invoke-PesterTests.ps1'
    $script:pester = (Get-Module Pester).Path -replace '\.psm1$', '.psd1'
    $script:pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    $script:escape = [char]27
    # Colour codes (SGR).
    $script:colour = "$([char]27)\[[0-9;]*m"

    # A small suite with what a real run prints: a pass, a failure with its error, and a table written to the host.
    $script:suite = Join-Path $TestDrive 'suite'
    $null = New-Item -ItemType Directory $suite
    Set-Content -LiteralPath (Join-Path $suite 'Small.Tests.ps1') -Encoding utf8 -Value @'
Describe 'A small suite' {
    It 'passes' {
        Get-Process -Id $PID | Format-Table Id, Name | Out-String | Write-Host
        Write-Error 'an error record' -ErrorAction Continue
        1 | Should -Be 1
    }
    It 'fails' { 1 | Should -Be 2 }
}
'@

    # Runs the runner on the small suite in a child pwsh; returns its output and the counts it wrote.
    function Invoke-Runner {
        param([hashtable] $Environment = @{})
        $summary = Join-Path $TestDrive "summary-$([guid]::NewGuid()).json"
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $runner, '-PesterPath', $pester, '-ModulePath', $ModulePath,
            '-EmulatorPath', $EmulatorPath, '-SummaryPath', $summary, '-Path', $suite)
        # The build sets NO_COLOR when its output is a file; each case here starts without it.
        $saved = $env:NO_COLOR
        try {
            Remove-Item Env:NO_COLOR -ErrorAction Ignore
            foreach ($name in $Environment.Keys) { Set-Item "Env:$name" $Environment[$name] }
            $output = & $pwsh @arguments 2>&1
        }
        finally {
            foreach ($name in $Environment.Keys) { Remove-Item "Env:$name" -ErrorAction Ignore }
            if ($saved) { $env:NO_COLOR = $saved }
        }
        # Joined, not Out-String, which may drop escape codes itself.
        [pscustomobject]@{ Text = ($output -join "`n"); Summary = Get-Content -LiteralPath $summary -Raw | ConvertFrom-Json }
    }
}

Describe 'Invoke-PesterTests.ps1 output' {
    It 'is plain text when redirected to a file or pipe, failures and tables included' {
        $run = Invoke-Runner

        $run.Summary.Passed | Should -Be 1
        $run.Summary.Failed | Should -Be 1
        $run.Text | Should -Match '\[-\] fails'
        $run.Text | Should -Match 'Expected 2, but got 1'
        $run.Text | Should -Match 'an error record'
        $run.Text.Contains($escape) | Should -BeFalse -Because 'a log should carry no colour codes'
    }

    It 'is plain text with NO_COLOR too' {
        $run = Invoke-Runner -Environment @{ NO_COLOR = '1' }

        $run.Summary.Failed | Should -Be 1
        $run.Text | Should -Match '\[\+\] passes'
        $run.Text.Contains($escape) | Should -BeFalse
    }

    It 'differs from Pester''s own default, which writes colour codes into a redirected output' {
        # The same suite through Invoke-Pester as the runner called it before: what the checks above would catch.
        $command = "Import-Module '$pester'; `$c = New-PesterConfiguration; `$c.Run.Path = '$suite'; `$c.Output.Verbosity = 'Detailed'; `$null = Invoke-Pester -Configuration `$c"
        $saved = $env:NO_COLOR
        try {
            Remove-Item Env:NO_COLOR -ErrorAction Ignore
            $output = & $pwsh -NoProfile -NonInteractive -Command $command 2>&1
        }
        finally { if ($saved) { $env:NO_COLOR = $saved } }
        ($output -join "`n") | Should -Match $colour
    }
}
