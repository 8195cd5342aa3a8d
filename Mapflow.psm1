# Loads the module's assemblies from bin/ through Mapflow.Loader (src/Mapflow.Loader): on PowerShell 7 into a load
# context of their own, so other modules' versions of the same dependencies (Microsoft.Extensions.*, Polly,
# NetTopologySuite...) never clash with ours; on Windows PowerShell with an AssemblyResolve hook for our versions.

# .NET calls rather than Get-Command, Join-Path and Add-Type, which would add 40, 100 and 80 ms to every import.
# Import-Module from the engine itself, whatever proxy or alias a profile put in its place.
$importModule = $ExecutionContext.InvokeCommand.GetCmdlet('Microsoft.PowerShell.Core\Import-Module')
$bin = [IO.Path]::Combine($PSScriptRoot, 'bin')
# One loader per session: the first one imported serves every later import (another runspace, another version).
if (-not ('Mapflow.Loader.ModuleLoader' -as [type])) {
    $framework = if ($PSEdition -eq 'Core') { 'netcoreapp3.1' } else { 'netstandard2.0' }
    $null = [System.Reflection.Assembly]::LoadFrom([IO.Path]::Combine($bin, $framework, 'Mapflow.Loader.dll'))
}
# Mapflow.Client holds the types the cmdlets emit; importing it as well makes [Mapflow.Processing] and the like
# nameable from scripts, which PowerShell does only for the assemblies of its own context and those imported.
& $importModule -Assembly ([Mapflow.Loader.ModuleLoader]::Load($bin, 'Mapflow.Client'))
$cmdlets = & $importModule -Assembly ([Mapflow.Loader.ModuleLoader]::Load($bin, 'Mapflow.PowerShell')) -PassThru

# Import-Module -Assembly of an assembly already imported once (Import-Module -Force, a second runspace) reuses the
# cached module and leaves this one without cmdlets (PowerShell issue #20710): add them here. Non-public API, as
# PSToml and OpenAuthenticode do.
$addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod('AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
foreach ($cmdlet in $cmdlets.ExportedCmdlets.Values) {
    $null = $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
}
