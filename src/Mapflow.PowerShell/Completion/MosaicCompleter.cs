using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell;

/// <summary>-Mosaic and Get-MapflowMosaic -Name: the account's mosaic names, read within the completers' deadline.</summary>
internal sealed class MosaicCompleter : MapflowCompleter
{
    protected override IEnumerable<CompletionResult> Complete(string parameterName, IDictionary fakeBoundParameters, WildcardPattern pattern, char? quote)
    {
        if (Read(fakeBoundParameters, (session, cancel) => session.Client.GetMosaicsAsync(null, cancel)) is not { } mosaics)
            return Enumerable.Empty<CompletionResult>();
        var byId = parameterName != "Name";
        return mosaics
            .Where(m => pattern.IsMatch(m.Name) || pattern.IsMatch(m.Id.ToString()))
            .GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .SelectMany(same => same.Count() > 1 && byId
                ? same.Select(m => Result(m.Id.ToString(), $"{m.Name} ({m.Id})", $"{Tooltip(m)}; {same.Count()} mosaics have this name", quote))
                : new[] { Result(same.First().Name, same.First().Name, Tooltip(same.First()), quote) });
    }

    private static string Tooltip(Mosaic mosaic) =>
        $"{mosaic.Name} ({mosaic.Id}){(mosaic.Tags.Count > 0 ? ", tags " + string.Join(", ", mosaic.Tags) : "")}";
}
