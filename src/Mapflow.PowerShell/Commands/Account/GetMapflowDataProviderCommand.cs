using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>The imagery providers the account may use as -DataProvider, with their zoom levels and prices.</summary>
[Cmdlet(VerbsCommon.Get, "MapflowDataProvider", SupportsPaging = true)]
[OutputType(typeof(DataProvider))]
public sealed class GetMapflowDataProviderCommand : MapflowSessionCmdlet
{
    /// <summary>Wildcard on the provider's name or display name, ignoring case.</summary>
    [Parameter(Position = 0)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(DataProviderCompleter))]
    public string[]? Name { get; set; }

    protected override void EndProcessing() =>
        WriteAccountItems(Name, a => a.DataProviders, (p, pattern) => pattern.IsMatch(p.Name) || (p.DisplayName is { } shown && pattern.IsMatch(shown)),
            (n, all) => $"No imagery provider of this account is called '{n}'. Available: {string.Join(", ", all.Select(p => $"'{p.Name}'"))}.");
}
