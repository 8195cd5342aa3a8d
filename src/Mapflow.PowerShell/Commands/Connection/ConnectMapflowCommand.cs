using System;
using System.Management.Automation;
using System.Net;
using System.Runtime.InteropServices;
using System.Security;
using Mapflow.Client;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommunications.Connect, "Mapflow")]
[OutputType(typeof(MapflowSession))]
public sealed class ConnectMapflowCommand : MapflowCmdlet
{
    /// <summary>The API token as a string or SecureString; $env:MAPFLOW_TOKEN when omitted.</summary>
    [Parameter(Position = 0)]
    public object? Token { get; set; }

    [Parameter]
    public Uri? ApiUrl { get; set; }

    [Parameter]
    public Uri? Proxy { get; set; }

    [Parameter]
    [Credential]
    public PSCredential? ProxyCredential { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        MapflowToken token = null!;
        Uri? apiUrl = null;
        try
        {
            token = ReadToken();
            apiUrl = ApiUrl ?? SessionStore.ParseUrl(Environment.GetEnvironmentVariable("MAPFLOW_API_URL"));
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, null));
        }
        var options = new MapflowClientOptions(token, apiUrl)
        {
            Proxy = Proxy,
            ProxyCredential = ProxyCredential?.GetNetworkCredential(),
        };
        var session = new MapflowSession(options, "Connect-Mapflow");
        try
        {
            Run(async cancel =>
            {
                var account = await session.GetAccountAsync(refresh: true, cancel).ConfigureAwait(false);
                QueueVerbose($"Connected to {session.ApiUrl} as {account.Email}: {account.RemainingCredits} credits left.");
            });
        }
        catch
        {
            session.Dispose();
            throw;
        }
        SessionStore.Connected = session;
        if (PassThru) WriteObject(session);
    }

    private MapflowToken ReadToken()
    {
        var text = Token switch
        {
            null => Environment.GetEnvironmentVariable("MAPFLOW_TOKEN"),
            PSObject { BaseObject: var inner } => Unwrap(inner),
            var value => Unwrap(value),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            ThrowTerminatingError(ErrorRecords.Create("Connect.NoToken", ErrorCategory.AuthenticationError, null,
                "No Mapflow API token: pass -Token, or set $env:MAPFLOW_TOKEN. Get a token at https://app.mapflow.ai/account/api."));
        }
        var token = new MapflowToken(text!);
        if (!token.IsWellFormed)
        {
            // QGIS refuses such a token before calling the server; say so without echoing it.
            WriteWarning("The token does not decode to 'email:secret' as Mapflow tokens do; the server will probably refuse it.");
        }
        return token;
    }

    private string? Unwrap(object value) => value switch
    {
        string s => s,
        SecureString secure => new NetworkCredential(string.Empty, secure).Password,
        _ => throw new PSArgumentException("-Token takes a string or a SecureString.", nameof(Token)),
    };
}
