# The benchmark's smoke run, so that `build.ps1 -Task Bench` cannot rot: every contender runs to the end and leaves
# one complete file per AOI (the script throws otherwise). No timing is asserted.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'bench/Invoke-Bench.ps1 -Smoke' {
    It 'runs the guide''s scripts and the module''s chain over 20 AOIs, each leaving every file and feature' {
        $results = Join-Path $TestDrive 'RESULTS.md'
        $run = Invoke-ChildPwsh -File (Join-Path $PSScriptRoot '../bench/Invoke-Bench.ps1') `
            -ArgumentList '-Smoke', '-ModulePath', $ModulePath, '-EmulatorPath', $EmulatorPath, '-ResultsPath', $results

        $run.ExitCode | Should -Be 0 -Because "$($run.Output)`n$($run.Error)"
        $rows = @($run.Output -split '\r?\n' | Where-Object { $_ -match '^\s*(A|A2|B)\s+20\s' })
        $expected = @('A', 'B') + $(if (Get-Command python3 -ErrorAction SilentlyContinue) { 'A2' })
        ($rows | ForEach-Object { ($_ -split '\s+' | Where-Object { $_ })[0] } | Sort-Object) | Should -Be ($expected | Sort-Object)
        # B's requests: one create and one download per AOI, and only a few more.
        $b = ($rows | Where-Object { $_ -match '^\s*B\s' }) -split '\s+' | Where-Object { $_ }
        [int]$b[5] | Should -BeLessOrEqual (2 * 20 + 15)
        Test-Path -LiteralPath $results | Should -BeFalse -Because 'a smoke run writes no RESULTS.md'
    }
}
