# The Mapflow bulk-processing guide's script (shared/seed) as plain Invoke-RestMethod calls, sequential as the guide
# is: create a project, one processing per feature (v1, wdName), list the project until every processing is OK (the
# guide has no wait; a poll every second is the kindest reading), then download each result.
param($Url, $Token, $AoiFile, $Out)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$headers = @{ Authorization = "Basic $Token" }
$json = Get-Content -LiteralPath $AoiFile -Raw | ConvertFrom-Json -Depth 20
$project = Invoke-RestMethod -Method Post -Uri "$Url/projects" -Headers $headers -ContentType 'application/json; charset=utf-8' -Body '{"name":"bench"}'
foreach ($feature in $json.features) {
    $body = @{ name = $feature.properties.name; projectId = $project.id; wdName = '🏠 Buildings'; geometry = $feature.geometry } | ConvertTo-Json -Depth 20
    $null = Invoke-RestMethod -Method Post -Uri "$Url/processings" -Headers $headers -ContentType 'application/json; charset=utf-8' -Body ([Text.Encoding]::UTF8.GetBytes($body))
}
do {
    Start-Sleep -Seconds 1
    $list = Invoke-RestMethod -Uri "$Url/projects/$($project.id)/processings" -Headers $headers
} while (@($list | Where-Object status -ne 'OK').Count -gt 0)
foreach ($item in $list) {
    Invoke-WebRequest -Uri "$Url/processings/$($item.id)/result" -Headers $headers -OutFile (Join-Path $Out "$($item.id).geojson")
}
