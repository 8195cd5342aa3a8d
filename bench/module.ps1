# The module's chain as a user types it, every parameter at its default; the token and API come from the environment.
param($AoiFile, $Out, $ModulePath)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModulePath 'Mapflow.psd1')
$p = New-MapflowProject -Name 'bench'
Import-MapflowAoi $AoiFile | Start-MapflowProcessing -Model Buildings -Project $p | Wait-MapflowProcessing |
    Save-MapflowResult -Path $Out | Out-Null
