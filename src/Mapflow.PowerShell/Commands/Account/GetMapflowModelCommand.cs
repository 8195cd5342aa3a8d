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

    protected override void EndProcessing()
    {
        var session = ResolveSession();
        var filter = new NameFilter(Name);
        var window = new PageWindow(PagingParameters);
        Run(async cancel =>
        {
            var account = await session.GetAccountAsync(refresh: false, cancel).ConfigureAwait(false);
            foreach (var model in account.Models.Where(m => filter.Matches((_, pattern) => ModelNames.IsLike(m.Name, pattern))))
                if (window.Take()) QueueObject(model);
            foreach (var error in filter.NotFound(n => $"No Mapflow model is called '{n}'. Available models: {string.Join(", ", account.Models.Select(m => $"'{m.Name}'"))}."))
                QueueError(error);
        });
        window.WriteTotal(this);
    }
}
