BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-MapflowEmulator -EmulatorPath $EmulatorPath
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Connect-Mapflow' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Disconnect-Mapflow
        Remove-Item Env:MAPFLOW_TOKEN, Env:MAPFLOW_API_URL -ErrorAction SilentlyContinue
    }

    It 'imports the built module from out/ with every cmdlet of the manifest' {
        $module = Get-Module Mapflow
        $module.ModuleBase | Should -Be (Resolve-Path $ModulePath).Path
        $manifest = Import-PowerShellDataFile (Join-Path $ModulePath 'Mapflow.psd1')
        ($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        Get-ChildItem $ModulePath -Recurse -Filter 'System.Management.Automation*.dll' | Should -BeNullOrEmpty
    }

    It 'validates the token with GET /user/status and returns the session with -PassThru' {
        $session = Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -PassThru
        $session.Email | Should -Be 'demo@mapflow.local'
        $session.ApiUrl | Should -Be ([uri]$emulator.Url)
        $requests = @(Get-EmulatorRequest $emulator -Method GET -Path '/user/status')
        $requests.Count | Should -Be 1
        $requests[0].authorization | Should -Be 'present'
        (Get-MapflowAccount).Email | Should -Be 'demo@mapflow.local'
    }

    It 'takes the token as a SecureString' {
        $secure = ConvertTo-SecureString $emulator.Token -AsPlainText -Force
        Connect-Mapflow -Token $secure -ApiUrl $emulator.Url
        (Get-MapflowAccount).Email | Should -Be 'demo@mapflow.local'
    }

    It 'uses MAPFLOW_TOKEN and MAPFLOW_API_URL when there was no Connect-Mapflow' {
        $env:MAPFLOW_TOKEN = $emulator.Token
        $env:MAPFLOW_API_URL = $emulator.Url
        (Get-MapflowAccount).RemainingCredits | Should -Be 250
    }

    It 'fails with a terminating MapflowApi.Unauthorized error for a refused token and prints no token' {
        $bad = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('demo@mapflow.local:wrong-secret'))
        $Error.Clear()
        $streams = [System.Collections.Generic.List[object]]::new()
        try { Connect-Mapflow -Token $bad -ApiUrl $emulator.Url -Verbose -Debug *>&1 | ForEach-Object { $streams.Add($_) } }
        catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'MapflowApi.Unauthorized*'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Should -Not -BeNullOrEmpty
        $all = ($streams | Out-String) + (Get-ErrorText $Error)
        $all | Should -Not -BeLike "*$bad*"
        $all | Should -Not -BeLike '*wrong-secret*'
        { Connect-Mapflow -Token $bad -ApiUrl $emulator.Url } | Should -Throw -ErrorId 'MapflowApi.Unauthorized,Mapflow.PowerShell.Commands.ConnectMapflowCommand'
        @(Get-EmulatorRequest $emulator -Method GET -Path '/user/status').Count | Should -Be 2
    }

    It 'refuses an -ApiUrl that is not an absolute http(s) URL with Mapflow.InvalidArgument, before any request' {
        { Connect-Mapflow -Token $emulator.Token -ApiUrl 'api.mapflow.ai/rest' } | Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.ConnectMapflowCommand'
        { Connect-Mapflow -Token $emulator.Token -ApiUrl 'ftp://127.0.0.1/' } | Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.ConnectMapflowCommand'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'says how to connect when there is neither a session nor MAPFLOW_TOKEN' {
        { Get-MapflowAccount } | Should -Throw -ErrorId 'Mapflow.NotConnected,Mapflow.PowerShell.Commands.GetMapflowAccountCommand'
    }
}

Describe 'Get-MapflowProject' {
    BeforeAll { Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url }

    It 'finds projects by wildcard, by an id typed as the name, and says when a plain name matches nothing' {
        $made = New-MapflowProject -Name 'Villages near Bukhara'
        (Get-MapflowProject 'villages*').Id | Should -Be $made.Id
        (Get-MapflowProject "$($made.Id)").Name | Should -Be 'Villages near Bukhara'
        $none = @(Get-MapflowProject 'No such project' -ErrorVariable missing -ErrorAction SilentlyContinue)
        $none.Count | Should -Be 0
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Mapflow.NotFound*'
        @(Get-MapflowProject 'nothing*' -ErrorVariable quiet -ErrorAction SilentlyContinue).Count | Should -Be 0
        $quiet.Count | Should -Be 0
    }
}

Describe 'Get-MapflowModel' {
    BeforeAll { Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url }

    It 'lists the models with their options and finds "Buildings" without its emoji' {
        $all = Get-MapflowModel
        $all.Name | Should -Contain '🏠 Buildings'
        $buildings = @(Get-MapflowModel -Name 'buildings')
        $buildings.Count | Should -Be 1
        $buildings[0].Id | Should -Be '8cb13006-a299-4df6-b47d-91bd63de947f'
        $buildings[0].Options | Should -Contain 'Classification'
    }
}
