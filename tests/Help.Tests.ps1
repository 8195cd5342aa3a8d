# The help of the built module: every exported cmdlet documented, the about topics found by Get-Help,
# and every ErrorId the code emits listed in about_Mapflow_Errors.

BeforeDiscovery {
    $modulePath = if ($env:MAPFLOW_TEST_MODULE) { $env:MAPFLOW_TEST_MODULE } else { Join-Path $PSScriptRoot '../out/Mapflow' }
    $manifest = Import-PowerShellDataFile (Join-Path $modulePath 'Mapflow.psd1')
    $cmdlets = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
    $topics = @('about_Mapflow', 'about_Mapflow_Errors' | ForEach-Object { @{ Topic = $_ } })

    # The literal ErrorIds in the cmdlet sources, such as "Result.NotReady": a quoted Prefix.Name followed by the
    # next argument or a ternary. The computed Aoi.<Code> and MapflowApi.<Code> ids are checked separately.
    $sources = Join-Path $PSScriptRoot '../src/Mapflow.PowerShell'
    $errorIds = @(Get-ChildItem $sources -Filter *.cs -Recurse | Where-Object FullName -NotMatch '[\\/](obj|bin)[\\/]' |
            Select-String -Pattern '"((?:Aoi|Connect|Imagery|Mapflow|MapflowApi|Model|Processing|Result|Source|Start)\.[A-Z][A-Za-z]+)"(?=\s*[,:?])' -AllMatches |
            ForEach-Object { $_.Matches.Groups | Where-Object Name -EQ 1 | ForEach-Object Value } |
            Sort-Object -Unique | ForEach-Object { @{ Id = $_ } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters
}

Describe '<Name> help' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command $Name -Module Mapflow
        $help = Get-Help $Name -Full
        $parameters = @($command.Parameters.Keys | Where-Object { $CommonParameters -notcontains $_ })
        $helpParameters = @($help.parameters.parameter | Where-Object { $_ })
    }

    It 'has a synopsis that is not the generated syntax' {
        $synopsis = "$($help.Synopsis)".Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -BeLike "$Name *"
        $synopsis | Should -Not -BeLike '*CommonParameters*'
    }

    It 'has a description' {
        ($help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples that use the cmdlet' {
        $examples = @((Get-Help $Name -Examples).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Match ([regex]::Escape($Name)) -Because "example '$($example.title)' should show $Name"
        }
    }

    It 'describes every parameter' {
        $undescribed = foreach ($parameter in $parameters) {
            $entry = $helpParameters | Where-Object name -EQ $parameter
            if (-not ($entry.description.Text -join '').Trim()) { $parameter }
        }
        $undescribed | Should -BeNullOrEmpty -Because 'Get-Help should explain each parameter'
    }

    It 'describes no parameter that the cmdlet does not have' {
        $helpParameters.name | Where-Object { $parameters -notcontains $_ } | Should -BeNullOrEmpty
    }

    It 'shows one syntax per parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be $command.ParameterSets.Count
    }

    It 'links to about_Mapflow' {
        $help.relatedLinks.navigationLink.linkText | Should -Contain 'about_Mapflow'
    }
}

Describe 'About topics' {
    It '<Topic> is found by Get-Help' -ForEach $topics {
        $text = Get-Help $Topic | Out-String
        $text | Should -Match "TOPIC\s+$Topic\b"
        $text | Should -Match 'SEE ALSO'
    }

    It '<Topic> has no line longer than 80 characters' -ForEach $topics {
        $file = Join-Path $ModulePath "en-US/$Topic.help.txt"
        $long = Get-Content -LiteralPath $file -Encoding utf8 | Where-Object Length -GT 80
        $long | Should -BeNullOrEmpty
    }
}

Describe 'about_Mapflow_Errors' {
    BeforeAll {
        $errors = Get-Help about_Mapflow_Errors | Out-String
    }

    It 'lists <Id>' -ForEach @(@{ Id = 'MapflowApi.TooLargeProcessing' }, @{ Id = 'Aoi.SelfIntersection' }) {
        $errors | Should -Match ([regex]::Escape($Id))
    }

    It 'lists <Id>, which the cmdlets emit' -ForEach $errorIds {
        $errors | Should -Match "\b$([regex]::Escape($Id))\b"
    }

    It 'lists the Aoi id of every AOI problem code' {
        # The module's own copy of Mapflow.Client.
        $codes = [Mapflow.Aoi].Assembly.GetType('Mapflow.Client.Aois.AoiProblemCodes', $true).GetFields() | ForEach-Object { $_.GetValue($null) }
        $codes | Should -Not -BeNullOrEmpty
        $codes | Where-Object { $errors -notmatch "\bAoi\.$_\b" } | Should -BeNullOrEmpty
    }
}

Describe 'The MAML file' {
    It 'is named for the binary module and has no byte order mark' {
        $file = Join-Path $ModulePath 'en-US/Mapflow.PowerShell.dll-Help.xml'
        $file | Should -Exist
        $bytes = [System.IO.File]::ReadAllBytes($file)
        ($bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) | Should -BeFalse
        { [xml][System.IO.File]::ReadAllText($file) } | Should -Not -Throw
    }
}
