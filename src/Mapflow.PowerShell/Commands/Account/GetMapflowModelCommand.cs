using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

[Cmdlet(VerbsCommon.Get, "MapflowModel", SupportsPaging = true)]
[OutputType(typeof(Model))]
public sealed class GetMapflowModelCommand : MapflowSessionCmdlet
{
    /// <summary>Wildcard on the model name; emoji and case are ignored, so "build*" finds "🏠 Buildings".</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ModelCompleter))]
    public string[]? Name { get; set; }

    protected override void EndProcessing() =>
        WriteAccountItems(Name, a => a.Models, (m, pattern) => ModelNames.IsLike(m.Name, pattern),
            (n, all) => $"No Mapflow model is called '{n}'. Available models: {string.Join(", ", all.Select(m => $"'{m.Name}'"))}.");
}
