@{
    Synopsis    = 'Forgets and closes the connection that Connect-Mapflow made in this session.'
    Description = @'
Disconnect-Mapflow removes the default connection of the current runspace, so later commands use $env:MAPFLOW_TOKEN or fail with Mapflow.NotConnected. A session object that Connect-Mapflow -PassThru wrote stays usable with -Session.

Later Mapflow commands need a new Connect-Mapflow or a -Session, with one exception: when $env:MAPFLOW_TOKEN is set, they quietly connect with it. Remove the variable as well to be sure that nothing more is sent.

Disconnect-Mapflow does not revoke the token at Mapflow; re-issue it in the web app for that. It has no parameters besides the common ones, and writes nothing. It does nothing when there is no connection.
'@
    Parameters  = @{}
    Examples    = @(
        @{
            Title   = 'Disconnect at the end of an interactive session'
            Code    = 'Disconnect-Mapflow'
            Remarks = 'The next Mapflow command needs Connect-Mapflow again, unless $env:MAPFLOW_TOKEN is set.'
        }
        @{
            Title   = 'Always disconnect at the end of a script'
            Code    = @'
Connect-Mapflow -Token (Read-Host -AsSecureString -Prompt 'Mapflow token')
try {
    Import-MapflowAoi places.geojson | Start-MapflowProcessing -Model Buildings
}
finally {
    Disconnect-Mapflow
}
'@
            Remarks = 'The finally block runs even after an error or Ctrl+C, so the connection never outlives the script in a long-lived console.'
        }
        @{
            Title   = 'Make sure no Mapflow connection is left'
            Code    = @'
Disconnect-Mapflow
Remove-Item Env:MAPFLOW_TOKEN -ErrorAction SilentlyContinue
try { Get-MapflowAccount } catch { $_.FullyQualifiedErrorId }
'@
            Remarks = 'With neither a connection nor $env:MAPFLOW_TOKEN, Mapflow cmdlets end with the terminating error Mapflow.NotConnected: the last line shows "Mapflow.NotConnected,Mapflow.PowerShell.Commands.GetMapflowAccountCommand".'
        }
    )
    Links       = @(
        'about_Mapflow'
        'Connect-Mapflow'
    )
}
