# My imagery (the data catalog, /rasters) over real HTTP against an emulator process: mosaics, uploads of GeoTIFF
# files made here, their bytes as the emulator stored them, downloads, limits and errors.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot 'GeoTiff.ps1')
    $script:emulator = Start-ConnectedEmulator
    function Clear-RequestLog { Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null }
    function Add-Fault([hashtable] $Spec) { $null = Invoke-EmulatorControl $emulator faults -Method POST -Body $Spec }
    function Get-StoredImage([guid] $Id) { Invoke-EmulatorControl $emulator "rasters/images/$Id" }
    function Set-RasterLimits([hashtable] $Body) { $null = Invoke-EmulatorControl $emulator rasters/limits -Method POST -Body $Body }
    function Get-Memory { Invoke-RestMethod -Uri "$($emulator.Url)/rasters/memory" -Headers @{ Authorization = "Basic $($emulator.Token)" } }
    # Requests that change something on the emulator.
    function Get-ChangeRequest { @(Get-EmulatorRequest $emulator | Where-Object method -In 'POST', 'PUT', 'DELETE') }
    function Get-Sha1([string] $Path) { (Get-FileHash -Algorithm SHA1 -LiteralPath $Path).Hash.ToLowerInvariant() }

    $script:scenes = Join-Path $TestDrive 'scenes'
    $null = New-Item -ItemType Directory $scenes
    1..3 | ForEach-Object { $null = New-TestGeoTiff -Path (Join-Path $scenes "scene-$_.tif") -Seed $_ -Lon (37.6 + $_ * 0.01) }
    $script:notTiff = Join-Path $TestDrive 'notes.tif'
    Set-Content -LiteralPath $notTiff -Value 'not an image at all'
    $script:mercator = New-TestGeoTiff -Path (Join-Path $TestDrive 'mercator.tif') -Epsg 3857 -Lon 4187000 -Lat 7509000 -PixelSize 10
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Mosaics' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'New-MapflowMosaic creates one with its tags, as {name, tags}, and writes it as read back' {
        $mosaic = New-MapflowMosaic -Name 'Moscow 2026' -Tag 'drone', 'summer'

        $mosaic | Should -BeOfType ([Mapflow.Mosaic])
        $mosaic.Name | Should -Be 'Moscow 2026'
        $mosaic.Tags | Should -Be @('drone', 'summer')
        $mosaic.SizeInBytes | Should -Be 0
        $mosaic.Created | Should -Not -BeNullOrEmpty
        $post = @(Get-EmulatorRequest $emulator -Method POST -Path '/rasters/mosaic')
        $post.Count | Should -Be 1
        ($post[0].body | ConvertFrom-Json -AsHashtable) | Should -BeOfType ([hashtable])
        ($post[0].body | ConvertFrom-Json).tags | Should -Be @('drone', 'summer')
    }

    It 'Get-MapflowMosaic finds by wildcard, by tag (the tags query) and by id; a plain name that matches nothing is Mapflow.NotFound' {
        $a = New-MapflowMosaic -Name 'Moscow north' -Tag 'drone'
        $b = New-MapflowMosaic -Name 'Moscow south' -Tag 'satellite'
        $null = New-MapflowMosaic -Name 'Kazan'
        Clear-RequestLog

        @(Get-MapflowMosaic -Name 'moscow*').Id | Should -Be @($a.Id, $b.Id)
        @(Get-MapflowMosaic -Tag 'satellite').Id | Should -Be @($b.Id)
        (Get-EmulatorRequest $emulator -Method GET -Path '/rasters/mosaic')[-1].query | Should -Be '?tags=satellite'
        (Get-MapflowMosaic -Id $a.Id).Name | Should -Be 'Moscow north'
        Get-MapflowMosaic -Name 'Omsk' -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'Mapflow.NotFound,*'
    }

    It 'Set-MapflowMosaic renames and replaces the tags with one PUT carrying both' {
        $mosaic = New-MapflowMosaic -Name 'Old' -Tag 'a', 'b'
        Clear-RequestLog

        $renamed = $mosaic | Set-MapflowMosaic -NewName 'New' -PassThru
        $retagged = Set-MapflowMosaic -Mosaic 'New' -Tag 'c' -PassThru

        $renamed.Name | Should -Be 'New'
        $renamed.Tags | Should -Be @('a', 'b')
        $retagged.Tags | Should -Be @('c')
        $puts = @(Get-EmulatorRequest $emulator -Method PUT)
        $puts.Count | Should -Be 2
        ($puts[1].body | ConvertFrom-Json).name | Should -Be 'New'
    }

    It 'Remove-MapflowMosaic -Force deletes it with its images and frees their storage' {
        $mosaic = New-MapflowMosaic -Name 'Doomed'
        $images = @(Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes '*.tif'))
        (Get-Memory).memoryUsed | Should -BeGreaterThan 0

        $mosaic | Remove-MapflowMosaic -Force

        @(Get-EmulatorRequest $emulator -Method DELETE -Path "/rasters/mosaic/$($mosaic.Id)").Count | Should -Be 1
        (Get-Memory).memoryUsed | Should -Be 0
        Get-MapflowImage -Id $images[0].Id -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.NotFound,*'
    }

    It 'the confirmation of Remove-MapflowMosaic counts the images that go with it' {
        $mosaic = New-MapflowMosaic -Name 'Counted'
        $null = Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-[12].tif')

        # -WhatIf writes to the host: a child pwsh's output shows it.
        $child = Invoke-ChildPwsh -Command "Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'; Remove-MapflowMosaic -Mosaic '$($mosaic.Id)' -WhatIf" `
            -Environment @{ MAPFLOW_TOKEN = $emulator.Token; MAPFLOW_API_URL = $emulator.Url; NO_COLOR = '1' }

        $child.Error | Should -BeNullOrEmpty
        $child.Output | Should -BeLike "*with their 2 image(s)*'Counted' (2 image(s))*"
        @(Get-EmulatorRequest $emulator -Method DELETE).Count | Should -Be 0
    }

    It 'an image piped to Get-MapflowMosaic gives its mosaic (by MosaicId), not a mosaic with the image''s id' {
        $mosaic = New-MapflowMosaic -Name 'Parent'
        $image = Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-1.tif')

        ($image | Get-MapflowMosaic).Id | Should -Be $mosaic.Id
    }
}

Describe 'Add-MapflowImage' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'uploads each file as a multipart file part; the emulator holds the same bytes, and the image says what it is' {
        $mosaic = New-MapflowMosaic -Name 'Bytes'
        $file = Get-Item (Join-Path $scenes 'scene-1.tif')

        $image = Add-MapflowImage -Mosaic $mosaic -Path $file.FullName

        $image | Should -BeOfType ([Mapflow.Image])
        $stored = Get-StoredImage $image.Id
        $stored.sha1 | Should -Be (Get-Sha1 $file.FullName)
        $stored.length | Should -Be $file.Length
        $image.Checksum | Should -Be (Get-Sha1 $file.FullName)
        $image.Filename | Should -Be 'scene-1.tif'
        $image.MosaicId | Should -Be $mosaic.Id
        $image.FileSize | Should -Be $file.Length
        $image.Metadata.Crs | Should -Be 'EPSG:4326'
        $image.Metadata.Count | Should -Be 3
        $image.Metadata.Width | Should -Be 16
        $envelope = $image.FootprintGeometry().EnvelopeInternal
        $envelope.MinX | Should -BeGreaterOrEqual 37.6099
        $envelope.MinX | Should -BeLessOrEqual 37.6101
        $envelope.MaxY | Should -BeGreaterOrEqual 55.7999
        $image.Footprint | Should -BeLike 'POLYGON*'
        @(Get-EmulatorRequest $emulator -Method POST -Path "/rasters/mosaic/$($mosaic.Id)/image").Count | Should -Be 1
    }

    It 'takes wildcards and piped files, and writes one image per file' {
        $mosaic = New-MapflowMosaic -Name 'Many'

        $byWildcard = @(Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-[12].tif'))
        $piped = @(Get-ChildItem $scenes -Filter 'scene-3.tif' | Add-MapflowImage -Mosaic $mosaic.Id)

        $byWildcard.Filename | Should -Be @('scene-1.tif', 'scene-2.tif')
        $piped.Filename | Should -Be @('scene-3.tif')
        @(Get-MapflowImage -Mosaic $mosaic).Count | Should -Be 3
        (Get-MapflowMosaic -Id $mosaic.Id).SizeInBytes | Should -Be ((Get-ChildItem $scenes -Filter *.tif | Measure-Object Length -Sum).Sum)
    }

    It 'writes progress records with the bytes done of the total, and a completed one at the end' {
        $mosaic = New-MapflowMosaic -Name 'Progress'
        $total = (Get-ChildItem $scenes -Filter *.tif | Measure-Object Length -Sum).Sum
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$(Join-Path $ModulePath 'Mapflow.psd1')'; Connect-Mapflow -Token '$($emulator.Token)' -ApiUrl '$($emulator.Url)'; " +
                "Add-MapflowImage -Mosaic '$($mosaic.Id)' -Path '$(Join-Path $scenes '*.tif')'")
            $out = $ps.Invoke()
            $ps.Streams.Error | Should -BeNullOrEmpty
            @($out).Count | Should -Be 3
            $records = @($ps.Streams.Progress | Where-Object Activity -EQ 'Uploading imagery to Mapflow')
        }
        finally { $ps.Dispose() }

        $records.Count | Should -BeGreaterOrEqual 4
        $records | Where-Object CurrentOperation -EQ 'File 3 of 3: scene-3.tif' | Should -Not -BeNullOrEmpty
        $totalText = [Mapflow.Client.Imagery.UploadPlan]::Bytes($total)
        $running = @($records | Where-Object RecordType -EQ 'Processing')
        $running[-1].StatusDescription | Should -BeLike "$totalText of $totalText at */s"
        $running[-1].PercentComplete | Should -Be 100
        $running[0].PercentComplete | Should -Be 0
        $records[-1].RecordType | Should -Be 'Completed'
    }

    It 'refuses a file that is no TIFF with Image.NotGeoTiff before any request, and uploads the others' {
        $mosaic = New-MapflowMosaic -Name 'Mixed'
        Clear-RequestLog

        Add-MapflowImage -Mosaic $mosaic -Path $notTiff -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'Image.NotGeoTiff,Mapflow.PowerShell.Commands.AddMapflowImageCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $refused[0].TargetObject | Should -Be $notTiff
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0

        $images = @(Add-MapflowImage -Mosaic $mosaic -Path $notTiff, (Join-Path $scenes 'scene-1.tif') -ErrorVariable refused -ErrorAction SilentlyContinue)
        $images.Filename | Should -Be @('scene-1.tif')
        $refused.Count | Should -Be 1
    }

    It 'refuses files over the free storage or maxUploadFileSize before any upload request' {
        $mosaic = New-MapflowMosaic -Name 'Full'
        $one = (Get-Item (Join-Path $scenes 'scene-1.tif')).Length
        # Room for one file and a half: the first fits, the second no longer does.
        Set-RasterLimits @{ memoryLimit = [long]($one * 1.5) }
        Clear-RequestLog

        $images = @(Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-[12].tif') -ErrorVariable refused -ErrorAction SilentlyContinue)

        $images.Filename | Should -Be @('scene-1.tif')
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Image.StorageFull,*'
        $refused[0].CategoryInfo.Category | Should -Be 'QuotaExceeded'
        $refused[0].TargetObject | Should -BeLike '*scene-2.tif'
        @(Get-EmulatorRequest $emulator -Method POST -Path '/rasters/mosaic/*/image').Count | Should -Be 1

        Set-RasterLimits @{ unlimited = $true; maxUploadFileSize = 100 }
        Clear-RequestLog
        Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-3.tif') -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Image.TooLarge,*'
        $refused[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        @(Get-EmulatorRequest $emulator -Method POST).Count | Should -Be 0
    }

    It 'an image whose CRS differs from the mosaic''s is refused by the service as MapflowApi.FileValidationFailed' {
        $mosaic = New-MapflowMosaic -Name 'One CRS'
        $null = Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-1.tif')

        Add-MapflowImage -Mosaic $mosaic -Path $mercator.FullName -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'MapflowApi.FileValidationFailed,Mapflow.PowerShell.Commands.AddMapflowImageCommand'
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $refused[0].ErrorDetails.Message | Should -BeLike '*param_name=crs*got_param=EPSG:3857*'
        $refused[0].ErrorDetails.RecommendedAction | Should -BeLike '*New-MapflowMosaic*'
        @(Get-MapflowImage -Mosaic $mosaic).Count | Should -Be 1
    }

    It 'an unknown mosaic id is MapflowApi.NotFound (detail code ItemNotFound), and nothing is uploaded' {
        Add-MapflowImage -Mosaic ([guid]::NewGuid()) -Path (Join-Path $scenes 'scene-1.tif') -ErrorVariable refused -ErrorAction SilentlyContinue

        $refused[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.NotFound,*'
        $refused[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $refused[0].ErrorDetails.Message | Should -BeLike '*instance_type=mosaic*'
        @(Get-EmulatorRequest $emulator -Method POST -Path '/rasters/mosaic/*/image').Count | Should -Be 0
    }

    It 'an upload whose answer is lost is not sent again when the mosaic already has the file: one image' {
        $null = Connect-Quick $emulator
        $mosaic = New-MapflowMosaic -Name 'Dropped'
        Add-Fault @{ method = 'POST'; path = '/rest/rasters/mosaic/*/image'; kind = 'drop'; count = 1 }

        $image = Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-1.tif')

        $image.Filename | Should -Be 'scene-1.tif'
        @(Get-EmulatorRequest $emulator -Method POST -Path '/rasters/mosaic/*/image').Count | Should -Be 1
        @(Get-MapflowImage -Mosaic $mosaic).Count | Should -Be 1
        (Get-StoredImage $image.Id).sha1 | Should -Be (Get-Sha1 (Join-Path $scenes 'scene-1.tif'))
    }

    It 'an upload refused with a 503 is sent again from its first byte, and the mosaic gets one whole image' {
        $null = Connect-Quick $emulator
        $mosaic = New-MapflowMosaic -Name 'Retried'
        Add-Fault @{ method = 'POST'; path = '/rest/rasters/mosaic/*/image'; kind = 'status'; status = 503; count = 1 }

        $image = Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-2.tif')

        $posts = @(Get-EmulatorRequest $emulator -Method POST -Path '/rasters/mosaic/*/image')
        $posts.status | Should -Be @(503, 200)
        @(Get-MapflowImage -Mosaic $mosaic).Count | Should -Be 1
        $stored = Get-StoredImage $image.Id
        $stored.sha1 | Should -Be (Get-Sha1 (Join-Path $scenes 'scene-2.tif'))
        $stored.length | Should -Be (Get-Item (Join-Path $scenes 'scene-2.tif')).Length
    }
}

Describe 'Images' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:mosaic = New-MapflowMosaic -Name 'Images'
        $script:images = @(Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes '*.tif'))
    }

    It 'Get-MapflowImage lists a piped mosaic''s images, by file name with wildcards, and by id' {
        @($mosaic | Get-MapflowImage).Count | Should -Be 3
        @(Get-MapflowImage -Mosaic 'Images' -Name 'scene-2*').Id | Should -Be @($images[1].Id)
        (Get-MapflowImage -Id $images[2].Id).Checksum | Should -Be $images[2].Checksum
    }

    It 'Set-MapflowImage renames with the name in the query and no body' {
        Clear-RequestLog
        $renamed = $images[0] | Set-MapflowImage -NewName 'north.tif' -PassThru

        $renamed.Filename | Should -Be 'north.tif'
        $put = @(Get-EmulatorRequest $emulator -Method PUT)
        $put.Count | Should -Be 1
        $put[0].path | Should -Be "/rasters/image/$($images[0].Id)"
        $put[0].query | Should -Be '?name=north.tif'
        $put[0].body | Should -BeNullOrEmpty
    }

    It 'Save-MapflowImage writes the same bytes through the presigned link, without the API''s credential, and leaves no .partial' {
        $folder = Join-Path $TestDrive 'saved'
        Clear-RequestLog

        $saved = @($images[1], $images[2] | Save-MapflowImage -Path $folder)

        $saved.Count | Should -Be 2
        $saved | Should -BeOfType ([Mapflow.SavedImage])
        foreach ($i in 0, 1) {
            $source = Join-Path $scenes $images[$i + 1].Filename
            Get-Sha1 $saved[$i].Path | Should -Be (Get-Sha1 $source)
            (Get-Item $saved[$i].Path).Length | Should -Be (Get-Item $source).Length
        }
        $downloads = @(Get-EmulatorRequest $emulator -Method GET -Path '/storage/rasters/*')
        $downloads.Count | Should -Be 2
        $downloads.authorization | Should -Be @('missing', 'missing')
        $downloads.status | Should -Be @(200, 200)
        @(Get-ChildItem $folder -Force | Where-Object Name -Like '*.partial').Count | Should -Be 0
    }

    It 'Save-MapflowImage again skips a file with the image''s bytes, refuses another file of its name with Image.FileExists, and -Force replaces it' {
        $folder = Join-Path $TestDrive 'again'
        $first = Save-MapflowImage -Image $images[1] -Path $folder
        Clear-RequestLog

        Save-MapflowImage -Image $images[1] -Path $folder | Should -BeNullOrEmpty
        @(Get-EmulatorRequest $emulator -Path '/storage/*').Count | Should -Be 0

        Set-Content -LiteralPath $first.Path -Value 'another file'
        Save-MapflowImage -Image $images[1] -Path $folder -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'Image.FileExists,*'
        $refused[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-Content -LiteralPath $first.Path | Should -Be 'another file'

        $replaced = Save-MapflowImage -Image $images[1] -Path $folder -Force
        Get-Sha1 $replaced.Path | Should -Be $images[1].Checksum
        @(Get-EmulatorRequest $emulator -Path '/storage/*').Count | Should -Be 1
    }

    It 'a download cut short is fetched again with a fresh link, and the saved file is whole' {
        $null = Connect-Quick $emulator
        $folder = Join-Path $TestDrive 'cut'
        Add-Fault @{ method = 'GET'; path = '/storage/rasters/*'; kind = 'truncate'; count = 1 }
        Clear-RequestLog

        $saved = Save-MapflowImage -Image $images[0] -Path $folder

        Get-Sha1 $saved.Path | Should -Be $images[0].Checksum
        @(Get-EmulatorRequest $emulator -Path '/storage/*').Count | Should -Be 2
        @(Get-EmulatorRequest $emulator -Path '*/download').Count | Should -Be 2
        @(Get-ChildItem $folder -Force | Where-Object Name -Like '*.partial').Count | Should -Be 0
    }

    It 'Tab completes -Mosaic with the account''s mosaic names, quoted' {
        $line = 'Get-MapflowImage -Mosaic Ima'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        $completions.CompletionText | Should -Be @('Images')
        $line = 'Get-MapflowMosaic -Name Im'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('Images')
    }

    It 'the signature of a download link never shows in verbose output or in the saved object' {
        $folder = Join-Path $TestDrive 'quiet'
        $verbose = Save-MapflowImage -Image $images[0].Id -Path $folder -Verbose 4>&1 | Out-String

        $verbose | Should -Not -BeLike '*X-Amz-Signature*'
        $verbose | Should -BeLike '*GET /storage/rasters/*'
    }

    It 'an image not available for download is Image.NotDownloadable before any request, or MapflowApi.Forbidden when the object is older; no file either way' {
        $null = Invoke-EmulatorControl $emulator "rasters/images/$($images[2].Id)" -Method POST -Body @{ availableForDownload = $false }
        $folder = Join-Path $TestDrive 'forbidden'
        try {
            $null = Invoke-EmulatorControl $emulator requests -Method DELETE
            Get-MapflowImage -Id $images[2].Id | Save-MapflowImage -Path $folder -ErrorVariable refused -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'Image.NotDownloadable,*'
            @(Get-EmulatorRequest $emulator -Method GET -Path "/rasters/image/$($images[2].Id)/download").Count | Should -Be 0
            # An object read before the change still says it can be downloaded: Mapflow refuses the link.
            Save-MapflowImage -Image $images[2] -Path $folder -ErrorVariable stale -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $stale[0].FullyQualifiedErrorId | Should -BeLike 'MapflowApi.Forbidden,*'
        }
        finally { $null = Invoke-EmulatorControl $emulator "rasters/images/$($images[2].Id)" -Method POST -Body @{ availableForDownload = $true } }
        @(Get-ChildItem $folder -Force -ErrorAction SilentlyContinue).Count | Should -Be 0
    }

    It 'Remove-MapflowImage -Force deletes it and frees its storage' {
        $before = (Get-Memory).memoryUsed
        $images[2] | Remove-MapflowImage -Force

        (Get-Memory).memoryUsed | Should -Be ($before - $images[2].FileSize)
        @(Get-MapflowImage -Mosaic $mosaic).Id | Should -Not -Contain $images[2].Id
    }
}

Describe '-WhatIf sends no change' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:mosaic = New-MapflowMosaic -Name 'Kept'
        $script:image = Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-1.tif')
    }
    BeforeEach { Clear-RequestLog }

    It 'New-MapflowMosaic -WhatIf sends no request at all' {
        New-MapflowMosaic -Name 'Never' -WhatIf
        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
    }

    It '<Name> -WhatIf reads at most, and changes nothing' -ForEach @(
        @{ Name = 'Set-MapflowMosaic'; Run = { Set-MapflowMosaic -Mosaic $mosaic -NewName 'Other' -WhatIf } }
        @{ Name = 'Remove-MapflowMosaic'; Run = { Remove-MapflowMosaic -Mosaic $mosaic -WhatIf } }
        @{ Name = 'Add-MapflowImage'; Run = { Add-MapflowImage -Mosaic $mosaic -Path (Join-Path $scenes 'scene-2.tif') -WhatIf } }
        @{ Name = 'Set-MapflowImage'; Run = { Set-MapflowImage -Image $image -NewName 'x.tif' -WhatIf } }
        @{ Name = 'Remove-MapflowImage'; Run = { Remove-MapflowImage -Image $image -WhatIf } }
        @{ Name = 'Save-MapflowImage'; Run = { Save-MapflowImage -Image $image -Path (Join-Path $TestDrive 'whatif') -WhatIf } }
    ) {
        & $Run

        Get-ChangeRequest | Should -BeNullOrEmpty
        @(Get-EmulatorRequest $emulator -Path '*/download').Count | Should -Be 0
        Test-Path (Join-Path $TestDrive 'whatif') | Should -BeFalse
        (Get-MapflowMosaic -Id $mosaic.Id).Name | Should -Be 'Kept'
        @(Get-MapflowImage -Mosaic $mosaic).Filename | Should -Be @('scene-1.tif')
    }
}

Describe 'Help examples of the imagery cmdlets' {
    It '<Name>: every example runs against the emulator without an error' -ForEach @(
        'New-MapflowMosaic', 'Get-MapflowMosaic', 'Set-MapflowMosaic', 'Remove-MapflowMosaic', 'Add-MapflowImage',
        'Get-MapflowImage', 'Set-MapflowImage', 'Remove-MapflowImage', 'Save-MapflowImage' | ForEach-Object { @{ Name = $_ } }
    ) {
        $examples = @((Get-Help $Name -Examples).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            # Each in the state the examples assume: a mosaic 'Moscow 2026' with images, and ./scenes of GeoTIFF files.
            Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
            $folder = Join-Path $TestDrive ([guid]::NewGuid())
            $null = New-Item -ItemType Directory $folder
            Copy-Item -Path $scenes -Destination $folder -Recurse
            $m = New-MapflowMosaic -Name 'Moscow 2026' -Tag 'drone'
            $null = Add-MapflowImage -Mosaic $m -Path (Join-Path $scenes '*.tif')
            $null = New-MapflowMosaic -Name 'Untagged'
            Push-Location $folder
            try {
                $code = ($example.code -join "`n")
                $null = & ([scriptblock]::Create("`$ErrorActionPreference = 'Stop'`n$code"))
            }
            catch { throw "Example '$($example.title)' of $Name failed: $_" }
            finally { Pop-Location }
        }
    }
}
