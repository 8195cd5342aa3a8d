# Restarting and deleting processings, over real HTTP against an emulator process.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator
    function Set-Status([guid] $Id, [hashtable] $Body) { Invoke-EmulatorControl $emulator "processings/$Id/status" -Method POST -Body $Body | Out-Null }
    function Clear-RequestLog { Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null }
    # Three processings of a project of their own, finished.
    function New-Finished([string] $ProjectName, [int] $Count = 3) {
        $p = New-MapflowProject -Name $ProjectName
        @(Import-MapflowAoi $PlacesPath | Select-Object -First $Count | Start-MapflowProcessing -Model Buildings -Project $p |
            Wait-MapflowProcessing -PollInterval 0.1)
    }
    $script:childEnvironment = @{ MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = $emulator.Url; NO_COLOR = '1' }
    $script:import = "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'"
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Restart-MapflowProcessing' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'restarts a FAILED processing with one request, and the processing it writes runs on to OK' {
        $done = New-Finished 'Restart' 1
        Set-Status $done[0].Id @{ status = 'FAILED' }
        $failed = Get-MapflowProcessing -Id $done[0].Id
        Clear-RequestLog

        $restarted = @($failed | Restart-MapflowProcessing)

        $restarted.Count | Should -Be 1
        $restarted[0].Id | Should -Be $failed.Id
        $restarted[0].Status | Should -Be 'IN_PROGRESS'
        @(Get-EmulatorRequest $emulator -Method POST -Path "/processings/$($failed.Id)/restart/v2").Count | Should -Be 1
        @(Get-EmulatorRequest $emulator).Count | Should -Be 1
        ($restarted | Wait-MapflowProcessing -PollInterval 0.1).Status | Should -Be 'OK'
    }

    It 'refuses a processing that is not FAILED with Processing.NotFailed, and sends nothing' {
        $done = New-Finished 'Not failed' 2
        Set-Status $done[1].Id @{ status = 'FAILED' }
        $objects = @($done[0], (Get-MapflowProcessing -Id $done[1].Id))
        Clear-RequestLog

        $restarted = @($objects | Restart-MapflowProcessing -ErrorVariable refused -ErrorAction SilentlyContinue)

        $restarted.Id | Should -Be $done[1].Id
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'Processing.NotFailed,Mapflow.PowerShell.Commands.RestartMapflowProcessingCommand'
        $refused[0].TargetObject.Id | Should -Be $done[0].Id
        @(Get-EmulatorRequest $emulator -Method POST -Path "/processings/$($done[0].Id)/restart*").Count | Should -Be 0
    }

    It 'by id, a refusal by Mapflow is a MapflowApi error naming the id' {
        $done = New-Finished 'By id' 1

        Restart-MapflowProcessing -Id $done[0].Id -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.*,Mapflow.PowerShell.Commands.RestartMapflowProcessingCommand'
        $refused[0].TargetObject | Should -Be $done[0].Id
    }

    It 'with -WhatIf restarts nothing' {
        $done = New-Finished 'What if restart' 1
        Set-Status $done[0].Id @{ status = 'FAILED' }
        $failed = Get-MapflowProcessing -Id $done[0].Id
        Clear-RequestLog

        $failed | Restart-MapflowProcessing -WhatIf | Should -BeNullOrEmpty

        @(Get-EmulatorRequest $emulator -Method POST).Count | Should -Be 0
        (Get-MapflowProcessing -Id $failed.Id).Status | Should -Be 'FAILED'
    }
}

Describe 'Remove-MapflowProcessing' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'with -Force deletes every piped processing, one request each, and -PassThru writes them' {
        $done = New-Finished 'Remove'
        Clear-RequestLog

        $removed = @($done | Remove-MapflowProcessing -Force -PassThru)

        ($removed.Id | Sort-Object) | Should -Be ($done.Id | Sort-Object)
        @(Get-EmulatorRequest $emulator -Method DELETE -Path '/processings/*').Count | Should -Be 3
        $left = @(Get-EmulatorProcessing $emulator | Where-Object { $_.id -in $done.Id })
        $left.Count | Should -Be 0
    }

    It 'asks once for the whole pipeline, naming how many go: -WhatIf prints one line and deletes nothing' {
        $done = New-Finished 'What if remove'
        $ids = ($done.Id | ForEach-Object { "'$_'" }) -join ','

        $run = Invoke-ChildPwsh -Command "$import; $ids | ForEach-Object { [pscustomobject]@{ ProcessingId = `$_ } } | Remove-MapflowProcessing -WhatIf" -Environment $childEnvironment

        $run.ExitCode | Should -Be 0
        $lines = @($run.Output -split "`n" | Where-Object { $_ -like 'What if:*' })
        $lines.Count | Should -Be 1
        $lines[0] | Should -BeLike '*Delete 3 Mapflow processing(s)*on target "3 processings: *'
        @(Get-EmulatorRequest $emulator -Method DELETE).Count | Should -Be 0
        @(Get-EmulatorProcessing $emulator | Where-Object { $_.id -in $done.Id }).Count | Should -Be 3
    }

    It 'without -Force, a non-interactive run where nobody can answer deletes nothing' {
        $done = New-Finished 'Unattended'

        $run = Invoke-ChildPwsh -Command "$import; Get-MapflowProcessing -Id '$($done[0].Id)' | Remove-MapflowProcessing" -Environment $childEnvironment

        $run.Error | Should -Not -BeNullOrEmpty
        @(Get-EmulatorRequest $emulator -Method DELETE).Count | Should -Be 0
        @(Get-EmulatorProcessing $emulator | Where-Object { $_.id -eq $done[0].Id }).Count | Should -Be 1
    }

    It 'an id Mapflow does not know is an error of its own, and the others are deleted' {
        $done = New-Finished 'Unknown id' 2
        $unknown = [guid]::NewGuid()

        $done.Id + $unknown | ForEach-Object { [pscustomobject]@{ ProcessingId = $_ } } |
            Remove-MapflowProcessing -Force -ErrorVariable missing -ErrorAction SilentlyContinue

        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.*,Mapflow.PowerShell.Commands.RemoveMapflowProcessingCommand'
        $missing[0].TargetObject | Should -Be $unknown
        @(Get-EmulatorRequest $emulator -Method DELETE -Path '/processings/*').Count | Should -Be 2
        @(Get-EmulatorProcessing $emulator | Where-Object { $_.id -in $done.Id }).Count | Should -Be 0
    }
}

Describe 'Set-MapflowProject' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'renames a project by name with one PUT, leaving its description, and -PassThru writes it' {
        $p = New-MapflowProject -Name 'Old name' -Description 'Kept'
        Clear-RequestLog

        $renamed = Set-MapflowProject -Project 'Old name' -NewName 'New name' -PassThru

        $renamed.Id | Should -Be $p.Id
        $renamed.Name | Should -Be 'New name'
        (Get-MapflowProject -Id $p.Id).Description | Should -Be 'Kept'
        $puts = @(Get-EmulatorRequest $emulator -Method PUT -Path "/projects/$($p.Id)")
        $puts.Count | Should -Be 1
        ($puts[0].body | ConvertFrom-Json).PSObject.Properties.Name | Should -Be 'name'
    }

    It 'with -WhatIf changes nothing, and with nothing to change is an error' {
        $p = New-MapflowProject -Name 'Unchanged'
        Clear-RequestLog

        $p | Set-MapflowProject -Description 'New' -WhatIf
        { $p | Set-MapflowProject } | Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.SetMapflowProjectCommand'

        @(Get-EmulatorRequest $emulator -Method PUT).Count | Should -Be 0
    }
}

Describe 'Remove-MapflowProject' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'asks once, counting the projects and their processings, other clients'' included; -WhatIf deletes nothing' {
        $done = New-Finished 'Doomed' 2
        $run = Invoke-ChildPwsh -Command "$import; Get-MapflowProject -Name 'Doomed' | Remove-MapflowProject -WhatIf" -Environment $childEnvironment

        $run.ExitCode | Should -Be 0
        $lines = @($run.Output -split "`n" | Where-Object { $_ -like 'What if:*' })
        $lines.Count | Should -Be 1
        # Two of ours and the three that every project starts with from other clients.
        $lines[0] | Should -BeLike "*Delete 1 Mapflow project(s) with their 5 processing(s)*on target ""'Doomed' (5 processing(s))""*"
        @(Get-EmulatorRequest $emulator -Method DELETE).Count | Should -Be 0
        Get-MapflowProject -Id $done[0].ProjectId | Should -Not -BeNullOrEmpty
    }

    It 'with -Force deletes the project and its processings, and refuses the default project before any request' {
        $done = New-Finished 'Gone' 1
        $default = Get-MapflowProject -Default
        Clear-RequestLog

        $removed = @(Remove-MapflowProject -Project 'Gone', $default -Force -PassThru -ErrorVariable refused -ErrorAction SilentlyContinue)

        $removed.Name | Should -Be 'Gone'
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'Project.IsDefault,Mapflow.PowerShell.Commands.RemoveMapflowProjectCommand'
        @(Get-EmulatorRequest $emulator -Method DELETE -Path '/projects/*').path | Should -Be "/projects/$($done[0].ProjectId)"
        @(Get-EmulatorProcessing $emulator | Where-Object { $_.id -eq $done[0].Id }).Count | Should -Be 0
        { Get-MapflowProject -Id $done[0].ProjectId -ErrorAction Stop } | Should -Throw
    }
}
