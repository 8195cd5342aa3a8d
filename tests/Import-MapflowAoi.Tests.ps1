# Import-MapflowAoi on the inputs that used to go wrong quietly: heights, empty input, lost names, bad text,
# huge features and geometries, and the long non-Latin names that reach result files.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator

    # A small square near Bukhara as GeoJSON coordinates (PowerShell expands numbers culture-invariantly);
    # -Height adds its text as further values to every position.
    function Get-SquareCoordinates([double] $X = 64.1, [double] $Y = 39.7, [double] $Size = 0.005, [string] $Height) {
        $z = if ($Height) { ",$Height" } else { '' }
        $corners = @(@($X, $Y), @(($X + $Size), $Y), @(($X + $Size), ($Y + $Size)), @($X, ($Y + $Size)), @($X, $Y))
        '[[' + (($corners | ForEach-Object { "[$($_[0]),$($_[1])$z]" }) -join ',') + ']]'
    }

    function New-Feature([hashtable] $Properties = @{}, [string] $Coordinates = (Get-SquareCoordinates)) {
        $props = $Properties | ConvertTo-Json -Compress
        "{""type"":""Feature"",""properties"":$props,""geometry"":{""type"":""Polygon"",""coordinates"":$Coordinates}}"
    }

    # Writes text (or bytes) to a file in TestDrive and returns its path.
    function New-TestFile([string] $Name, $Content) {
        $path = Join-Path $TestDrive $Name
        if ($Content -is [byte[]]) { [IO.File]::WriteAllBytes($path, $Content) }
        else { [IO.File]::WriteAllText($path, $Content, [Text.UTF8Encoding]::new($false)) }
        $path
    }

    function New-Collection([string[]] $Features) { '{"type":"FeatureCollection","features":[' + ($Features -join ',') + ']}' }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Heights (RFC 7946 altitude)' {
    It 'imports a 3D polygon without -Repair, drops the heights, says so in a verbose line and warns of no repair' {
        $path = New-TestFile 'hill.geojson' (New-Collection @(New-Feature @{ name = 'Hill' } (Get-SquareCoordinates -Height 512.5)))

        $output = @(Import-MapflowAoi $path -Verbose -ErrorVariable problems -WarningVariable warnings 4>&1)

        $aoi = @($output | Where-Object { $_ -is [Mapflow.Aoi] })
        $aoi.Count | Should -Be 1
        $problems.Count | Should -Be 0
        $warnings.Count | Should -Be 0
        $aoi[0].Repairs | Should -Be @('dropped Z')
        $aoi[0].ToGeoJson() | Should -Not -Match '512\.5'
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain "$path feature #0 'Hill': dropped Z."
    }

    It 'sends the polygon in 2D' {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $path = New-TestFile 'hill.geojson' (New-Collection @(New-Feature @{ name = 'Hill' } (Get-SquareCoordinates -Height 512.5)))

        Import-MapflowAoi $path | Start-MapflowProcessing -Model Buildings | Out-Null

        $create = @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2')
        $create.Count | Should -Be 1
        ($create[0].body | ConvertFrom-Json).geometry.coordinates[0] | ForEach-Object { $_.Count | Should -Be 2 }
    }

    It 'still rejects M (4D) positions with Aoi.MeasureCoordinates, with or without -Repair' {
        $path = New-TestFile 'measured.geojson' (New-Collection @(New-Feature @{ name = 'Measured' } (Get-SquareCoordinates -Height '512.5,7')))

        foreach ($repair in $false, $true) {
            $aois = @(Import-MapflowAoi $path -Repair:$repair -ErrorVariable problems -ErrorAction SilentlyContinue)
            $aois.Count | Should -Be 0
            $problems.FullyQualifiedErrorId | Should -Be 'Aoi.MeasureCoordinates,Mapflow.PowerShell.Commands.ImportMapflowAoiCommand'
        }
    }
}

Describe 'Empty input is not success' {
    It 'a -Path pattern that matches no file is Aoi.FileNotFound naming the pattern, as Get-Content does' {
        $pattern = Join-Path $TestDrive 'no-such-*.geojson'

        $aois = @(Import-MapflowAoi $pattern -ErrorVariable problems -ErrorAction SilentlyContinue)

        $aois.Count | Should -Be 0
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'Aoi.FileNotFound,Mapflow.PowerShell.Commands.ImportMapflowAoiCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $problems[0].TargetObject | Should -Be $pattern
        $problems[0].Exception.Message | Should -BeLike "*$pattern*"
    }

    It 'an empty FeatureCollection is a warning naming the file, and the next file is still read' {
        $empty = New-TestFile 'empty.geojson' '{"type":"FeatureCollection","features":[]}'
        $full = New-TestFile 'one.geojson' (New-Collection @(New-Feature @{ name = 'One' }))

        $aois = @(Import-MapflowAoi -LiteralPath $empty, $full -ErrorVariable problems -WarningVariable warnings -WarningAction SilentlyContinue)

        $aois.Name | Should -Be @('One')
        $problems.Count | Should -Be 0
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*'$empty' holds no features*"
    }

    It 'a shapefile layer with no record is a warning naming the file' {
        'NetTopologySuite', 'NetTopologySuite.IO.Esri.Shapefile' | ForEach-Object { Add-Type -Path (Join-Path $ModulePath "bin/$_.dll") }
        $path = Join-Path $TestDrive 'no-polygons.shp'
        $fields = [NetTopologySuite.IO.Esri.Dbf.Fields.DbfField[]]@([NetTopologySuite.IO.Esri.Dbf.Fields.DbfCharacterField]::new('name'))
        $options = [NetTopologySuite.IO.Esri.Shapefiles.Writers.ShapefileWriterOptions]::new([NetTopologySuite.IO.Esri.ShapeType]::Polygon, $fields)
        [NetTopologySuite.IO.Esri.Shapefile]::OpenWrite($path, $options).Dispose()

        $aois = @(Import-MapflowAoi -LiteralPath $path -ErrorVariable problems -WarningVariable warnings -WarningAction SilentlyContinue)

        $aois.Count | Should -Be 0
        $problems.Count | Should -Be 0
        "$warnings" | Should -BeLike "*'$path' holds no features*"
    }

    It 'a file of zero bytes is Aoi.UnreadableFile that says it is empty' {
        $path = New-TestFile 'zero.geojson' ([byte[]]@())

        Import-MapflowAoi -LiteralPath $path -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.FullyQualifiedErrorId | Should -Be 'Aoi.UnreadableFile,Mapflow.PowerShell.Commands.ImportMapflowAoiCommand'
        $problems[0].Exception.Message | Should -BeLike '*is empty*'
    }
}

Describe 'Names are not lost quietly' {
    It 'finds the names under NAME without -NameProperty and says which property it used' {
        $path = New-TestFile 'upper.geojson' (New-Collection @((New-Feature @{ NAME = 'Бой'; osm_id = 1 }), (New-Feature @{ NAME = 'Avazali'; osm_id = 2 })))

        $output = @(Import-MapflowAoi $path -Verbose -WarningVariable warnings 4>&1)

        ($output | Where-Object { $_ -is [Mapflow.Aoi] }).Name | Should -Be @('Бой', 'Avazali')
        $warnings.Count | Should -Be 0
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $verbose | Should -Be @("${path}: AOIs are named from the 'NAME' property.")
    }

    It 'warns once, with the properties the features have, when -NameProperty is misspelt' {
        $path = New-TestFile 'misspelt.geojson' (New-Collection @((New-Feature @{ name = 'Бой' }), (New-Feature @{ name = 'Avazali' })))

        $aois = @(Import-MapflowAoi $path -NameProperty nmae -WarningVariable warnings -WarningAction SilentlyContinue)

        $aois.Name | Should -Be @('0', '1')
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "2 of 2 AOI(s) from '$path' have no 'nmae' property*named by their index*their properties are name: name them with -NameProperty."
    }

    It 'warns once when a file has none of the usual name properties, and names the AOIs by index' {
        $path = New-TestFile 'nameless.geojson' (New-Collection @((New-Feature @{ osm_id = 7 }), (New-Feature @{ osm_id = 8 }), (New-Feature @{ name = 'Named' })))

        $aois = @(Import-MapflowAoi $path -WarningVariable warnings -WarningAction SilentlyContinue)

        $aois.Name | Should -Be @('0', '1', 'Named')
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "2 of 3 AOI(s) from '$path' have none of the usual name properties (name, *title*)*their properties are osm_id*"
    }
}

Describe 'One bad string does not end the import' {
    It 'a lone surrogate escape and a Windows-1251 value are Aoi.InvalidText for their feature; the rest carry on' {
        $text = New-Collection @((New-Feature @{ name = 'Before' }), (New-Feature @{ name = 'Half' }), (New-Feature @{ name = 'XXX' }), (New-Feature @{ name = 'After' }))
        $bytes = [Text.Encoding]::UTF8.GetBytes($text.Replace('"Half"', '"Half\ud800"'))
        $at = [Text.Encoding]::UTF8.GetString($bytes).IndexOf('XXX')
        $bytes[$at] = 0xC1; $bytes[$at + 1] = 0xEE; $bytes[$at + 2] = 0xE9 # Бой in Windows-1251
        $path = New-TestFile 'mixed-encodings.geojson' $bytes

        $aois = @(Import-MapflowAoi $path -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warnings)

        $aois.Name | Should -Be @('Before', 'After')
        $warnings.Count | Should -Be 0 # the unreadable features are errors, not AOIs named by index
        $problems.Count | Should -Be 2
        $problems | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -Be 'Aoi.InvalidText,Mapflow.PowerShell.Commands.ImportMapflowAoiCommand'
            $_.CategoryInfo.Category | Should -Be 'InvalidData'
        }
        $problems.TargetObject.Index | Should -Be @(1, 2)
        $problems[0].Exception.Message | Should -BeLike "$path feature #1*the value of ""name""*\ud800, half of a UTF-16 surrogate pair*"
        $problems[1].Exception.Message | Should -BeLike "$path feature #2*not UTF-8 (0xC1*Windows-1251*"
    }
}

Describe 'Geometry too big to send' {
    BeforeAll {
        # A circle of radius 0.01° (2.989 km² at this latitude) with $Count distinct vertices, as a GeoJSON file.
        function New-CircleFile([string] $Name, [int] $Count, [double[]] $Centres = @(64.1)) {
            $features = foreach ($x in $Centres) {
                $ring = [Text.StringBuilder]::new()
                foreach ($i in 0..$Count) {
                    $angle = ($i % $Count) * 2 * [math]::PI / $Count
                    $null = $ring.Append($(if ($i) { ',' } else { '' })).Append("[$($x + 0.01 * [math]::Cos($angle)),$(39.7 + 0.01 * [math]::Sin($angle))]")
                }
                New-Feature @{ name = "Circle $x" } "[[$ring]]"
            }
            New-TestFile $Name (New-Collection @($features))
        }
        $script:big = New-CircleFile 'big.geojson' 150000
    }
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'refuses an AOI over 100,000 vertices with Aoi.TooManyVertices that suggests -Simplify, and sends nothing' {
        $aois = @(Import-MapflowAoi $big -ErrorVariable problems -ErrorAction SilentlyContinue)
        Import-MapflowAoi $big -ErrorAction SilentlyContinue | Start-MapflowProcessing -Model Buildings | Out-Null

        $aois.Count | Should -Be 0
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'Aoi.TooManyVertices,Mapflow.PowerShell.Commands.ImportMapflowAoiCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $problems[0].Exception.Message | Should -BeLike "*feature #0 'Circle 64.1': the Polygon has 150,001 vertices, more than the 100,000*-Simplify <metres>*"
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 0
    }

    It '-Simplify brings it under the limit, says what it did, and the simplified geometry is what is sent' {
        $output = @(Import-MapflowAoi $big -Simplify 1 -Verbose -WarningVariable warnings 4>&1)
        $aoi = @($output | Where-Object { $_ -is [Mapflow.Aoi] })
        $aoi | Start-MapflowProcessing -Model Buildings | Out-Null

        $aoi.Count | Should -Be 1
        $aoi[0].VertexCount | Should -BeLessThan 1000
        $aoi[0].Repairs | Should -Be @("simplified from 150001 to $($aoi[0].VertexCount) vertices")
        $aoi[0].AreaKm2 | Should -BeGreaterThan 2.985 # of the circle's 2.989 km²: chords at most 1 m off the arc
        $warnings.Count | Should -Be 0
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message |
            Should -Contain "$big feature #0 'Circle 64.1': simplified from 150001 to $($aoi[0].VertexCount) vertices."
        $create = @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2')
        $create.Count | Should -Be 1
        ($create[0].body | ConvertFrom-Json).geometry.coordinates[0].Count | Should -Be $aoi[0].VertexCount
    }

    It 'does not group AOIs past the limit: two of 60,000 vertices go in two processings' {
        $pair = New-CircleFile 'pair.geojson' 60000 @(64.1, 64.2)

        $started = @(Import-MapflowAoi $pair | Start-MapflowProcessing -Model Buildings -GroupSize 10)

        $started.Count | Should -Be 2
        @(Get-EmulatorRequest $emulator -Method POST -Path '/processings/v2').Count | Should -Be 2
    }
}

Describe 'Long names in scripts other than Latin reach result files' {
    It 'saves an 88-character Chinese and a long Thai name as GeoJSON and as GeoPackage, each name within 255 bytes' {
        $chinese = '内蒙古自治区呼和浩特市' * 8
        $thai = 'กรุงเทพมหานคร อมรรัตนโกสินทร์ มหินทรายุธยา มหาดิลกภพ นพรัตนราชธานีบูรีรมย์ อุดมราชนิเวศน์มหาสถาน'
        $path = New-TestFile 'long-names.geojson' (New-Collection @((New-Feature @{ name = $chinese }), (New-Feature @{ name = $thai } (Get-SquareCoordinates -X 64.2))))
        $done = @(Import-MapflowAoi $path | Start-MapflowProcessing -Model Buildings | Wait-MapflowProcessing -PollInterval 0.2)
        $done.Count | Should -Be 2

        foreach ($format in 'GeoJson', 'GeoPackage') {
            $folder = Join-Path $TestDrive "long-$format"
            $saved = @($done | Save-MapflowResult -Path $folder -Format $format -ErrorVariable problems)

            $problems.Count | Should -Be 0
            $saved.Count | Should -Be 2
            $files = @(Get-ChildItem -LiteralPath $folder -File | Where-Object Name -NE 'mapflow-manifest.json')
            $files.Count | Should -Be 2
            $files | ForEach-Object { [Text.Encoding]::UTF8.GetByteCount($_.Name) | Should -BeLessOrEqual 255 }
            ($files.Name | Where-Object { $_.StartsWith($chinese.Substring(0, 60)) }).Count | Should -Be 1
            ($files.Name | Where-Object { $_.StartsWith($thai.Substring(0, 40)) }).Count | Should -Be 1
        }
    }
}
