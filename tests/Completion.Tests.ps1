# Tab completion of -Model, -Project, -DataProvider and -Option through TabExpansion2, against an emulator: what it
# offers and how it quotes, which requests it makes (none without a session), and that a slow or failing API
# never holds the prompt for long or shows an error.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator -Argument '--Emulator:Users=demo@mapflow.local:demo-secret;other@mapflow.local:other-secret'
    $script:otherToken = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('other@mapflow.local:other-secret'))

    # What Tab offers at the end of the line.
    function Get-Completion {
        param([Parameter(Mandatory)] [string] $Line)
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }

    function Clear-RequestLog { $null = Invoke-EmulatorControl $emulator requests -Method DELETE }

    function Connect-Demo {
        Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url
        Clear-RequestLog
    }
}
AfterAll {
    Disconnect-Mapflow
    Remove-Item Env:MAPFLOW_TOKEN, Env:MAPFLOW_API_URL -ErrorAction Ignore
    Stop-MapflowEmulator $script:emulator
}

Describe '-Model' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Connect-Demo
    }

    It 'offers every model by the plain name -Model takes, listed by its full name, from the account Connect-Mapflow read' {
        $all = @(Get-Completion 'Start-MapflowProcessing -Model ')
        $all.CompletionText | Should -Be @('Buildings', 'Forest', "'Forest with heights'", 'Roads', "'Construction sites'", "'Buildings Aerial imagery'")
        $all.ListItemText | Should -Be @('🏠 Buildings', '🌲 Forest', '🌲↕️ Forest with heights', '🚗 Roads', '🏗️ Construction sites', 'Buildings (⭐️ Aerial imagery)')
        $all | ForEach-Object { $_.ResultType | Should -Be 'ParameterValue' }
        $all[0].ToolTip | Should -BeLike '🏠 Buildings: Building footprints*(5 credits/km²; options: Classification, Simplification, OSM)'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0 -Because 'the account is cached for five minutes'
    }

    It 'matches what is typed against the plain and the full name, and keeps a quote the user opened' {
        (Get-Completion 'Start-MapflowProcessing -Model bu').CompletionText | Should -Be @('Buildings', "'Buildings Aerial imagery'")
        (Get-Completion 'Start-MapflowProcessing -Model 🌲').CompletionText | Should -Be @('Forest', "'Forest with heights'")
        (Get-Completion "Start-MapflowProcessing -Model 'f").CompletionText | Should -Be @("'Forest'", "'Forest with heights'")
        (Get-Completion 'Get-MapflowProcessingCost -Model "ro').CompletionText | Should -Be @('"Roads"')
        (Get-Completion 'Get-MapflowModel constr').CompletionText | Should -Be @("'Construction sites'")
    }

    It 'completes to names that -Model resolves to the model listed' {
        foreach ($completion in Get-Completion 'Start-MapflowProcessing -Model ') {
            $typed = $completion.CompletionText.Trim("'")
            (Get-MapflowModel | Where-Object Name -EQ $completion.ListItemText).Id |
                Should -Be ([Mapflow.Client.Workflow.ModelResolver]::Resolve([Mapflow.Model[]]@(Get-MapflowModel), $typed).Id)
        }
    }
}

Describe '-Option and -DataProvider' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Connect-Demo
    }

    It '-Option offers the optional blocks of the model on the line' {
        (Get-Completion 'Start-MapflowProcessing -Model Buildings -Option ').CompletionText | Should -Be @('Classification', 'Simplification', 'OSM')
        (Get-Completion "Start-MapflowProcessing -Model 'forest with heights' -Option ").CompletionText | Should -Be @('Heights')
        (Get-Completion 'Get-MapflowProcessingCost -WorkflowDef Buildings -Option s').CompletionText | Should -Be @('Simplification')
        @(Get-Completion 'Start-MapflowProcessing -Model Roads -Option ').Count | Should -Be 0
    }

    It '-Option without a model offers the options of every model, saying whose they are' {
        $all = @(Get-Completion 'Start-MapflowProcessing -Option ')
        $all.CompletionText | Should -Be @('Classification', 'Simplification', 'OSM', 'Heights')
        ($all | Where-Object CompletionText -EQ 'Heights').ToolTip | Should -BeLike 'Height estimation (+20 credits/km²): Estimate tree heights — 🌲↕️ Forest with heights'
    }

    It '-DataProvider offers the providers by the name the API takes' {
        $all = @(Get-Completion 'Start-MapflowProcessing -DataProvider ')
        $all.CompletionText | Should -Be @('Mapbox', 'arcgis_world_imagery', 'Maxar')
        ($all | Where-Object CompletionText -EQ 'Maxar').ToolTip | Should -Be 'Maxar SecureWatch'
        (Get-Completion 'Start-MapflowProcessing -DataProvider esri').CompletionText | Should -Be @('arcgis_world_imagery') -Because 'the display name matches too'
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }
}

Describe '-Project' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Connect-Demo
        $script:plain = New-MapflowProject -Name 'Bukhara'
        $script:spaced = New-MapflowProject -Name 'Villages near Bukhara' -Description 'OSM place borders'
        $script:emoji = New-MapflowProject -Name "Бой 🏠 O'Neil"
        $script:twins = @(New-MapflowProject -Name 'Twin' -WarningAction SilentlyContinue; New-MapflowProject -Name 'Twin' -WarningAction SilentlyContinue)
    }
    BeforeEach { Clear-RequestLog }

    It 'offers project names, quoted when they have spaces, emoji or quotes, and reads the list once' {
        $all = @(Get-Completion 'Get-MapflowProcessing -Project ')
        ($all.CompletionText | Where-Object { $_ -notmatch '^[0-9a-f-]{36}$' }) | Should -Be @('Default', 'Bukhara', "'Villages near Bukhara'", "'Бой 🏠 O''Neil'")
        ($all | Where-Object CompletionText -EQ "'Villages near Bukhara'").ToolTip | Should -Be "Villages near Bukhara ($($spaced.Id)): OSM place borders"
        @(Get-EmulatorRequest $emulator -Method GET -Path '/projects').Count | Should -Be 1
        $null = Get-Completion 'Start-MapflowProcessing -Project '
        @(Get-EmulatorRequest $emulator).Count | Should -Be 1 -Because 'the list read for the first Tab is cached'
    }

    It 'completes a name that several projects share as each one''s id for -Project, and once for -Name' {
        $twin = @(Get-Completion 'Get-MapflowProcessing -Project tw')
        ($twin.CompletionText | Sort-Object) | Should -Be ($twins.Id | ForEach-Object { "$_" } | Sort-Object)
        $twin.ListItemText | ForEach-Object { $_ | Should -BeLike 'Twin (*)' }
        (Get-Completion 'Get-MapflowProject -Name tw').CompletionText | Should -Be @('Twin')
    }

    It 'completes the positional project of Get-MapflowProcessing and the -Name of Get-MapflowProject' {
        (Get-Completion 'Get-MapflowProcessing vil').CompletionText | Should -Be @("'Villages near Bukhara'")
        (Get-Completion 'Get-MapflowProject бо').CompletionText | Should -Be @("'Бой 🏠 O''Neil'")
        (Get-Completion 'Get-MapflowProcessingCost -Project "vil').CompletionText | Should -Be @('"Villages near Bukhara"')
    }

    It 'offers the projects of the -Session on the line' {
        $other = Connect-Mapflow -Token $otherToken -ApiUrl $emulator.Url -PassThru
        $null = New-MapflowProject -Name 'Only the other account'
        Connect-Demo
        (Get-Completion 'Get-MapflowProject -Session $other -Name ').CompletionText | Should -Be @('Default', "'Only the other account'")
        (Get-Completion 'Get-MapflowProject -Name only').CompletionText | Should -BeNullOrEmpty
    }

    It 'sees a project created after the list was cached' {
        $null = Get-Completion 'Get-MapflowProject -Name '
        $null = New-MapflowProject -Name 'Created later'
        (Get-Completion 'Get-MapflowProject -Name created').CompletionText | Should -Be @("'Created later'")
    }
}

Describe 'Without a session, or with a slow or failing API' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Remove-Item Env:MAPFLOW_TOKEN, Env:MAPFLOW_API_URL -ErrorAction Ignore
    }

    It 'makes no request and offers nothing, not even file names, when there is no session' {
        Disconnect-Mapflow
        Clear-RequestLog
        Push-Location $TestDrive
        try {
            Set-Content -LiteralPath (Join-Path $TestDrive 'Bukhara.txt') -Value 'a file'
            foreach ($line in 'Get-MapflowProject B', 'Start-MapflowProcessing -Model B', 'Start-MapflowProcessing -Option ', 'Get-MapflowProcessing -Project B', 'Start-MapflowProcessing -DataProvider B') {
                @(Get-Completion $line).CompletionText | Should -BeNullOrEmpty -Because "'$line' has no session to ask"
            }
        }
        finally { Pop-Location }
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It 'uses the session from MAPFLOW_TOKEN when nothing is connected' {
        Disconnect-Mapflow
        $env:MAPFLOW_TOKEN = $emulator.Token
        $env:MAPFLOW_API_URL = $emulator.Url
        (Get-Completion 'Start-MapflowProcessing -Model ro').CompletionText | Should -Be @('Roads')
        @(Get-EmulatorRequest $emulator -Method GET -Path '/user/status').Count | Should -Be 1
    }

    It 'gives up on an API that does not answer within 2 s, quietly, and then does not wait again for a while' {
        Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url
        $null = Invoke-EmulatorControl $emulator faults -Method POST -Body @{ method = 'GET'; path = '/projects'; kind = 'latency'; delayMs = 20000; count = 10 }
        Clear-RequestLog
        $Error.Clear()

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $first = @(Get-Completion 'Get-MapflowProject -Name ')
        $firstTook = $watch.Elapsed.TotalSeconds
        $watch.Restart()
        $second = @(Get-Completion 'Get-MapflowProcessing -Project ')
        $secondTook = $watch.Elapsed.TotalSeconds
        Write-Host "    slow API: first Tab $([int]($firstTook * 1000)) ms, second $([int]($secondTook * 1000)) ms"

        $first | Should -BeNullOrEmpty
        $second | Should -BeNullOrEmpty
        $firstTook | Should -BeGreaterOrEqual 1.9 -Because 'it waited for the answer up to its deadline'
        $firstTook | Should -BeLessThan 5
        # Below the 2 s deadline, whatever else the machine is doing: it did not wait again (the request count says so too).
        $secondTook | Should -BeLessThan 1.9
        @(Get-EmulatorRequest $emulator -Method GET -Path '/projects').Count | Should -Be 1
        $Error.Count | Should -Be 0
        (Get-Completion 'Start-MapflowProcessing -Model ro').CompletionText | Should -Be @('Roads') -Because 'the cached account still completes'
    }

    It 'offers nothing and shows no error when the API fails' {
        Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url
        $null = Invoke-EmulatorControl $emulator faults -Method POST -Body @{ method = 'GET'; path = '/projects'; kind = 'status'; status = 401; count = 10 }
        $Error.Clear()
        @(Get-Completion 'Get-MapflowProject -Name ') | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
    }
}
