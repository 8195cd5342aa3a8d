# Runs every *.Tests.ps1 file (or those under -Path) against the built module; writes the pass/fail counts as JSON.
param(
    [Parameter(Mandatory)] [string] $PesterPath,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $Path = $PSScriptRoot
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterPath -Force
$env:MAPFLOW_TEST_MODULE = $ModulePath
$env:MAPFLOW_TEST_EMULATOR = $EmulatorPath

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
# Plain text for logs: when the output is not a terminal, or NO_COLOR is set. (Pester's Auto mode checks NO_COLOR
# but not redirection: it writes colour codes into a file whenever the host could show them.)
if ([Console]::IsOutputRedirected -or $env:NO_COLOR) {
    $PSStyle.OutputRendering = 'PlainText'
    $config.Output.RenderMode = 'Plaintext'
}
$result = Invoke-Pester -Configuration $config
# The names and first error lines of what failed go into the summary too: build.ps1 repeats them next to the
# closing counts, the only part of a long log that CI shows.
$failures = @(
    foreach ($test in $result.Failed) { '{0}: {1}' -f $test.ExpandedPath, ($test.ErrorRecord | Select-Object -First 1) }
    foreach ($block in $result.FailedBlocks) { '{0} (setup): {1}' -f $block.ExpandedPath, ($block.ErrorRecord | Select-Object -First 1) }
    foreach ($container in $result.FailedContainers) { '{0}: {1}' -f $container.Item, ($container.ErrorRecord | Select-Object -First 1) }
)
[pscustomobject]@{
    Passed   = $result.PassedCount
    Failed   = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Failures = $failures
} | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding utf8NoBOM
