# Shapefile and GeoPackage input through the built module, files written here with the libraries the module ships.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # The files the module ships, loaded into this session beside the module's own (private) copies of them.
    'NetTopologySuite', 'NetTopologySuite.Features', 'NetTopologySuite.IO.Esri.Shapefile' | ForEach-Object { Add-Type -Path (Join-Path $ModulePath "bin/$_.dll") }
    $script:factory = [NetTopologySuite.Geometries.GeometryFactory]::new()
    function New-Box([double] $x, [double] $y, [double] $size) {
        $ring = [NetTopologySuite.Geometries.Coordinate[]]@(
            [NetTopologySuite.Geometries.Coordinate]::new($x, $y), [NetTopologySuite.Geometries.Coordinate]::new($x + $size, $y),
            [NetTopologySuite.Geometries.Coordinate]::new($x + $size, $y + $size), [NetTopologySuite.Geometries.Coordinate]::new($x, $y + $size),
            [NetTopologySuite.Geometries.Coordinate]::new($x, $y))
        $factory.CreatePolygon($ring)
    }
    $script:wgs84Prj = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]'
    $script:utmPrj = 'PROJCS["WGS_1984_UTM_Zone_42N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",69.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'

    function New-Shapefile([string] $Path, [string] $Prj, [object[]] $Rows) {
        $features = foreach ($row in $Rows) {
            $attributes = [NetTopologySuite.Features.AttributesTable]::new()
            $attributes.Add('name', $row.Name)
            [NetTopologySuite.Features.Feature]::new($row.Geometry, $attributes)
        }
        [NetTopologySuite.IO.Esri.Shapefile]::WriteAllFeatures([NetTopologySuite.Features.IFeature[]]$features, $Path, $Prj, [Text.Encoding]::UTF8)
    }
}

Describe 'Import-MapflowAoi from other vector formats' {
    It 'reads a WGS84 shapefile with its attribute names, Cyrillic included' {
        $path = Join-Path $TestDrive 'villages.shp'
        New-Shapefile $path $wgs84Prj @(@{ Name = 'Бой'; Geometry = New-Box 64.1 39.8 0.01 }, @{ Name = 'Avazali'; Geometry = New-Box 64.2 39.8 0.01 })

        $aois = @(Import-MapflowAoi $path)

        $aois.Name | Should -Be @('Бой', 'Avazali')
        $aois[0].AreaKm2 | Should -BeGreaterThan 0.9
        $aois[0].Geometry.Coordinates[0].X | Should -BeGreaterOrEqual 64.1
    }

    It 'reprojects a UTM shapefile to WGS84 and says so' {
        $path = Join-Path $TestDrive 'utm.shp'
        New-Shapefile $path $utmPrj @(@{ Name = 'Metres'; Geometry = New-Box 500000 4400000 1000 })

        $aoi = Import-MapflowAoi $path

        $aoi.Repairs | Should -Contain 'reprojected to WGS84'
        $aoi.Geometry.EnvelopeInternal.MinX | Should -BeGreaterThan 68.9
        $aoi.Geometry.EnvelopeInternal.MaxX | Should -BeLessThan 69.1
        $aoi.AreaKm2 | Should -BeGreaterThan 0.99
        $aoi.AreaKm2 | Should -BeLessThan 1.01
    }

    It 'reads a GeoPackage through the SQLite library shipped in the module folder' {
        $path = Join-Path $TestDrive 'villages.gpkg'
        # Written by another process, so this one loads SQLite's native library only through the module.
        $writer = Join-Path $TestDrive 'write-gpkg.ps1'
        Set-Content -LiteralPath $writer -Encoding utf8 -Value {
            param($ModulePath, $Path)
            'NetTopologySuite', 'NetTopologySuite.IO.GeoPackage', 'SQLitePCLRaw.core', 'Microsoft.Data.Sqlite' | ForEach-Object { Add-Type -Path (Join-Path $ModulePath "bin/$_.dll") }
            $null = [System.Runtime.InteropServices.NativeLibrary]::Load((Join-Path $ModulePath 'bin/runtimes/linux-x64/native/libe_sqlite3.so'))
            $connection = [Microsoft.Data.Sqlite.SqliteConnection]::new("Data Source=$Path;Pooling=False")
            $connection.Open()
            foreach ($sql in @(
                    'CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)',
                    'CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT, srs_id INTEGER)',
                    'CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL)',
                    "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'GEOGCS[""WGS 84""]', NULL)",
                    'CREATE TABLE villages (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT)',
                    "INSERT INTO gpkg_contents VALUES ('villages', 'features', 'villages', 4326)",
                    "INSERT INTO gpkg_geometry_columns VALUES ('villages', 'geom', 'POLYGON', 4326, 0, 0)")) {
                $command = $connection.CreateCommand(); $command.CommandText = $sql; $null = $command.ExecuteNonQuery()
            }
            $wkb = [NetTopologySuite.IO.GeoPackageGeoWriter]::new()
            $reader = [NetTopologySuite.IO.WKTReader]::new()
            foreach ($row in @(@{ Name = 'Авазли'; X = 64.3 }, @{ Name = 'Акбуйра'; X = 64.4 })) {
                $x = $row.X; $x2 = $x + 0.01
                $geometry = $reader.Read("POLYGON (($x 39.8, $x2 39.8, $x2 39.81, $x 39.81, $x 39.8))")
                $geometry.SRID = 4326
                $command = $connection.CreateCommand()
                $command.CommandText = 'INSERT INTO villages (geom, name) VALUES ($geom, $name)'
                $null = $command.Parameters.AddWithValue('$geom', $wkb.Write($geometry))
                $null = $command.Parameters.AddWithValue('$name', $row.Name)
                $null = $command.ExecuteNonQuery()
            }
            $connection.Dispose()
        }.ToString()
        & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -File $writer -ModulePath $ModulePath -Path $path
        $LASTEXITCODE | Should -Be 0

        $aois = @(Import-MapflowAoi $path)

        $aois.Name | Should -Be @('Авазли', 'Акбуйра')
        $aois | ForEach-Object { $_.PolygonCount | Should -Be 1 }
    }

    It 'refuses an unknown extension with Aoi.UnsupportedFormat and carries on with the next file' {
        $bad = Join-Path $TestDrive 'villages.kml'
        Set-Content -LiteralPath $bad -Value '<kml/>'
        $aois = @(Import-MapflowAoi -LiteralPath $bad, (Join-Path $PSScriptRoot 'data/hamlets.geojson') -ErrorVariable problems -ErrorAction SilentlyContinue)
        $aois.Count | Should -Be 25
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Aoi.UnsupportedFormat*'
    }
}
