@{
    RootModule           = 'Mapflow.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0c7a53-2f7e-4d6e-9a51-6f0b8d2c4e11'
    Author               = 'Mapflow for PowerShell contributors'
    CompanyName          = 'Mapflow for PowerShell contributors'
    Copyright            = '(c) 2026 Mapflow for PowerShell contributors. MIT License.'
    Description          = 'Run Mapflow.ai AI feature extraction (buildings, forests, roads...) over many areas of interest from PowerShell: import AOIs, start processings in bulk, wait with progress, save every result.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    FormatsToProcess     = @('Mapflow.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Mapflow'
        'Disconnect-Mapflow'
        'Get-MapflowAccount'
        'Get-MapflowModel'
        'Get-MapflowDataProvider'
        'New-MapflowProject'
        'Get-MapflowProject'
        'Set-MapflowProject'
        'Remove-MapflowProject'
        'Import-MapflowAoi'
        'Start-MapflowProcessing'
        'Get-MapflowProcessingCost'
        'Get-MapflowProcessing'
        'Wait-MapflowProcessing'
        'Save-MapflowResult'
        'Restart-MapflowProcessing'
        'Remove-MapflowProcessing'
        'Test-MapflowConnection'
        'Set-MapflowProcessing'
        'Set-MapflowProcessingRating'
        'Approve-MapflowProcessing'
        'Deny-MapflowProcessing'
        'Get-MapflowAoi'
        'Get-MapflowResult'
        'Export-MapflowReport'
        'New-MapflowMosaic'
        'Get-MapflowMosaic'
        'Set-MapflowMosaic'
        'Remove-MapflowMosaic'
        'Add-MapflowImage'
        'Get-MapflowImage'
        'Set-MapflowImage'
        'Remove-MapflowImage'
        'Save-MapflowImage'
        'Find-MapflowImagery'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Mapflow', 'GIS', 'GeoJSON', 'RemoteSensing', 'AI')
            ProjectUri = 'https://mapflow.ai'
            # The MIT text of LICENSE, which the package also carries.
            LicenseUri = 'https://opensource.org/license/mit'
            # ReleaseNotes: build.ps1 writes CHANGELOG.md's newest section into the built manifest.
        }
    }
}
