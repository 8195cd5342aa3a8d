using System;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>A cmdlet that talks to the API through a session: its -Session, or the runspace's current one.</summary>
public abstract class MapflowSessionCmdlet : MapflowCmdlet
{
    /// <summary>The connection to use instead of the current one (Connect-Mapflow or $env:MAPFLOW_TOKEN).</summary>
    [Parameter]
    public MapflowSession? Session { get; set; }

    /// <summary>The session in force for this call; a terminating error when there is none.</summary>
    protected MapflowSession ResolveSession()
    {
        try
        {
            return SessionStore.Resolve(Session);
        }
        catch (Exception e) when (e is NotConnectedException or ArgumentException)
        {
            ThrowTerminatingError(ErrorRecords.From(e, null));
            throw;
        }
    }
}
