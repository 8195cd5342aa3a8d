using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommon.Get, "MapflowModel")]
[OutputType(typeof(Model))]
public sealed class GetMapflowModelCommand : MapflowSessionCmdlet
{
    /// <summary>Wildcard on the model name; emoji and case are ignored, so "build*" finds "🏠 Buildings".</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    public string[]? Name { get; set; }

    protected override void EndProcessing()
    {
        var session = ResolveSession();
        Run(async cancel =>
        {
            var account = await session.GetAccountAsync(refresh: false, cancel).ConfigureAwait(false);
            foreach (var model in account.Models.Where(m => Name is null || Name.Any(n => ModelNames.IsLike(m.Name, n))))
                QueueObject(model);
        });
    }
}
