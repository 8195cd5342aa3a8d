using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell;

/// <summary>-DataProvider: the imagery providers of the account, by the name the API takes.</summary>
internal sealed class DataProviderCompleter : AccountCompleter
{
    protected override IEnumerable<CompletionResult> Complete(Account account, IDictionary fakeBoundParameters, WildcardPattern pattern, char? quote) =>
        account.DataProviders
            .Where(p => pattern.IsMatch(p.Name) || p.DisplayName != null && pattern.IsMatch(p.DisplayName))
            .Select(p => Result(p.Name, p.Name, p.DisplayName ?? p.Name, quote));
}
