# Test-MapflowConnection over real HTTP: an answer, never an error.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Test-MapflowConnection' {
    It 'is $true when the API answers and takes the token, after one version read and one account read' {
        Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null

        Test-MapflowConnection | Should -BeExactly $true

        @(Get-EmulatorRequest $emulator -Method GET -Path '/version').Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -Method GET -Path '/user/status').Count | Should -Be 1
    }

    It '-Detailed gives the version, the round trip and the account' {
        $test = Test-MapflowConnection -Detailed

        $test.PSTypeNames[0] | Should -Be 'Mapflow.ConnectionTest'
        $test.Success | Should -BeTrue
        $test.Version | Should -Not -BeNullOrEmpty
        $test.LatencyMs | Should -BeGreaterOrEqual 0
        $test.Email | Should -Be (Get-MapflowAccount).Email
        $test.ApiUrl | Should -Be $emulator.Url
        $test.Error | Should -BeNullOrEmpty
    }

    It 'is $false, with no error and no token in any output, when the token is refused' {
        $email = ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($emulator.Token))).Split(':')[0]
        $secret = [guid]::NewGuid().ToString('N')
        $refused = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("${email}:$secret"))

        $run = Invoke-ChildPwsh -Command "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'; Test-MapflowConnection -Detailed -Verbose | ConvertTo-Json" `
            -Environment @{ MAPFLOW_TOKEN = $refused; MAPFLOW_API_URL = $emulator.Url; NO_COLOR = '1' }

        $run.ExitCode | Should -Be 0
        $run.Error | Should -BeNullOrEmpty
        $test = ($run.Output -split "`n" | Where-Object { $_ -notlike 'VERBOSE:*' }) -join "`n" | ConvertFrom-Json
        $test.Success | Should -BeFalse
        $test.Error | Should -BeLike 'MapflowApi.Unauthorized*'
        $run.Output | Should -BeLike '*VERBOSE: Mapflow connection test failed: MapflowApi.Unauthorized*'
        $run.Output | Should -Not -BeLike "*$secret*"
        $run.Output | Should -Not -BeLike "*$refused*"
    }

    It 'is $false, with no error, when nothing listens at the API''s address' {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()

        $run = Invoke-ChildPwsh -Command "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'; Test-MapflowConnection" `
            -Environment @{ MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = "http://127.0.0.1:$port/rest"; NO_COLOR = '1' }

        $run.ExitCode | Should -Be 0
        $run.Error | Should -BeNullOrEmpty
        $run.Output.Trim() | Should -Be 'False'
    }

    It 'is $false, with no error, when there is no token at all' {
        $run = Invoke-ChildPwsh -Command "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'; Test-MapflowConnection" -Environment @{ MAPFLOW_TOKEN = ''; NO_COLOR = '1' }

        $run.Error | Should -BeNullOrEmpty
        $run.Output.Trim() | Should -Be 'False'
    }
}
