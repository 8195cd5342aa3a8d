# Renaming, moving, rating and reviewing processings; their AOIs and result features; projects by page. Over real
# HTTP against an emulator process with two accounts.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $script:emulator = Start-ConnectedEmulator -Argument '--Emulator:Users=demo@mapflow.local:demo-secret;other@mapflow.local:other-secret'
    $script:otherToken = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('other@mapflow.local:other-secret'))
    function Set-Status([guid] $Id, [hashtable] $Body) { Invoke-EmulatorControl $emulator "processings/$Id/status" -Method POST -Body $Body | Out-Null }
    function Set-Config([hashtable] $Body) { Invoke-EmulatorControl $emulator config -Method POST -Body $Body | Out-Null }
    function Clear-RequestLog { Invoke-EmulatorControl $emulator requests -Method DELETE | Out-Null }
    function Get-Body($Request) { $Request.body | ConvertFrom-Json }
    # Finished processings of a project of their own.
    function New-Finished([string] $ProjectName, [int] $Count = 1) {
        $p = New-MapflowProject -Name $ProjectName
        @(Import-MapflowAoi $PlacesPath | Select-Object -First $Count | Start-MapflowProcessing -Model Buildings -Project $p |
            Wait-MapflowProcessing -PollInterval 0.1)
    }
}
AfterAll {
    Disconnect-Mapflow
    Stop-MapflowEmulator $script:emulator
}

Describe 'Set-MapflowProcessing' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'renames with one PUT /v2 of {name, description}, and a description alone with one PUT of {description}' {
        $done = New-Finished 'Rename'
        Clear-RequestLog

        $renamed = $done | Set-MapflowProcessing -NewName 'Renamed' -Description 'Checked' -PassThru
        Set-MapflowProcessing -Id $done[0].Id -Description 'Only this'

        $renamed.Name | Should -Be 'Renamed'
        $v2 = @(Get-EmulatorRequest $emulator -Method PUT -Path "/processings/$($done[0].Id)/v2")
        $v2.Count | Should -Be 1
        (Get-Body $v2[0]).PSObject.Properties.Name | Should -Be 'name', 'description'
        $v1 = @(Get-EmulatorRequest $emulator -Method PUT -Path "/processings/$($done[0].Id)")
        $v1.Count | Should -Be 1
        (Get-Body $v1[0]).PSObject.Properties.Name | Should -Be 'description'
        @(Get-EmulatorRequest $emulator -Method PUT).Count | Should -Be 2
        $now = Get-MapflowProcessing -Id $done[0].Id
        $now.Name, $now.Description | Should -Be 'Renamed', 'Only this'
    }

    It 'moves to a project named by name with one PUT of {projectId}; the processing then lists there' {
        $done = New-Finished 'From'
        $target = New-MapflowProject -Name 'To'
        Clear-RequestLog

        $moved = $done | Set-MapflowProcessing -Project 'To' -PassThru

        $moved.ProjectId | Should -Be $target.Id
        $puts = @(Get-EmulatorRequest $emulator -Method PUT)
        $puts.Count | Should -Be 1
        $puts[0].path | Should -Be "/processings/$($done[0].Id)"
        (Get-Body $puts[0]).projectId | Should -Be "$($target.Id)"
        (Get-Body $puts[0]).PSObject.Properties.Name | Should -Be 'projectId'
        (Get-MapflowProcessing -Project $target).Id | Should -Contain $done[0].Id
        @(Get-MapflowProcessing -Project $done[0].ProjectId | Where-Object Id -EQ $done[0].Id).Count | Should -Be 0
        # A processing object already in the project is not moved again.
        Clear-RequestLog
        $moved | Set-MapflowProcessing -Project $target
        @(Get-EmulatorRequest $emulator -Method PUT).Count | Should -Be 0
    }

    It 'a project Mapflow does not know, or another account''s, is MapflowApi.NotFound and moves nothing' {
        $done = New-Finished 'Stay'
        Connect-Mapflow -Token $otherToken -ApiUrl $emulator.Url
        $theirs = New-MapflowProject -Name 'Theirs'
        Connect-Mapflow -Token $emulator.Token -ApiUrl $emulator.Url

        $done | Set-MapflowProcessing -Project ([guid]::NewGuid()) -ErrorVariable unknown -ErrorAction SilentlyContinue
        $done | Set-MapflowProcessing -Project $theirs.Id -ErrorVariable foreign -ErrorAction SilentlyContinue

        foreach ($refused in $unknown, $foreign) {
            $refused.Count | Should -Be 1
            $refused[0].FullyQualifiedErrorId | Should -Be 'MapflowApi.NotFound,Mapflow.PowerShell.Commands.SetMapflowProcessingCommand'
        }
        (Get-MapflowProcessing -Id $done[0].Id).ProjectId | Should -Be $done[0].ProjectId
    }

    It 'with -WhatIf sends nothing, and with nothing to change is an error' {
        $done = New-Finished 'What if'
        Clear-RequestLog

        $done | Set-MapflowProcessing -NewName 'No' -Project (Get-MapflowProject -Default) -WhatIf
        { $done | Set-MapflowProcessing } | Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.SetMapflowProcessingCommand'

        @(Get-EmulatorRequest $emulator -Method PUT).Count | Should -Be 0
        (Get-MapflowProcessing -Id $done[0].Id).Name | Should -Be $done[0].Name
    }
}

Describe 'Set-MapflowProcessingRating' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'rates an OK processing with {rating, feedback}; a processing that is not OK is Processing.NotOk, unsent' {
        $done = New-Finished 'Rate' 2
        Set-Status $done[1].Id @{ status = 'FAILED' }
        $failed = Get-MapflowProcessing -Id $done[1].Id
        Clear-RequestLog

        $rated = @($done[0], $failed | Set-MapflowProcessingRating -Rating 4 -Feedback 'Good roofs' -PassThru -ErrorVariable refused -ErrorAction SilentlyContinue)

        $rated.Id | Should -Be $done[0].Id
        $rated[0].Rating.Rating | Should -Be 4
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'Processing.NotOk,Mapflow.PowerShell.Commands.SetMapflowProcessingRatingCommand'
        $refused[0].TargetObject.Id | Should -Be $failed.Id
        $puts = @(Get-EmulatorRequest $emulator -Method PUT)
        $puts.path | Should -Be "/processings/$($done[0].Id)/rate"
        $body = Get-Body $puts[0]
        $body.rating, $body.feedback | Should -Be 4, 'Good roofs'
        (Get-MapflowProcessing -Id $done[0].Id).Rating.Feedback | Should -Be 'Good roofs'
    }

    It 'with -WhatIf sends nothing, and refuses a rating outside 1..5 before any request' {
        $done = New-Finished 'Rate what if'
        Clear-RequestLog

        $done | Set-MapflowProcessingRating -Rating 5 -WhatIf
        { $done | Set-MapflowProcessingRating -Rating 6 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,Mapflow.PowerShell.Commands.SetMapflowProcessingRatingCommand'

        @(Get-EmulatorRequest $emulator -Method PUT).Count | Should -Be 0
    }
}

Describe 'Approve-MapflowProcessing and Deny-MapflowProcessing' {
    BeforeEach { Invoke-EmulatorControl $emulator reset -Method POST | Out-Null }

    It 'without the review workflow end with Review.NotEnabled, and send no decision' {
        $done = New-Finished 'No review'
        Set-Status $done[0].Id @{ reviewStatus = 'IN_REVIEW' }
        $inReview = Get-MapflowProcessing -Id $done[0].Id
        Clear-RequestLog

        { $inReview | Approve-MapflowProcessing } | Should -Throw -ErrorId 'Review.NotEnabled,Mapflow.PowerShell.Commands.ApproveMapflowProcessingCommand'
        { $inReview | Deny-MapflowProcessing -Comment 'x' } | Should -Throw -ErrorId 'Review.NotEnabled,Mapflow.PowerShell.Commands.DenyMapflowProcessingCommand'

        @(Get-EmulatorRequest $emulator -Method PUT).Count | Should -Be 0
        @(Get-EmulatorRequest $emulator -Method GET -Path '/user/status').Count | Should -Be 2
    }

    It 'approves a result in review with one PUT without a body; a decided one is Processing.NotInReview, unsent' {
        Set-Config @{ reviewWorkflowEnabled = $true }
        $done = New-Finished 'Approve'
        $done[0].ReviewStatus.Status | Should -Be 'IN_REVIEW'
        Clear-RequestLog

        $approved = $done | Approve-MapflowProcessing -PassThru
        $approved | Approve-MapflowProcessing -ErrorVariable refused -ErrorAction SilentlyContinue

        $approved.ReviewStatus.Status | Should -Be 'ACCEPTED'
        $puts = @(Get-EmulatorRequest $emulator -Method PUT)
        $puts.path | Should -Be "/processings/$($done[0].Id)/acceptation"
        $puts[0].body | Should -BeNullOrEmpty
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -Be 'Processing.NotInReview,Mapflow.PowerShell.Commands.ApproveMapflowProcessingCommand'
    }

    It 'denies with the comment and the problem areas (an AOI and GeoJSON text) as one FeatureCollection, which the emulator keeps' {
        Set-Config @{ reviewWorkflowEnabled = $true }
        $done = New-Finished 'Deny'
        $aoi = @($done | Get-MapflowAoi)[0]
        $drawn = '{"type":"Feature","properties":{"note":"north"},"geometry":{"type":"Polygon","coordinates":[[[37.61,55.75],[37.62,55.75],[37.62,55.76],[37.61,55.75]]]}}'
        Clear-RequestLog

        $denied = $done | Deny-MapflowProcessing -Comment 'Roofs missing' -ProblemArea $aoi, $drawn -PassThru

        $denied.ReviewStatus.Status | Should -Be 'NOT_ACCEPTED'
        $puts = @(Get-EmulatorRequest $emulator -Method PUT)
        $puts.path | Should -Be "/processings/$($done[0].Id)/rejection"
        $body = Get-Body $puts[0]
        $body.comment | Should -Be 'Roofs missing'
        $body.features.type | Should -Be 'FeatureCollection'
        $body.features.features.Count | Should -Be 2
        $body.features.features[0].geometry.type | Should -Be 'Polygon'
        $body.features.features[1].properties.note | Should -Be 'north'
        $kept = (Get-EmulatorProcessing $emulator | Where-Object id -EQ $done[0].Id).rejection
        $kept.comment | Should -Be 'Roofs missing'
        $kept.features.features.Count | Should -Be 2
    }

    It 'with -WhatIf sends no decision, and a problem area that is not GeoJSON is Mapflow.InvalidArgument before any request' {
        Set-Config @{ reviewWorkflowEnabled = $true }
        $done = New-Finished 'Review what if'
        Clear-RequestLog

        $done | Approve-MapflowProcessing -WhatIf
        $done | Deny-MapflowProcessing -Comment 'x' -WhatIf
        { $done | Deny-MapflowProcessing -Comment 'x' -ProblemArea '{"type":"Circle"}' } |
            Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.DenyMapflowProcessingCommand'
        { $done | Deny-MapflowProcessing -Comment 'x' -ProblemArea 42 } |
            Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.DenyMapflowProcessingCommand'

        @(Get-EmulatorRequest $emulator).Count | Should -Be 0
        (Get-MapflowProcessing -Id $done[0].Id).ReviewStatus.Status | Should -Be 'IN_REVIEW'
    }
}

Describe 'Get-MapflowAoi' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:grouped = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 |
            Start-MapflowProcessing -Model Buildings -Group -Project (New-MapflowProject -Name 'AOIs') | Wait-MapflowProcessing -PollInterval 0.1)
        $script:stored = (Get-EmulatorProcessing $emulator | Where-Object id -EQ $grouped[0].Id)
    }

    It 'writes each AOI with its processing, area in km2 and GeoJSON geometry, with one GET per processing' {
        $served = @(Invoke-RestMethod "$($emulator.Url)/processings/$($grouped[0].Id)/aois" -Headers @{ Authorization = "Basic $($emulator.Token)" })
        Clear-RequestLog

        $aois = @($grouped | Get-MapflowAoi)

        $aois.Count | Should -Be 2
        $aois.ProcessingId | Select-Object -Unique | Should -Be $grouped[0].Id
        ($aois.Id | Sort-Object) | Should -Be ($served.id | Sort-Object)
        $aois[0].AoiId | Should -Be $aois[0].Id
        $aois[0].AreaSqKm | Should -Be ($aois[0].Area / 1e6)
        ($aois[0].Geometry | ConvertFrom-Json).type | Should -Be 'Polygon'
        @(Get-EmulatorRequest $emulator).path | Should -Be "/processings/$($grouped[0].Id)/aois"
    }

    It 'an AOI piped to Wait-, Get-MapflowProcessing or Save-MapflowResult stands for its processing, never for its own id' {
        $aoi = @($grouped | Get-MapflowAoi)[0]
        Clear-RequestLog

        ($aoi | Wait-MapflowProcessing -PollInterval 0.1).Id | Should -Be $grouped[0].Id
        ($aoi | Get-MapflowProcessing).Id | Should -Be $grouped[0].Id
        $saved = @($aoi | Save-MapflowResult -Path (Join-Path $TestDrive 'aoi'))

        $saved.ProcessingId | Should -Be $grouped[0].Id
        @(Get-EmulatorRequest $emulator | Where-Object { $_.path -like "*$($aoi.Id)*" }).Count | Should -Be 0
        @(Get-EmulatorRequest $emulator | Where-Object { $_.status -ge 400 }).Count | Should -Be 0
    }

    It 'by -Id, an unknown processing is a MapflowApi error and the others are still read' {
        $unknown = [guid]::NewGuid()

        $aois = @(Get-MapflowAoi -Id $unknown, $grouped[0].Id -ErrorVariable missing -ErrorAction SilentlyContinue)

        $aois.Count | Should -Be 2
        $missing.Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -Be 'MapflowApi.NotFound,Mapflow.PowerShell.Commands.GetMapflowAoiCommand'
        $missing[0].TargetObject | Should -Be $unknown
        { Get-MapflowAoi -Id $unknown -ProcessingId $unknown } | Should -Throw -ErrorId 'Mapflow.InvalidArgument,Mapflow.PowerShell.Commands.GetMapflowAoiCommand'
    }
}

Describe 'Get-MapflowResult' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        $script:grouped = @(Import-MapflowAoi $PlacesPath | Select-Object -First 2 |
            Start-MapflowProcessing -Model Buildings -Group -Project (New-MapflowProject -Name 'Results') | Wait-MapflowProcessing -PollInterval 0.1)
    }

    It 'writes as many features as the emulator serves, with their processing, geometry and properties' {
        $served = Get-EmulatorResult $emulator $grouped[0].Id
        Clear-RequestLog

        $features = @($grouped | Get-MapflowResult)

        $features.Count | Should -Be $served.features.Count
        $features.Count | Should -BeGreaterThan 0
        $features.ProcessingId | Select-Object -Unique | Should -Be $grouped[0].Id
        $features[0].AoiId | Should -BeNullOrEmpty
        $features[0].GeometryType | Should -Be $served.features[0].geometry.type
        ($features[0].Geometry | ConvertFrom-Json).coordinates.Count | Should -Be $served.features[0].geometry.coordinates.Count
        $features[0].Properties.id | Should -Be $served.features[0].properties.id
        $features[0].Properties.AREA | Should -Be $served.features[0].properties.area
        $largest = ($served.features.properties.area | Measure-Object -Maximum).Maximum
        @($features | Where-Object { $_.Properties.area -ge $largest }).Count | Should -BeGreaterThan 0
        @(Get-EmulatorRequest $emulator).path | Should -Be "/processings/$($grouped[0].Id)/result"
    }

    It 'an AOI of Get-MapflowAoi piped in reads its processing, then that AOI''s features only (?aoiId=)' {
        $aoi = @($grouped | Get-MapflowAoi)[0]
        Clear-RequestLog

        $features = @($aoi | Get-MapflowResult)

        $features.Count | Should -Be 5
        $features.AoiId | Select-Object -Unique | Should -Be $aoi.Id
        $requests = @(Get-EmulatorRequest $emulator)
        $requests.path | Should -Be "/processings/$($grouped[0].Id)/v2", "/processings/$($grouped[0].Id)/result"
        $requests[1].query | Should -Be "?aoiId=$($aoi.Id)"
    }

    It 'an empty result writes nothing and no error' {
        Set-Config @{ featuresPerAoi = 0 }
        $empty = @(Import-MapflowAoi $PlacesPath | Select-Object -First 1 | Start-MapflowProcessing -Model Buildings -Project (New-MapflowProject -Name 'Empty') -Force |
            Wait-MapflowProcessing -PollInterval 0.1)
        Set-Config @{ featuresPerAoi = 5 }

        $features = @($empty | Get-MapflowResult -ErrorVariable failed)

        $features.Count | Should -Be 0
        $failed.Count | Should -Be 0
    }

    It 'a processing that is not OK is Result.NotReady with no request, as for Save-MapflowResult; by -Id it is read first' {
        $running = Get-MapflowProcessing -Id $grouped[0].Id
        Set-Status $running.Id @{ status = 'IN_PROGRESS' }
        $running = Get-MapflowProcessing -Id $grouped[0].Id
        Clear-RequestLog

        $running | Get-MapflowResult -ErrorVariable notReady -ErrorAction SilentlyContinue
        $none = @(Get-EmulatorRequest $emulator).Count
        Get-MapflowResult -Id $running.Id -ErrorVariable byId -ErrorAction SilentlyContinue
        Set-Status $running.Id @{ status = 'OK' }

        $notReady[0].FullyQualifiedErrorId | Should -Be 'Result.NotReady,Mapflow.PowerShell.Commands.GetMapflowResultCommand'
        $none | Should -Be 0
        $byId[0].FullyQualifiedErrorId | Should -Be 'Result.NotReady,Mapflow.PowerShell.Commands.GetMapflowResultCommand'
        @(Get-EmulatorRequest $emulator -Path '*/result').Count | Should -Be 0
    }

    It 'stops the download when the pipeline wants no more' {
        (@($grouped | Get-MapflowResult | Select-Object -First 2)).Count | Should -Be 2
    }
}

Describe 'Get-MapflowProject by page' {
    BeforeAll {
        Invoke-EmulatorControl $emulator reset -Method POST | Out-Null
        Set-Config @{ maxPageSize = 2 }
        $script:made = 'Roads 2024', 'Side roads', 'Rivers' | New-MapflowProject
    }
    AfterAll { Set-Config @{ maxPageSize = 50 } }

    It 'lists every project oldest first through POST /projects/page, a capped page at a time' {
        Clear-RequestLog

        $all = @(Get-MapflowProject)

        $all.Name | Should -Be 'Default', 'Roads 2024', 'Side roads', 'Rivers'
        $pages = @(Get-EmulatorRequest $emulator -Method POST -Path '/projects/page')
        $pages.Count | Should -Be 2
        (Get-Body $pages[0]).PSObject.Properties.Name | Should -Not -Contain 'filter'
        (Get-Body $pages[0]).sortBy | Should -Be 'CREATED'
        @(Get-EmulatorRequest $emulator -Method GET -Path '/projects').Count | Should -Be 0
    }

    It 'asks the server to filter by a name''s longest plain part and still matches the wildcard exactly' {
        Clear-RequestLog

        (Get-MapflowProject 'Road*').Name | Should -Be 'Roads 2024'

        $pages = @(Get-EmulatorRequest $emulator -Method POST -Path '/projects/page')
        $pages.Count | Should -Be 1
        (Get-Body $pages[0]).filter | Should -Be 'Road'
    }

    It '-First 1 reads one page of one project; several names list everything and match here' {
        Clear-RequestLog

        (Get-MapflowProject -First 1).Name | Should -Be 'Default'
        (Get-Body @(Get-EmulatorRequest $emulator -Method POST -Path '/projects/page')[0]).limit | Should -Be 1
        @(Get-MapflowProject 'Rivers', '*roads').Name | Should -Be 'Side roads', 'Rivers'
        @(Get-MapflowProject 'Rivers', 'Roads 2024' -First 1 -ErrorVariable early).Name | Should -Be 'Roads 2024'
        $early.Count | Should -Be 0 -Because 'a name in the pages left unread is not missing'
        @(Get-MapflowProject 'No such' -ErrorVariable missing -ErrorAction SilentlyContinue).Count | Should -Be 0
        $missing[0].FullyQualifiedErrorId | Should -Be 'Mapflow.NotFound,Mapflow.PowerShell.Commands.GetMapflowProjectCommand'
    }
}
