using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommon.Get, "MapflowAccount")]
[OutputType(typeof(Account))]
public sealed class GetMapflowAccountCommand : MapflowSessionCmdlet
{
    protected override void EndProcessing()
    {
        var session = ResolveSession();
        Run(async cancel => QueueObject(await session.GetAccountAsync(refresh: true, cancel).ConfigureAwait(false)));
    }
}
