@{
    Synopsis    = 'Connects to the Mapflow API with an API token and keeps the connection for the other Mapflow cmdlets.'
    Description = @'
Connect-Mapflow checks a Mapflow API token by reading the account (GET /user/status). When Mapflow accepts it, the connection becomes the default of the current runspace: every other Mapflow cmdlet uses it unless it is given -Session. A later Connect-Mapflow replaces the default connection; a session kept from -PassThru goes on working with -Session, so a script can use two accounts side by side.

The token is the one shown at https://app.mapflow.ai/account/api, the base64 form of "email:secret". The module never prints it: the session object, verbose and debug output and error messages show only the email it belongs to. When the token does not decode to "email:secret", Connect-Mapflow warns, but still asks Mapflow.

Without -Token, Connect-Mapflow reads $env:MAPFLOW_TOKEN. Unattended scripts need not call Connect-Mapflow at all: when nothing is connected, each cmdlet connects with $env:MAPFLOW_TOKEN and $env:MAPFLOW_API_URL. Calling it first still helps there, to fail early when the token was re-issued.

A refused token ends the command with the error MapflowApi.Unauthorized, and the previous connection, if any, is kept.
'@
    Parameters  = @{
        Token           = @'
The API token, as a string or as a SecureString (from Read-Host -AsSecureString, or Get-Secret of the SecretManagement module). When omitted, $env:MAPFLOW_TOKEN is used; when that is empty too, the command fails with Connect.NoToken. Any other type of value fails with the error id Argument.

Avoid typing the token itself on the command line, where it stays in the history.
'@
        ApiUrl          = 'The base URL of the Mapflow REST API, for another Mapflow installation or a local emulator. When omitted, $env:MAPFLOW_API_URL, and without it https://api.mapflow.ai/rest.'
        Proxy           = 'An HTTP proxy for every request of this connection. When omitted, the system proxy settings apply (on PowerShell 7, the HTTPS_PROXY, HTTP_PROXY and NO_PROXY environment variables).'
        ProxyCredential = 'The user name and password for -Proxy, when the proxy asks for authentication.'
        PassThru        = 'Writes the new session to the pipeline. Keep it to pass to -Session, for example into ForEach-Object -Parallel, or to change its Timeouts.'
    }
    Defaults    = @{
        Token  = '$env:MAPFLOW_TOKEN'
        ApiUrl = '$env:MAPFLOW_API_URL, else https://api.mapflow.ai/rest'
        Proxy  = 'The system proxy'
    }
    Outputs     = 'With -PassThru, the session: ApiUrl, Email, Proxy, Source, Timeouts and Retry. It never shows the token. Otherwise nothing.'
    Examples    = @(
        @{
            Title   = 'Connect with a token typed at a prompt'
            Code    = @'
$token = Read-Host -AsSecureString -Prompt 'Mapflow token'
Connect-Mapflow -Token $token -Verbose
'@
            Remarks = 'Read-Host -AsSecureString does not echo the token, and it never reaches the history. -Verbose shows the account and its balance, for example "Connected to https://api.mapflow.ai/rest as you@example.com: 1200 credits left."'
        }
        @{
            Title   = 'Connect a scheduled task with $env:MAPFLOW_TOKEN'
            Code    = @'
# The task's environment holds MAPFLOW_TOKEN; the script holds no secret.
Connect-Mapflow
Import-MapflowAoi C:\jobs\places.geojson |
    Start-MapflowProcessing -Model Buildings |
    Wait-MapflowProcessing |
    Save-MapflowResult -Path C:\jobs\out
'@
            Remarks = 'Without -Token, Connect-Mapflow reads $env:MAPFLOW_TOKEN. The call is optional, since the other cmdlets use the variable by themselves, but it stops the script at once with MapflowApi.Unauthorized when the token was re-issued, and pwsh -File then exits with 1.'
        }
        @{
            Title   = 'Connect through a corporate proxy with a token from a vault'
            Code    = @'
$proxyUser = Get-Credential -Message 'Proxy account'
Connect-Mapflow -Token (Get-Secret -Name MapflowToken) -Proxy http://proxy.example.local:3128 -ProxyCredential $proxyUser
'@
            Remarks = 'Get-Secret returns the token as a SecureString. A proxy that cannot be reached or refuses the request gives the error MapflowApi.ProxyFailure.'
        }
        @{
            Title   = 'Keep the session to tune it and to use it in parallel runspaces'
            Code    = @'
$session = Connect-Mapflow -PassThru
$session.Timeouts.DownloadIdle = [timespan]::FromMinutes(5)
'Бой', 'Авазли' | ForEach-Object -Parallel {
    Get-MapflowProcessing -Name $_ -Session $using:session
}
'@
            Remarks = 'The connection of Connect-Mapflow belongs to one runspace; ForEach-Object -Parallel runs in others, so it gets the session with -Session $using:session. Changing Timeouts on the session object affects its later calls.'
        }
        @{
            Title   = 'Connect to a local emulator'
            Code    = @'
Connect-Mapflow -ApiUrl http://127.0.0.1:5088 -Token $env:MAPFLOW_TOKEN
Get-MapflowAccount
'@
            Remarks = '-ApiUrl sends every request of this connection to another address. Setting $env:MAPFLOW_API_URL does the same for connections made without -ApiUrl.'
        }
    )
    Notes       = @'
The connection is the runspace's default until Disconnect-Mapflow or the next Connect-Mapflow. The object written by -PassThru is that same connection and stays usable with -Session after either.

The session's Timeouts (Api, Create, DownloadIdle) can be changed on the object returned by -PassThru. Transient failures (time-outs, 408, 429 and 5xx answers, lost connections) are retried with a growing, random delay that honours Retry-After.
'@
    Links       = @(
        'about_Mapflow'
        'about_Mapflow_Errors'
        'Disconnect-Mapflow'
        'Get-MapflowAccount'
    )
}
