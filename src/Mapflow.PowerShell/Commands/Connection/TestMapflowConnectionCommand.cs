using System;
using System.Diagnostics;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Whether the API answers and takes the session's token: $true or $false, never an error, so that a script can
/// branch on it. -Detailed writes what was found instead: the API's version, the round trip, the account.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MapflowConnection")]
[OutputType(typeof(bool), typeof(ConnectionTest))]
public sealed class TestMapflowConnectionCommand : MapflowSessionCmdlet
{
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    protected override void EndProcessing()
    {
        var test = new ConnectionTest();
        MapflowSession? session = null;
        try
        {
            session = SessionStore.Resolve(Session);
            test.ApiUrl = session.ApiUrl;
        }
        catch (Exception e) when (e is NotConnectedException or ArgumentException)
        {
            test.Error = Describe(e);
        }
        if (session != null)
        {
            Run(async cancel =>
            {
                try
                {
                    var clock = Stopwatch.StartNew();
                    test.Version = await session.Client.GetVersionAsync(cancel).ConfigureAwait(false);
                    test.LatencyMs = Math.Round(clock.Elapsed.TotalMilliseconds, 1);
                    var account = await session.GetAccountAsync(refresh: true, cancel).ConfigureAwait(false);
                    test.Email = account.Email;
                    test.RemainingCredits = account.RemainingCredits;
                    test.Success = true;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    test.Error = Describe(e);
                }
            });
        }
        if (test.Error != null) WriteVerbose($"Mapflow connection test failed: {test.Error}");
        WriteObject(Detailed ? test : test.Success);
    }

    // The id and message another cmdlet would have failed with (the token is never in it).
    private static string Describe(Exception e)
    {
        var record = ErrorRecords.From(e, null);
        return $"{record.FullyQualifiedErrorId}: {record.Exception.Message}";
    }
}
