using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Management.Automation;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell;

/// <summary>
/// -Model and Get-MapflowModel -Name: the account's models. It completes the plain name ("Buildings" for "🏠 Buildings")
/// when -Model resolves that to the same model, which is easier to type and read; the list shows the full name.
/// </summary>
internal sealed class ModelCompleter : AccountCompleter
{
    protected override IEnumerable<CompletionResult> Complete(Account account, IDictionary fakeBoundParameters, WildcardPattern pattern, char? quote) =>
        account.Models
            .Where(m => ModelNames.IsLike(m.Name, pattern) || pattern.IsMatch(ModelResolver.Plain(m.Name)))
            .Select(m => Result(ModelNames.Typed(m, account.Models), m.Name, Tooltip(m), quote));

    private static string Tooltip(Model model)
    {
        var price = model.BasePricePerSqKm.ToString("0.##", CultureInfo.InvariantCulture);
        var options = model.Options.Length == 0 ? "" : $"; options: {string.Join(", ", model.Options)}";
        return $"{model.Name}: {model.Description} ({price} credits/km²{options})";
    }
}
