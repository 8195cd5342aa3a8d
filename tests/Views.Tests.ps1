# The format views of the built module, as Out-String renders them at 80 and 120 columns: every Id whole, the columns
# that fit at 80 chosen on purpose, and list views that leave the shape of later output alone.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator
    $script:project = New-MapflowProject -Name 'Villages near Bukhara, with a long name' -Description 'OSM place borders, buildings'
    $script:processings = @(Import-MapflowAoi $PlacesPath | Select-Object -First 3 | Start-MapflowProcessing -Model Buildings -Project $project)

    # The lines Out-String writes at a width, without colour codes and blank lines.
    function Get-Rendered {
        param([Parameter(Mandatory)] [object[]] $InputObject, [Parameter(Mandatory)] [int] $Width)
        (($InputObject | Out-String -Width $Width) -replace "$([char]27)\[[0-9;]*m", '') -split '\r?\n' | Where-Object { $_.Trim() }
    }

    # The column labels of a rendered table (its first line).
    function Get-Header {
        param([string[]] $Lines)
        @($Lines[0].Trim() -split '\s+')
    }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Table views' {
    It 'processings at 120 columns: every column and the whole Id' {
        $lines = Get-Rendered $processings 120
        Get-Header $lines | Should -Be @('Id', 'Name', 'Status', '%', 'Cost', 'Model', 'Created')
        foreach ($p in $processings) { $lines | Where-Object { $_ -like "$($p.Id) $($p.Name) *" } | Should -HaveCount 1 }
        $lines | Where-Object Length -GT 120 | Should -BeNullOrEmpty
        $lines[2] | Should -Match '\d{4}-\d\d-\d\d \d\d:\d\d$'
    }

    It 'processings at 80 columns: Id, Name, Status and %, and no column cut short' {
        $lines = Get-Rendered $processings 80
        Get-Header $lines | Should -Be @('Id', 'Name', 'Status', '%')
        foreach ($p in $processings) { $lines | Where-Object { $_ -match "^$($p.Id) +$([regex]::Escape($p.Name)) +$($p.Status) +\d+$" } | Should -HaveCount 1 }
        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty
    }

    It 'projects at 120 columns: every column and the whole Id' {
        $lines = Get-Rendered @(Get-MapflowProject) 120
        Get-Header $lines | Should -Be @('Id', 'Name', 'Default', 'Created', 'Description')
        $lines | Where-Object { $_ -like "$($project.Id) Villages near Bukhara*False*OSM place*" } | Should -HaveCount 1
        $lines | Where-Object Length -GT 120 | Should -BeNullOrEmpty
    }

    It 'projects at 80 columns: Id, Name and Default' {
        $lines = Get-Rendered @(Get-MapflowProject) 80
        Get-Header $lines | Should -Be @('Id', 'Name', 'Default')
        # The name is longer than its column: cut with an ellipsis, the Id whole before it.
        $lines | Where-Object { $_ -match "^$($project.Id) Villages near Bukhara, with a lon… False *$" } | Should -HaveCount 1
        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty
    }

    It 'models at 120 and 80 columns: the whole Id before the names, options only at 120' {
        $models = @(Get-MapflowModel)
        $wide = Get-Rendered $models 120
        Get-Header $wide | Should -Be @('Id', 'Name', 'Credits/km2', 'Options')
        $wide | Where-Object { $_ -like '8cb13006-a299-4df6-b47d-91bd63de947f 🏠 Buildings *5 Classification (+5)*' } | Should -HaveCount 1
        $narrow = Get-Rendered $models 80
        Get-Header $narrow | Should -Be @('Id', 'Name', 'Credits/km2')
        foreach ($m in $models) { $narrow | Where-Object { $_ -like "$($m.Id) *" } | Should -HaveCount 1 }
    }

    It 'sessions at 80 columns: Email, ApiUrl and Source whole' {
        $session = Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url -PassThru
        $lines = Get-Rendered $session 80
        Get-Header $lines | Should -Be @('Email', 'ApiUrl', 'Source')
        $lines[2] | Should -Match "^demo@mapflow.local +$([regex]::Escape($emulator.Url)) +Connect-Mapflow$"
    }
}

Describe 'List views' {
    It 'the account shows as a list, and projects written after it still show as a table' {
        $lines = Get-Rendered @(& { Get-MapflowAccount; Get-MapflowProject }) 120
        $lines | Where-Object { $_ -match '^Email +: demo@mapflow.local$' } | Should -HaveCount 1
        $lines | Where-Object { $_ -match '^Id +Name +Default +Created +Description$' } | Should -HaveCount 1
        $lines | Where-Object { $_ -match '^(Id|IsDefault) +: ' } | Should -BeNullOrEmpty -Because 'projects should not turn into property lists'
    }
}

Describe 'Output types' {
    It 'every cmdlet declares Mapflow.* output types, and each has a view' {
        $commands = @(Get-Command -Module Mapflow | Where-Object Name -NE 'Disconnect-Mapflow')
        $commands.Count | Should -BeGreaterThan 10
        foreach ($command in $commands) {
            $types = @($command.OutputType.Type)
            $types | Should -Not -BeNullOrEmpty -Because "$($command.Name) writes objects"
            # Test-MapflowConnection answers $true or $false, as Test-Path and Test-Connection do.
            foreach ($type in $types | Where-Object { $command.Name -ne 'Test-MapflowConnection' -or $_ -ne [bool] }) {
                $type.FullName | Should -BeLike 'Mapflow.*' -Because "$($command.Name) outputs it"
                Get-FormatData -TypeName $type.FullName | Should -Not -BeNullOrEmpty -Because "$($type.FullName) should have a view"
            }
        }
    }
}
