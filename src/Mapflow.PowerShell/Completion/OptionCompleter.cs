using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell;

/// <summary>
/// -Option: the optional blocks of the model already on the command line (-Model), else those of every model, each
/// with the models that have it.
/// </summary>
internal sealed class OptionCompleter : AccountCompleter
{
    protected override IEnumerable<CompletionResult> Complete(Account account, IDictionary fakeBoundParameters, WildcardPattern pattern, char? quote)
    {
        var models = ModelOnLine(account, fakeBoundParameters) is { } model ? new[] { model } : account.Models.ToArray();
        return models
            .SelectMany(m => m.Blocks.Where(b => b.Optional).Select(b => (Model: m, Block: b)))
            .Where(o => pattern.IsMatch(o.Block.Name))
            .GroupBy(o => o.Block.Name, StringComparer.OrdinalIgnoreCase)
            .Select(same => Result(same.Key, same.Key, Tooltip(same.First().Block, same.Select(o => o.Model.Name)), quote));
    }

    private static Model? ModelOnLine(Account account, IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters["Model"] is not string typed) return null;
        try
        {
            return ModelResolver.Resolve(account.Models, typed);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Tooltip(ModelBlock block, IEnumerable<string> models)
    {
        var price = block.Price is { } p ? $" (+{p.ToString("0.##", CultureInfo.InvariantCulture)} credits/km²)" : "";
        return $"{block.DisplayName ?? block.Name}{price}: {block.Description} — {string.Join(", ", models)}";
    }
}
