using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommunications.Disconnect, "Mapflow")]
[OutputType(typeof(void))]
public sealed class DisconnectMapflowCommand : PSCmdlet
{
    protected override void EndProcessing() => SessionStore.Connected = null;
}
