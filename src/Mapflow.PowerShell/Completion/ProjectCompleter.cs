using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell;

/// <summary>
/// -Project and Get-MapflowProject -Name: the account's project names. For -Project, a name that several projects share
/// completes as each one's id, since the name alone would fail as ambiguous.
/// </summary>
internal sealed class ProjectCompleter : MapflowCompleter
{
    protected override IEnumerable<CompletionResult> Complete(string parameterName, IDictionary fakeBoundParameters, WildcardPattern pattern, char? quote)
    {
        if (Projects(fakeBoundParameters) is not { } projects) return Enumerable.Empty<CompletionResult>();
        var byId = parameterName == "Project";
        return projects
            .Where(p => pattern.IsMatch(p.Name) || pattern.IsMatch(p.Id.ToString()))
            .GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .SelectMany(same => same.Count() > 1 && byId
                ? same.Select(p => Result(p.Id.ToString(), $"{p.Name} ({p.Id})", $"{Tooltip(p)}; {same.Count()} projects have this name", quote))
                : new[] { Result(same.First().Name, same.First().Name, same.Count() > 1 ? $"{same.Count()} projects have this name" : Tooltip(same.First()), quote) });
    }

    private static string Tooltip(Project project) =>
        $"{project.Name} ({project.Id}){(project.IsDefault ? ", the default project" : "")}{(string.IsNullOrEmpty(project.Description) ? "" : ": " + project.Description)}";
}
