using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.PowerShell;

/// <summary>What -Project accepts: a project object, an id, or a project name.</summary>
internal static class ProjectReference
{
    /// <summary>
    /// The project named by <paramref name="value"/> (the default project when null), read fresh with
    /// GET /projects/{id}: its owner's limits and linked models are what a start must follow.
    /// </summary>
    public static async Task<Project> ReadAsync(MapflowSession session, object? value, CancellationToken cancel) =>
        await ResolveAsync(session, value, cancel).ConfigureAwait(false) is { } id
            ? await session.Client.GetProjectAsync(id, cancel).ConfigureAwait(false)
            : await session.Client.GetDefaultProjectAsync(cancel).ConfigureAwait(false);

    /// <summary>The id when <paramref name="value"/> is one (a Guid or its text), not a project object or a name.</summary>
    public static Guid? AsId(object? value) => Unwrap(value) switch
    {
        Guid id => id,
        string text when Guid.TryParse(text, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The id when it is known without a request: an id, or a project object.</summary>
    public static Guid? KnownId(object? value) => AsId(value) ?? (Unwrap(value) as Project)?.Id;

    /// <summary>The id of the project named by <paramref name="value"/>, or null for "the default project" when it is null.</summary>
    public static async Task<Guid?> ResolveAsync(MapflowSession session, object? value, CancellationToken cancel)
    {
        if (AsId(value) is { } id) return id;
        switch (Unwrap(value))
        {
            case null:
                return null;
            case Project project:
                return project.Id;
            case string name:
                var projects = await session.GetProjectsAsync(refresh: true, cancel).ConfigureAwait(false);
                var matches = projects.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
                return matches.Count switch
                {
                    1 => matches[0].Id,
                    0 => throw new ItemNotFoundException($"No Mapflow project is called '{name}'. Create it with New-MapflowProject or pass an id."),
                    _ => throw new ArgumentException($"{matches.Count} Mapflow projects are called '{name}'; pass the project object or its id."),
                };
            case var other:
                throw new ArgumentException($"-Project takes a project, an id or a name, not a {other.GetType().Name}.");
        }
    }

    private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
}
