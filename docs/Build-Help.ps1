# Writes the module's help into the built module folder (placeholder until the help sources land).
param([Parameter(Mandatory)] [string] $SourcePath, [Parameter(Mandatory)] [string] $ModulePath)
$null = New-Item -ItemType Directory -Force (Join-Path $ModulePath 'en-US')
