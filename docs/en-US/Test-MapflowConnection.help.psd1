@{
    Synopsis    = 'Tells whether the Mapflow API answers and takes the token.'
    Description = @'
Test-MapflowConnection reads GET /version and the account (GET /user/status) with the session's token and writes $true when both answer, else $false. It writes no error, whatever went wrong (no token, a refused token, no network, a proxy failure), so a script can branch on it; -Verbose says why it failed. The reads are retried as every read is (a closed port or a 503 for about ten seconds with the default retries) before the answer is $false.

With -Detailed it writes what it found instead: Success, ApiUrl, the API's Version, LatencyMs (the round trip of the version read, connection set-up included), the account's Email and RemainingCredits, and Error, the error id and message the other cmdlets would have failed with. The token is never in it.
'@
    Parameters  = @{
        Detailed = 'Writes an object with what was found (version, round trip, account, error) instead of $true or $false.'
        Session  = 'The connection to test, from Connect-Mapflow -PassThru. By default, the connection of Connect-Mapflow, else one made with $env:MAPFLOW_TOKEN.'
    }
    Outputs     = '$true or $false; with -Detailed, one Mapflow.ConnectionTest.'
    Examples    = @(
        @{
            Title   = 'Stop a scheduled task early when Mapflow cannot be reached'
            Code    = @'
if (-not (Test-MapflowConnection)) {
    Write-Error 'Mapflow is not reachable or refused the token.'
    exit 1
}
'@
            Remarks = 'Nothing is started or read before the check; the next run tries again.'
        }
        @{
            Title   = 'See the version, the round trip and the account'
            Code    = 'Test-MapflowConnection -Detailed'
            Remarks = 'Shows Success, ApiUrl, Version, LatencyMs, Email, RemainingCredits and, when it failed, Error.'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Connect-Mapflow'
        'Get-MapflowAccount'
    )
}
