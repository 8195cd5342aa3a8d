using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell;

/// <summary>
/// The -Name filter of the Get cmdlets: names with wildcards, ignoring case. It remembers which names matched, so a plain
/// name that matched nothing can be reported (Mapflow.NotFound) while a wildcard that matched nothing stays silent.
/// </summary>
internal sealed class NameFilter
{
    private readonly (string Name, WildcardPattern Pattern)[] _names;
    private readonly HashSet<string> _matched = new(StringComparer.Ordinal);

    public NameFilter(IEnumerable<string>? names) =>
        _names = (names ?? Array.Empty<string>())
            .Select(n => (n, WildcardPattern.Get(n, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)))
            .ToArray();

    /// <summary>No name was given: everything matches.</summary>
    public bool IsEmpty => _names.Length == 0;

    /// <summary>Whether any name matches, by <paramref name="isMatch"/> (the name as typed, and as a pattern).</summary>
    public bool Matches(Func<string, WildcardPattern, bool> isMatch)
    {
        if (IsEmpty) return true;
        var any = false;
        foreach (var (name, pattern) in _names)
        {
            if (!isMatch(name, pattern)) continue;
            _matched.Add(name);
            any = true;
        }
        return any;
    }

    /// <summary>The names without wildcards that matched nothing.</summary>
    public IEnumerable<string> Unmatched =>
        _names.Select(n => n.Name).Where(n => !_matched.Contains(n) && !WildcardPattern.ContainsWildcardCharacters(n)).Distinct();

    /// <summary>A Mapflow.NotFound error for each plain name that matched nothing.</summary>
    public IEnumerable<ErrorRecord> NotFound(Func<string, string> message) =>
        Unmatched.Select(n => ErrorRecords.Create("Mapflow.NotFound", ErrorCategory.ObjectNotFound, n, message(n)));
}
