# What unattended runs must never do quietly, and the rough edges of saving: a failed project look-up that would
# spend credits in the Default project, failed and running processings told apart, skipped files that keep their
# numbers, a -Path that is a file, errors that name the file the user asked for, a progress bar from the start.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator

    function Add-Fault([hashtable] $Fault) { Invoke-EmulatorControl $emulator faults -Method POST -Body $Fault | Out-Null }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'The target project' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'a -Project that a failed look-up left empty ends the command, and nothing is started in the Default project' {
        $p = Get-MapflowProject -Name 'typo' -ErrorAction SilentlyContinue
        $p | Should -BeNullOrEmpty

        $err = { Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings -Project $p } |
            Should -Throw -PassThru -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.StartMapflowProcessingCommand'

        $err.Exception.Message | Should -BeLike '*-Project was given, but it is empty or null*Nothing was started*'
        { Start-MapflowProcessing -Geometry '{"type":"Polygon","coordinates":[[[64,39],[64.01,39],[64.01,39.01],[64,39]]]}' -Model Buildings -Project '' } |
            Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.StartMapflowProcessingCommand'
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }

    It 'without -Project the Default project is used, and a verbose line and the -WhatIf summary name it' {
        $whatIf = Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -WhatIf -Verbose *>&1 | Out-String
        $whatIf | Should -BeLike "*No -Project: using the Default project 'Default'*"
        $whatIf | Should -BeLike "*What if: 1 processing(s) in project 'Default' (the Default project)*"
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }
}

Describe 'Saving' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:out = Join-Path $TestDrive ([guid]::NewGuid())
    }

    It 'a failed processing is reported as failed, once, and only a running one gets the advice to wait' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ processingDurationMs = 600000 } | Out-Null
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings)
        Invoke-EmulatorControl $emulator "processings/$($started[0].Id)/status" -Method POST -Body @{ status = 'FAILED' } | Out-Null

        $started | ForEach-Object { Get-MapflowProcessing -Id $_.Id } | Save-MapflowResult -Path $out -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null

        $problems.Count | Should -Be 2
        $failed = $problems | Where-Object { $_.TargetObject.Id -eq $started[0].Id }
        $failed.FullyQualifiedErrorId | Should -BeLike 'Result.NoResult,*'
        $failed.Exception.Message | Should -BeLike '*failed: dataloader.NoDataTile*no result to save*'
        $failed.Exception.Message | Should -Not -BeLike '*Wait-MapflowProcessing*'
        $running = $problems | Where-Object { $_.TargetObject.Id -eq $started[1].Id }
        $running.FullyQualifiedErrorId | Should -BeLike 'Result.NotReady,*'
        $running.Exception.Message | Should -BeLike '*still IN_PROGRESS*Wait-MapflowProcessing*'
    }

    It 'in Wait | Save a failed processing is reported once, by Wait' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ processingDurationMs = 600000 } | Out-Null
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings)
        Invoke-EmulatorControl $emulator "processings/$($started[0].Id)/status" -Method POST -Body @{ status = 'FAILED' } | Out-Null
        Invoke-EmulatorControl $emulator "processings/$($started[1].Id)/status" -Method POST -Body @{ status = 'OK' } | Out-Null

        $saved = @($started | Wait-MapflowProcessing -PollInterval 0.1 -ErrorVariable waited -ErrorAction SilentlyContinue |
            Save-MapflowResult -Path $out -ErrorVariable saving -ErrorAction SilentlyContinue)

        $saved.Count | Should -Be 1
        $waited.Count | Should -Be 1
        $waited[0].FullyQualifiedErrorId | Should -BeLike 'Processing.Failed,*'
        $saving.Count | Should -Be 0
    }

    It 'files skipped on a re-run keep the feature count and SHA-256 the manifest has for them' {
        $done = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing -PollInterval 0.1)
        $first = @($done | Save-MapflowResult -Path $out)

        $again = @($done | Save-MapflowResult -Path $out)

        $again | ForEach-Object { $_.Skipped | Should -BeTrue }
        foreach ($file in $again) {
            $was = $first | Where-Object Path -eq $file.Path
            $file.FeatureCount | Should -Be $was.FeatureCount
            $file.FeatureCount | Should -BeGreaterThan 0
            $file.Sha256 | Should -Be $was.Sha256
        }
    }

    It '-Path that is a file, or names one, says -Path must be a folder' {
        $file = Join-Path $TestDrive 'result.geojson'
        { Get-MapflowProcessing | Save-MapflowResult -Path $file } |
            Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.SaveMapflowResultCommand' -ExpectedMessage '*-Path must be a folder*-Merge*'
        Test-Path -LiteralPath $file | Should -BeFalse
        Set-Content -LiteralPath (Join-Path $TestDrive 'plain') -Value 'x'
        { Get-MapflowProcessing | Save-MapflowResult -Path (Join-Path $TestDrive 'plain') } | Should -Throw -ExpectedMessage "*is a file*"
    }

    It 'a file that cannot be written is named in the error, not the hidden .partial it was downloaded to' {
        $done = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing -PollInterval 0.1)
        $target = Join-Path $out ('Бой_{0}.geojson' -f $done[0].Id.ToString('N').Substring(0, 8))
        # A folder where the file should go: the rename into place fails, as on a full or read-only disk.
        $null = New-Item -ItemType Directory -Path (Join-Path $target 'blocker') -Force

        $done | Save-MapflowResult -Path $out -Force -ErrorVariable failed -ErrorAction SilentlyContinue | Out-Null

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Mapflow.IOError,*'
        $failed[0].Exception.Message | Should -BeLike "*'$target' could not be written*"
        $failed[0].Exception.Message | Should -Not -BeLike '*.partial*'
        @(Get-ChildItem -LiteralPath $out -Force -Filter '.*.partial').Count | Should -Be 0
    }

    It 'shows its progress bar as soon as the first download starts, not when it ends' {
        Invoke-EmulatorControl $emulator config -Method POST -Body @{ featuresPerAoi = 1000 } | Out-Null
        $done = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing -PollInterval 0.1)
        Add-Fault @{ method = 'GET'; path = '/processings/*/result'; kind = 'slow'; bytesPerSecond = 100000 }
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Module, $Url, $Token, $Id, $Out)
                    Import-Module $Module
                    Connect-Mapflow -Token $Token -ApiUrl $Url
                    Save-MapflowResult -Id $Id -Path $Out
                }).AddParameters(@{ Module = (Join-Path $ModulePath 'Mapflow.psd1'); Url = $emulator.Url; Token = $emulator.Token; Id = $done[0].Id; Out = $out })
            $handle = $ps.BeginInvoke()
            Wait-Until { Get-ChildItem -LiteralPath $out -Force -Filter '.*.partial' -ErrorAction SilentlyContinue } | Should -Not -BeNullOrEmpty

            # Counted, not enumerated: enumerating a running pipeline's stream waits for the pipeline to end.
            $ps.Streams.Progress.Count | Should -BeGreaterThan 0 -Because 'the bar is up while the first download is still running'
            $ps.EndInvoke($handle).Count | Should -Be 1
        }
        finally { $ps.Dispose() }
    }
}
