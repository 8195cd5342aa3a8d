using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.PowerShell;

/// <summary>
/// The base of the argument completers. A completer runs while someone waits at the prompt, so it never prompts, never
/// writes an error, makes no request without a session, and gives up on a slow API after <see cref="Deadline"/>.
/// </summary>
internal abstract class MapflowCompleter : IArgumentCompleter
{
    /// <summary>The longest Tab may wait for the API when nothing is cached.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    // After a failed or slow read, Tab answers at once (with nothing) for a while rather than waiting again.
    private static readonly TimeSpan QuietAfterFailure = TimeSpan.FromSeconds(30);

    /// <summary>The session the command would use: its -Session, else the runspace's; null when there is none.</summary>
    private static MapflowSession? Session(IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters["Session"] is var given && (given is PSObject ps ? ps.BaseObject : given) is MapflowSession session)
            return session;
        try
        {
            return SessionStore.Resolve(null);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The account, cached or read within the deadline; null when there is no session or the read failed.</summary>
    protected static Account? Account(IDictionary fakeBoundParameters) =>
        Session(fakeBoundParameters) is { } session ? Read(session, session.CachedAccount, cancel => session.GetAccountAsync(refresh: false, cancel)) : null;

    /// <summary>The project list, cached or read within the deadline; null when there is no session or the read failed.</summary>
    protected static IReadOnlyList<Project>? Projects(IDictionary fakeBoundParameters) =>
        Session(fakeBoundParameters) is { } session ? Read(session, session.CachedProjects, cancel => session.GetProjectsAsync(refresh: false, cancel)) : null;

    /// <summary>What <paramref name="read"/> gives within the deadline, uncached; null when there is no session or the read failed.</summary>
    protected static T? Read<T>(IDictionary fakeBoundParameters, Func<MapflowSession, CancellationToken, Task<T>> read) where T : class =>
        Session(fakeBoundParameters) is { } session ? Read(session, null, cancel => read(session, cancel)) : null;

    private static T? Read<T>(MapflowSession session, T? cached, Func<CancellationToken, Task<T>> read) where T : class
    {
        if (cached != null) return cached;
        if (DateTimeOffset.UtcNow < session.CompletionQuietUntil) return null;
        var cancel = new CancellationTokenSource(Deadline);
        var task = Task.Run(() => read(cancel.Token));
        // Observed and disposed whenever it ends, also after the prompt stopped waiting for it.
        task.ContinueWith(t => { _ = t.Exception; cancel.Dispose(); }, TaskScheduler.Default);
        try
        {
            if (task.Wait(Deadline)) return task.Result;
        }
        catch (AggregateException)
        {
            // A failed read completes nothing; the error is not the prompt's to show.
        }
        session.CompletionQuietUntil = DateTimeOffset.UtcNow + QuietAfterFailure;
        return null;
    }

    /// <summary>
    /// The word being completed without the quote it may start with, and that quote (or none). A word that is not a
    /// prefix to match ('$var', an expression) gives null.
    /// </summary>
    private static (WildcardPattern Pattern, char? Quote) Word(string? wordToComplete)
    {
        var word = wordToComplete ?? "";
        char? quote = word.Length > 0 && (word[0] == '\'' || word[0] == '"') ? word[0] : null;
        if (quote != null)
        {
            word = word.Substring(1);
            if (word.Length > 0 && word[word.Length - 1] == quote) word = word.Substring(0, word.Length - 1);
        }
        return (WildcardPattern.Get(WildcardPattern.Escape(word) + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant), quote);
    }

    /// <summary>One completion: the text quoted as the command line needs it, the list entry and the tooltip.</summary>
    protected static CompletionResult Result(string text, string listItem, string tooltip, char? quote) =>
        new(Quote(text, quote), listItem, CompletionResultType.ParameterValue, tooltip.Length == 0 ? listItem : tooltip);

    /// <summary>
    /// Quoted in the user's quote, or in single quotes when the text has anything but letters, digits and - _ .
    /// (spaces, emoji, characters PowerShell parses) or starts with a dash, which would read as a parameter.
    /// </summary>
    private static string Quote(string text, char? quote)
    {
        if (quote == '"') return "\"" + text.Replace("`", "``").Replace("$", "`$").Replace("\"", "`\"") + "\"";
        var plain = text.Length > 0 && text[0] != '-' && text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');
        return quote == null && plain ? text : "'" + text.Replace("'", "''") + "'";
    }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        try
        {
            var (pattern, quote) = Word(wordToComplete);
            return Complete(parameterName, fakeBoundParameters, pattern, quote).ToList();
        }
        catch (Exception)
        {
            // Nothing a completer does may reach the prompt as an error.
            return new List<CompletionResult>();
        }
    }

    /// <summary>The completions of the values that match <paramref name="pattern"/>, quoted with <paramref name="quote"/> when the user opened one.</summary>
    protected abstract IEnumerable<CompletionResult> Complete(string parameterName, IDictionary fakeBoundParameters, WildcardPattern pattern, char? quote);
}

/// <summary>A completer of what the account lists (models, options, providers): the account is read once, for them all.</summary>
internal abstract class AccountCompleter : MapflowCompleter
{
    protected sealed override IEnumerable<CompletionResult> Complete(string parameterName, IDictionary fakeBoundParameters, WildcardPattern pattern, char? quote) =>
        Account(fakeBoundParameters) is { } account ? Complete(account, fakeBoundParameters, pattern, quote) : Enumerable.Empty<CompletionResult>();

    protected abstract IEnumerable<CompletionResult> Complete(Account account, IDictionary fakeBoundParameters, WildcardPattern pattern, char? quote);
}
