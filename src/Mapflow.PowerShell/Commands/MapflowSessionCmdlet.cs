using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Mapflow.PowerShell.Commands;

/// <summary>A cmdlet that talks to the API through a session: its -Session, or the runspace's current one.</summary>
public abstract class MapflowSessionCmdlet : MapflowCmdlet
{
    /// <summary>The connection to use instead of the current one (Connect-Mapflow or $env:MAPFLOW_TOKEN).</summary>
    [Parameter]
    public MapflowSession? Session { get; set; }

    /// <summary>
    /// Writes what the account lists (models, providers) whose name matches <paramref name="names"/> (all without
    /// any), within -First/-Skip; each plain name that matches nothing is a Mapflow.NotFound error.
    /// </summary>
    protected void WriteAccountItems<T>(string[]? names, Func<Account, IReadOnlyList<T>> items, Func<T, WildcardPattern, bool> like,
        Func<string, IReadOnlyList<T>, string> notFound) where T : class
    {
        var session = ResolveSession();
        var filter = new NameFilter(names);
        var window = new PageWindow(PagingParameters);
        Run(async cancel =>
        {
            var all = items(await session.GetAccountAsync(refresh: false, cancel).ConfigureAwait(false));
            foreach (var item in all.Where(i => filter.Matches((_, pattern) => like(i, pattern))))
                if (window.Take()) QueueObject(item);
            foreach (var error in filter.NotFound(n => notFound(n, all)))
                QueueError(error);
        });
        window.WriteTotal(this);
    }

    /// <summary>
    /// The processing ids of an input bound by property name: its ProcessingId when it has one, else its Id. An object
    /// with both (an AOI of Get-MapflowAoi, a saved result) names its processing by ProcessingId; its Id is its own.
    /// </summary>
    protected static Guid[] ProcessingIdsOf(Guid[] id, Guid[] processingId) => processingId.Length > 0 ? processingId : id;

    /// <summary>In BeginProcessing, where only arguments are bound: -Id and -ProcessingId both typed is a mistake, not an object piped in.</summary>
    protected void RefuseBothIds()
    {
        if (MyInvocation.BoundParameters.ContainsKey("Id") && MyInvocation.BoundParameters.ContainsKey("ProcessingId"))
            ThrowTerminatingError(ErrorRecords.Create("Mapflow.InvalidArgument", ErrorCategory.InvalidArgument, null, "Give -Id or -ProcessingId, not both."));
    }

    /// <summary>The session in force for this call; a terminating error when there is none.</summary>
    protected MapflowSession ResolveSession()
    {
        try
        {
            return SessionStore.Resolve(Session);
        }
        catch (Exception e) when (e is NotConnectedException or ArgumentException)
        {
            ThrowTerminatingError(ErrorRecords.From(e, null));
            throw;
        }
    }
}
