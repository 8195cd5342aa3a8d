# The Get cmdlets over real HTTP: what piped objects and positional ids bind to, names that match nothing,
# -First/-Skip/-IncludeTotalCount, and the targets that error records name.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator

    function Clear-RequestLog { $null = Invoke-EmulatorControl $emulator requests -Method DELETE }

    # A project with five processings of ours besides those other clients made there, all oldest first as the listing returns them.
    function New-ProjectWithProcessings {
        param([string] $Name)
        $project = New-MapflowProject -Name $Name
        $started = @(Import-MapflowAoi $PlacesPath | Select-Object -First 5 | Start-MapflowProcessing -Model Buildings -Project $project -ThrottleLimit 1)
        [pscustomobject]@{ Project = $project; Processings = @(Get-MapflowProcessing -Project $project) ; Started = $started }
    }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Get-MapflowProject binding' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:job = New-ProjectWithProcessings 'Binding'
    }

    It 'a piped processing gets the project it belongs to, by its ProjectId' {
        Clear-RequestLog
        $got = @($job.Processings[0] | Get-MapflowProject)
        $got.Count | Should -Be 1
        $got[0].Id | Should -Be $job.Project.Id
        (Get-EmulatorRequest $emulator -Method GET).path | Should -Be @("/projects/$($job.Project.Id)")
    }

    It 'piped processings of one project get it once per processing, and piped projects bind by Id' {
        @($job.Processings | Get-MapflowProject).Id | Select-Object -Unique | Should -Be $job.Project.Id
        (Get-MapflowProject -Default | Get-MapflowProject).IsDefault | Should -BeTrue
        (@([pscustomobject]@{ ProjectId = $job.Project.Id }) | Get-MapflowProject).Name | Should -Be 'Binding'
    }

    It 'refuses -Id and -ProjectId together with Mapflow.InvalidArgument' {
        { Get-MapflowProject -Id $job.Project.Id -ProjectId $job.Project.Id } |
            Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.GetMapflowProjectCommand'
    }
}

Describe 'Get-MapflowProcessing <id>' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:job = New-ProjectWithProcessings 'By id'
    }
    BeforeEach { Clear-RequestLog }

    It 'a processing''s id gets that processing, with one request' {
        $id = $job.Processings[2].Id
        $got = @(Get-MapflowProcessing $id)
        $got.Count | Should -Be 1
        $got[0].Id | Should -Be $id
        @(Get-EmulatorRequest $emulator).path | Should -Be @("/processings/$id/v2")
        (Get-MapflowProcessing "$id").Id | Should -Be $id -Because 'the id may come as text'
    }

    It 'a project''s id lists that project''s processings' {
        $got = @(Get-MapflowProcessing $job.Project.Id)
        ($got.Id | Sort-Object) | Should -Be ($job.Processings.Id | Sort-Object)
        @(Get-EmulatorRequest $emulator -Method GET -Path "/processings/$($job.Project.Id)/v2").status | Should -Be 404
        @(Get-EmulatorRequest $emulator -Method POST -Path "/projects/$($job.Project.Id)/processings/v2/page").Count | Should -Be 1
    }

    It 'an id that is neither ends with Mapflow.NotFound' {
        $unknown = [guid]::NewGuid()
        $err = { Get-MapflowProcessing $unknown } | Should -Throw -PassThru -ErrorId 'Mapflow.NotFound,Mapflow.PowerShell.Commands.GetMapflowProcessingCommand'
        $err.Exception.Message | Should -BeLike "*processing or project*$unknown*"
    }

    It 'a processing''s id still passes through -Status' {
        @(Get-MapflowProcessing $job.Processings[0].Id -Status FAILED).Count | Should -Be 0
    }
}

Describe 'Names that match nothing' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:job = New-ProjectWithProcessings 'Names'
    }

    It 'Get-MapflowModel with a plain name that no model has writes Mapflow.NotFound and goes on; a wildcard stays silent' {
        $got = @(Get-MapflowModel nothing, buildings -ErrorVariable missing -ErrorAction SilentlyContinue)
        $got.Name | Should -Be @('🏠 Buildings')
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -Be 'Mapflow.NotFound,Mapflow.PowerShell.Commands.GetMapflowModelCommand'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -Be 'nothing'
        $missing[0].Exception.Message | Should -BeLike "*'nothing'*'🏠 Buildings'*"
        @(Get-MapflowModel 'nothing*' -ErrorVariable quiet -ErrorAction SilentlyContinue).Count | Should -Be 0
        $quiet.Count | Should -Be 0
    }

    It 'Get-MapflowProcessing -Name takes several names and wildcards, and reports a plain one that matches nothing' {
        $names = $job.Processings.Name
        $got = @(Get-MapflowProcessing -Project $job.Project -Name $names[0], "$($names[1].Substring(0, 2))*", 'No such village' -ErrorVariable missing -ErrorAction SilentlyContinue)
        ($got.Id | Sort-Object) | Should -Be (@($job.Processings | Where-Object { $_.Name -eq $names[0] -or $_.Name -like "$($names[1].Substring(0, 2))*" }).Id | Sort-Object)
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -Be 'Mapflow.NotFound,Mapflow.PowerShell.Commands.GetMapflowProcessingCommand'
        $missing[0].TargetObject | Should -Be 'No such village'
        @(Get-MapflowProcessing -Project $job.Project -Name 'zzz*' -ErrorVariable quiet -ErrorAction SilentlyContinue).Count | Should -Be 0
        $quiet.Count | Should -Be 0
    }

    It 'Get-MapflowProject writes each matching project once, however many names match it' {
        @(Get-MapflowProject 'Names', 'Nam*').Count | Should -Be 1
    }
}

Describe 'Paging' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:job = New-ProjectWithProcessings 'Paging'
        1..3 | ForEach-Object { New-MapflowProject -Name "Paging $_" } | Out-Null
    }
    BeforeEach { Clear-RequestLog }

    It 'Get-MapflowProcessing -First reads one page no larger than it needs' {
        $got = @(Get-MapflowProcessing -Project $job.Project -First 2)
        $got.Id | Should -Be $job.Processings[0..1].Id
        $pages = @(Get-EmulatorRequest $emulator -Method POST -Path '/projects/*/processings/v2/page')
        $pages.Count | Should -Be 1
        ($pages[0].body | ConvertFrom-Json).limit | Should -Be 2
    }

    It 'Get-MapflowProcessing -Skip -First takes the window after the filters' {
        (Get-MapflowProcessing -Project $job.Project -Skip 3 -First 1).Id | Should -Be $job.Processings[3].Id
        $running = @($job.Processings | Where-Object Status -in 'IN_PROGRESS', 'OK')
        @(Get-MapflowProcessing -Project $job.Project -Status IN_PROGRESS, OK -Skip 1 -First 2).Id | Should -Be $running[1..2].Id
        @(Get-MapflowProcessing -Project $job.Project -Skip $job.Processings.Count).Count | Should -Be 0
    }

    It 'Get-MapflowProcessing -IncludeTotalCount writes the count of all matches after the window' {
        $all = @(Get-MapflowProcessing -Project $job.Project -First 2 -IncludeTotalCount)
        $all.Count | Should -Be 3
        $all[0..1].Id | Should -Be $job.Processings[0..1].Id
        [int]$all[2] | Should -Be $job.Processings.Count
        $all[2].Accuracy | Should -Be 1.0
    }

    It 'Get-MapflowProcessing -Id -First reads only the ids it writes' {
        @(Get-MapflowProcessing -Id $job.Processings.Id -Skip 1 -First 2).Id | Should -Be $job.Processings[1..2].Id
        @(Get-EmulatorRequest $emulator -Method GET -Path '/processings/*').Count | Should -Be 2
    }

    It 'Get-MapflowModel -Skip -First pages through the models, with -IncludeTotalCount' {
        $names = @(Get-MapflowModel).Name
        @(Get-MapflowModel -Skip 1 -First 2).Name | Should -Be $names[1..2]
        $counted = @(Get-MapflowModel -First 1 -IncludeTotalCount)
        [int]$counted[-1] | Should -Be $names.Count
    }

    It 'Get-MapflowProject -Skip -First pages through the projects, with -IncludeTotalCount' {
        $names = @(Get-MapflowProject).Name
        $names.Count | Should -Be 5
        @(Get-MapflowProject -Skip 1 -First 2).Name | Should -Be $names[1..2]
        $counted = @(Get-MapflowProject 'Paging*' -First 1 -IncludeTotalCount)
        $counted[0].Name | Should -Be 'Paging'
        [int]$counted[1] | Should -Be 4
    }
}

Describe 'New-MapflowProject' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'warns when a project of that name exists, and still creates it' {
        $first = New-MapflowProject -Name 'Twice' -WarningVariable none
        $none.Count | Should -Be 0
        $second = New-MapflowProject -Name 'twice' -WarningVariable warned -WarningAction SilentlyContinue

        $second.Id | Should -Not -Be $first.Id
        @(Get-MapflowProject 'Twice').Count | Should -Be 2
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "*'Twice' already existed ($($first.Id))*another one was created ($($second.Id))*ambiguous*"
    }

    It 'warns for a name piped twice in one command' {
        $made = @('Бой', 'Бой' | New-MapflowProject -WarningVariable warned -WarningAction SilentlyContinue)
        $made.Count | Should -Be 2
        $warned.Count | Should -Be 1
        @(Get-EmulatorRequest $emulator -Method GET -Path '/projects').Count | Should -Be 1 -Because 'the list is read once per command'
    }
}

Describe 'Error targets' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'an unknown -Option names the options, not a list type' {
        $err = { Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Option Nope, Classification, Worse } |
            Should -Throw -PassThru -ErrorId 'Model.UnknownOption,Mapflow.PowerShell.Commands.StartMapflowProcessingCommand'
        $err.CategoryInfo.TargetName | Should -Be 'Nope, Worse'
        $err.TargetObject | Should -Be @('Nope', 'Worse')
    }

    It 'a failed grouped start names its AOIs, not a list type' {
        $null = Invoke-EmulatorControl $emulator faults -Method POST -Body @{ method = 'POST'; path = '/processings/v2'; kind = 'status'; status = 400 }
        $aois = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2)
        $null = $aois | Start-MapflowProcessing -Model Buildings -GroupSize 2 -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.*'
        $failed[0].CategoryInfo.TargetName | Should -Be (($aois | ForEach-Object ToString) -join ', ')
        $failed[0].CategoryInfo.TargetName | Should -Not -BeLike 'System.*'
    }

    It 'a -Geometry hashtable with no geometry is named by its content' {
        $err = { Get-MapflowProcessingCost -Model Buildings -Geometry @{ type = 'FeatureCollection'; features = @() } } |
            Should -Throw -PassThru -ErrorId 'Aoi.InvalidGeometry,Mapflow.PowerShell.Commands.GetMapflowProcessingCostCommand'
        $err.CategoryInfo.TargetName | Should -BeLike '@{*type=FeatureCollection*}'
    }
}

Describe 'Get-MapflowDataProvider' {
    It 'writes the account''s providers as /user/status gives them, by name or display name, with wildcards' {
        $status = Invoke-RestMethod "$($emulator.Url)/user/status" -Headers @{ Authorization = "Basic $($emulator.Token)" }

        $all = @(Get-MapflowDataProvider)
        $all.Name | Should -Be @($status.dataProviders.name)
        $all[0].PSTypeNames[0] | Should -Be 'Mapflow.DataProvider'
        (Get-MapflowDataProvider -Name 'mapbox').Name | Should -Be 'Mapbox'
        (Get-MapflowDataProvider -Name '*World Imagery').Name | Should -Be 'arcgis_world_imagery'
        @(Get-MapflowDataProvider -First 1).Count | Should -Be 1
    }

    It 'a plain name that matches no provider is Mapflow.NotFound listing the available ones; a wildcard is silent' {
        $found = @(Get-MapflowDataProvider -Name 'Nope', 'zz*' -ErrorVariable missing -ErrorAction SilentlyContinue)

        $found.Count | Should -Be 0
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -Be 'Mapflow.NotFound,Mapflow.PowerShell.Commands.GetMapflowDataProviderCommand'
        $missing[0].Exception.Message | Should -BeLike "*'Nope'*'Mapbox'*"
    }
}
