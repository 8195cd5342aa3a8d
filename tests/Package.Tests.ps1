# The packages build.ps1 -Task Package makes, as users get them: the module installed by name from out/package into
# a user of its own and imported by name from elsewhere, beside another module's copy of one of its dependencies and
# in ForEach-Object -Parallel runspaces; and the Mapflow.Client library package.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-MapflowEmulator -EmulatorPath $EmulatorPath
    $script:version = (Import-PowerShellDataFile (Join-Path $ModulePath 'Mapflow.psd1')).ModuleVersion
    $script:user = New-UserEnvironment (Join-Path $TestDrive 'user')
    $script:user.MAPFLOW_TOKEN = $emulator.Token
    $script:user.MAPFLOW_API_URL = $emulator.Url
    $script:installed = Join-Path $user.XDG_DATA_HOME "powershell/Modules/Mapflow/$version"
    # Microsoft.Extensions.DependencyInjection.Abstractions 6.0 (tests/tools restores it), as another module ships it;
    # the module uses 8.0.
    $nuget = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*'
    $script:otherCopy = Join-Path $nuget.Trim() 'microsoft.extensions.dependencyinjection.abstractions/6.0.0/lib/net6.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll'

    # A script in a new pwsh of that user, started away from the repository.
    function Invoke-AsUser([string] $Script) {
        Invoke-ChildPwsh -Environment $user -Command "`$ErrorActionPreference = 'Stop'; Set-Location '$TestDrive'; $Script"
    }

    $script:install = Invoke-AsUser @"
Register-PSResourceRepository -Name Local -Uri '$PackagePath' -Trusted
Install-PSResource -Name Mapflow -Repository Local
Find-PSResource -Name Mapflow -Repository Local | Select-Object @{ Name = 'Version'; Expression = { "`$(`$_.Version)" } }, Author, Description, ProjectUri, LicenseUri, Tags, ReleaseNotes | ConvertTo-Json
"@
}
AfterAll {
    Stop-MapflowEmulator $emulator
}

Describe 'The module package' {
    BeforeEach {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
    }

    It 'installs by name from a folder repository into the user''s own module folder' {
        $install.ExitCode | Should -Be 0 -Because $install.Error
        Join-Path $installed 'Mapflow.psd1' | Should -Exist
    }

    It 'holds exactly the module the other tests run, out/Mapflow' {
        $built = Get-ChildItem $ModulePath -Recurse -File | ForEach-Object { "$([IO.Path]::GetRelativePath($ModulePath, $_.FullName)) $((Get-FileHash $_.FullName).Hash)" }
        # PSResourceGet adds its record of the install.
        $shipped = Get-ChildItem $installed -Recurse -File -Exclude 'PSGetModuleInfo.xml' | ForEach-Object { "$([IO.Path]::GetRelativePath($installed, $_.FullName)) $((Get-FileHash $_.FullName).Hash)" }
        $shipped | Sort-Object | Should -Be ($built | Sort-Object)
    }

    It 'carries the manifest''s metadata, and the newest CHANGELOG.md section as release notes' {
        $found = $install.Output | ConvertFrom-Json
        $manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../Mapflow.psd1')
        "$($found.Version)" | Should -Be $version
        $found.Author | Should -Be $manifest.Author
        $found.Description | Should -Be $manifest.Description
        $found.ProjectUri | Should -Be ([uri]$manifest.PrivateData.PSData.ProjectUri).AbsoluteUri
        $found.LicenseUri | Should -Be $manifest.PrivateData.PSData.LicenseUri
        $manifest.PrivateData.PSData.Tags | ForEach-Object { $found.Tags | Should -Contain $_ }
        $changelog = (Get-Content (Join-Path $PSScriptRoot '../CHANGELOG.md') -Raw) -replace '\r\n', "`n"
        $newest = ($changelog -split '(?m)^## ')[1]
        $newest | Should -BeLike "$version`n*"
        $found.ReleaseNotes | Should -Not -BeNullOrEmpty
        $found.ReleaseNotes | Should -Be $newest.Substring($version.Length).Trim()
    }

    It 'imports by name in a new pwsh and talks to the API' {
        $run = Invoke-AsUser @'
Import-Module Mapflow
(Get-Module Mapflow).ModuleBase
Connect-Mapflow
(Get-MapflowAccount).Email
'@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $lines = @($run.Output -split '\r?\n' | Where-Object { $_ })
        $lines[0] | Should -Be $installed
        $lines[1] | Should -Be 'demo@mapflow.local'
        @(Get-EmulatorRequest $emulator -Method GET -Path '/user/status').Count | Should -Be 2
    }

    It 'works in a session where another module loaded its own version of a dependency first' {
        $otherCopy | Should -Exist
        $run = Invoke-AsUser @"
Add-Type -Path '$otherCopy'
Import-Module Mapflow
Connect-Mapflow
(Get-MapflowAccount).Email
# Scripts still see the other module's copy; the module's own lives in its load context.
[Microsoft.Extensions.DependencyInjection.ServiceDescriptor].Assembly.GetName().Version.ToString()
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'Microsoft.Extensions.DependencyInjection.Abstractions' } |
    ForEach-Object { "`$(`$_.GetName().Version) `$([Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name)" } | Sort-Object
"@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Error | Should -BeNullOrEmpty
        $lines = @($run.Output -split '\r?\n' | Where-Object { $_ })
        $lines[0] | Should -Be 'demo@mapflow.local'
        $lines[1] | Should -Be '6.0.0.0'
        $lines[2] | Should -Be '6.0.0.0 Default'
        $lines[3] | Should -Be "8.0.0.0 Mapflow $(Join-Path $installed 'bin')"
    }

    It 'leaves a module loaded after it its own version of a shared dependency' {
        $run = Invoke-AsUser @"
Import-Module Mapflow
Connect-Mapflow
(Get-MapflowAccount).Email
Add-Type -Path '$otherCopy'
`$descriptor = [Microsoft.Extensions.DependencyInjection.ServiceDescriptor]::Singleton([string], 'other module')
"`$(`$descriptor.Lifetime) `$(`$descriptor.GetType().Assembly.GetName().Version)"
(Get-MapflowAccount).Email
"@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Error | Should -BeNullOrEmpty
        $run.Output -split '\r?\n' | Where-Object { $_ } | Should -Be @('demo@mapflow.local', 'Singleton 6.0.0.0', 'demo@mapflow.local')
    }

    It 'imports in ForEach-Object -Parallel runspaces, by Import-Module and by a -Session passed in' {
        $run = Invoke-AsUser @'
1..3 | ForEach-Object -Parallel { Import-Module Mapflow; Connect-Mapflow; "$_ $((Get-MapflowAccount).Email)" } -ThrottleLimit 3 | Sort-Object
$session = Connect-Mapflow -PassThru
'a', 'b' | ForEach-Object -Parallel { "$_ $((Get-MapflowAccount -Session $using:session).Email)" } | Sort-Object
'@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Error | Should -BeNullOrEmpty
        $run.Output -split '\r?\n' | Where-Object { $_ } |
            Should -Be @('1 demo@mapflow.local', '2 demo@mapflow.local', '3 demo@mapflow.local', 'a demo@mapflow.local', 'b demo@mapflow.local')
        # Three connects and three reads in the first runspaces, one connect and two reads with the passed session.
        @(Get-EmulatorRequest $emulator -Method GET -Path '/user/status').Count | Should -Be 9
    }

    It 'loads everything from its bin folder into its own context, and takes System.Text.Json from .NET' {
        $run = Invoke-AsUser @"
Import-Module Mapflow
Connect-Mapflow
`$null = Get-MapflowAccount
`$null = Import-MapflowAoi '$(Join-Path $PSScriptRoot 'data/hamlets.geojson')'
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not `$_.IsDynamic -and `$_.Location } | ForEach-Object {
    [pscustomobject]@{ Name = `$_.GetName().Name; Path = `$_.Location; Context = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
} | ConvertTo-Json
"@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $loaded = $run.Output | ConvertFrom-Json
        $bin = Join-Path $installed 'bin'
        $private = @($loaded | Where-Object Context -EQ "Mapflow $bin")
        $private.Name | Should -Contain 'Mapflow.Client'
        $private.Name | Should -Contain 'Polly.Core'
        $private.Name | Should -Contain 'NetTopologySuite'
        $private.Name | Should -Contain 'Microsoft.Extensions.Http'
        $private | Where-Object { -not $_.Path.StartsWith($bin) } | Should -BeNullOrEmpty
        # Only the loader itself goes from bin/ into PowerShell's context.
        ($loaded | Where-Object { $_.Path.StartsWith($bin) -and $_.Context -ne "Mapflow $bin" }).Name | Should -Be 'Mapflow.Loader'
        $json = $loaded | Where-Object Name -EQ 'System.Text.Json'
        $json.Context | Should -Be 'Default'
        $json.Path | Should -Not -BeLike "$installed*"
    }

    It 'keeps the module''s dependency types to itself: their objects work, their names do not resolve in scripts' {
        $run = Invoke-AsUser @"
`$aoi = Import-MapflowAoi '$(Join-Path $PSScriptRoot 'data/hamlets.geojson')' | Select-Object -First 1
`$aoi -is [Mapflow.Aoi]
`$aoi.Geometry.GetType().FullName
`$aoi.Geometry.NumPoints -gt 3
`$null -eq ('NetTopologySuite.Geometries.Polygon' -as [type])
"@
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output -split '\r?\n' | Where-Object { $_ } | Should -Be @('True', 'NetTopologySuite.Geometries.Polygon', 'True', 'True')
    }

    # Last: it changes what the user has installed.
    It 'updates to a newer version from a repository, and uninstalls one version or all' {
        $next = ([version]$version | ForEach-Object { "$($_.Major).$($_.Minor).$($_.Build + 1)" })
        $copy = Join-Path $TestDrive 'next/Mapflow'
        $null = New-Item -ItemType Directory (Join-Path $TestDrive 'next-repo')
        Copy-Item $ModulePath $copy -Recurse
        $update = Invoke-AsUser @"
Update-PSModuleManifest -Path '$copy/Mapflow.psd1' -ModuleVersion '$next'
Register-PSResourceRepository -Name Next -Uri '$TestDrive/next-repo' -Trusted
Publish-PSResource -Path '$copy' -Repository Next
Update-PSResource -Name Mapflow -Repository Next
(Get-InstalledPSResource -Name Mapflow | Sort-Object Version).Version -join ' '
"@
        $update.ExitCode | Should -Be 0 -Because $update.Error
        @($update.Output -split '\r?\n' | Where-Object { $_ })[-1] | Should -Be "$version $next"
        $import = Invoke-AsUser 'Import-Module Mapflow; "$((Get-Module Mapflow).Version)"'
        $import.Output.Trim() | Should -Be $next
        $remove = Invoke-AsUser @"
Uninstall-PSResource -Name Mapflow -Version '$version'
(Get-InstalledPSResource -Name Mapflow).Version -join ' '
Uninstall-PSResource -Name Mapflow
@(Get-InstalledPSResource -Name Mapflow -ErrorAction SilentlyContinue).Count
"@
        $remove.ExitCode | Should -Be 0 -Because $remove.Error
        $remove.Output -split '\r?\n' | Where-Object { $_ } | Should -Be @($next, '0')
        Join-Path $user.XDG_DATA_HOME 'powershell/Modules/Mapflow' | Get-ChildItem -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}

Describe 'The Mapflow.Client package' {
    BeforeAll {
        $script:nupkg = Join-Path $PackagePath "Mapflow.Client.$version.nupkg"
        $script:unpacked = Join-Path $TestDrive 'client'
        Expand-Archive -LiteralPath $nupkg -DestinationPath $unpacked
        $script:nuspec = ([xml](Get-Content (Join-Path $unpacked 'Mapflow.Client.nuspec') -Raw)).package.metadata
        $script:dll = Join-Path $unpacked 'lib/netstandard2.0/Mapflow.Client.dll'
    }

    It 'is the manifest''s version, MIT, with its README and XML docs' {
        $nuspec.id | Should -Be 'Mapflow.Client'
        $nuspec.version | Should -Be $version
        $nuspec.license.'#text' | Should -Be 'MIT'
        $nuspec.readme | Should -Be 'README.md'
        Join-Path $unpacked 'README.md' | Should -Exist
        ([xml](Get-Content (Join-Path $unpacked 'lib/netstandard2.0/Mapflow.Client.xml') -Raw)).doc.members.member.name | Should -Contain 'T:Mapflow.Client.MapflowClient'
    }

    It 'is the same assembly as the module''s, stamped with neither commit, repository nor local paths' {
        (Get-FileHash $dll).Hash | Should -Be (Get-FileHash (Join-Path $ModulePath 'bin/Mapflow.Client.dll')).Hash
        [Diagnostics.FileVersionInfo]::GetVersionInfo($dll).ProductVersion | Should -Be $version
        $nuspec.repository | Should -BeNullOrEmpty
        $stream = [IO.File]::OpenRead($dll)
        try {
            $pe = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            $codeView = $pe.ReadDebugDirectory() | Where-Object Type -EQ CodeView
            $pe.ReadCodeViewDebugDirectoryData($codeView).Path | Should -BeLike '/_/*'
            $pe.ReadDebugDirectory().Type | Should -Not -Contain EmbeddedPortablePdb
        }
        finally { $stream.Dispose() }
    }
}
