using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell;

/// <summary>-DataProvider: the imagery providers of the account, by the name the API takes.</summary>
internal class DataProviderCompleter : AccountCompleter
{
    protected virtual IEnumerable<DataProvider> Providers(Account account) => account.DataProviders;

    protected override IEnumerable<CompletionResult> Complete(Account account, IDictionary fakeBoundParameters, WildcardPattern pattern, char? quote) =>
        Providers(account)
            .Where(p => pattern.IsMatch(p.Name) || p.DisplayName != null && pattern.IsMatch(p.DisplayName))
            .Select(p => Result(p.Name, p.Name, p.DisplayName ?? p.Name, quote));
}

/// <summary>Find-MapflowImagery -DataProvider: the providers the imagery search covers (searchDataProviders).</summary>
internal sealed class SearchProviderCompleter : DataProviderCompleter
{
    protected override IEnumerable<DataProvider> Providers(Account account) => account.SearchDataProviders;
}
