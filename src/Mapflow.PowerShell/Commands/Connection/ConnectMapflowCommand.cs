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
        MapflowClientOptions options = null!;
        try
        {
            var (proxy, proxyCredential) = SplitProxy();
            options = new MapflowClientOptions(ReadToken(), SessionStore.ParseUrl(ApiUrl?.OriginalString ?? Environment.GetEnvironmentVariable("MAPFLOW_API_URL")))
            {
                Proxy = proxy,
                ProxyCredential = proxyCredential,
            };
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.From(e, null));
        }
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

    /// <summary>
    /// The proxy without any user:password in its URL (WebProxy ignores it there, and the session shows its proxy),
    /// and the credential from -ProxyCredential or from that URL.
    /// </summary>
    private (Uri? Proxy, NetworkCredential? Credential) SplitProxy()
    {
        if (Proxy is null) return (null, ProxyCredential?.GetNetworkCredential());
        if (!Proxy.IsAbsoluteUri || Proxy.Scheme != Uri.UriSchemeHttp && Proxy.Scheme != Uri.UriSchemeHttps)
            throw new PSArgumentException($"-Proxy takes an http or https URL, not '{Proxy.OriginalString}'.", nameof(Proxy));
        if (string.IsNullOrEmpty(Proxy.UserInfo)) return (Proxy, ProxyCredential?.GetNetworkCredential());
        var parts = Proxy.UserInfo.Split(new[] { ':' }, 2);
        var fromUrl = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        var bare = new UriBuilder(Proxy) { UserName = "", Password = "" }.Uri;
        return (bare, ProxyCredential?.GetNetworkCredential() ?? fromUrl);
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
