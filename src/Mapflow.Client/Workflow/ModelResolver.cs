using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Mapflow.Client.Workflow;

/// <summary>
/// Finds a model by id or by a name typed without emoji, case or punctuation: "Buildings" is "🏠 Buildings",
/// "forest with heights" is "🌲↕️ Forest with heights".
/// </summary>
public static class ModelResolver
{
    /// <summary>
    /// Resolves against the project's models first (QGIS offers those; custom models may be linked to a project
    /// only), then the account's (/user/status). Each way of matching (id, exact name, name without emoji and case,
    /// a unique beginning) is tried on both before a looser one, so an exact name in the account beats a beginning in
    /// the project. A name that matches neither lists both.
    /// </summary>
    public static Model Resolve(IReadOnlyCollection<Model> projectModels, IReadOnlyCollection<Model> accountModels, string nameOrId)
    {
        foreach (var match in Matchers(nameOrId))
        {
            foreach (var models in new[] { projectModels, accountModels })
            {
                var found = match(models).GroupBy(m => m.Id).Select(g => g.First()).ToList();
                if (found.Count == 1) return found[0];
                if (found.Count > 1) throw new ModelNotFoundException(nameOrId, found, ambiguous: true);
            }
        }
        throw new ModelNotFoundException(nameOrId, projectModels.Concat(accountModels.Where(a => projectModels.All(p => p.Id != a.Id))), ambiguous: false);
    }

    public static Model Resolve(IReadOnlyCollection<Model> models, string nameOrId) => Resolve(models, Array.Empty<Model>(), nameOrId);

    private static IEnumerable<Func<IEnumerable<Model>, IEnumerable<Model>>> Matchers(string nameOrId)
    {
        if (Guid.TryParse(nameOrId, out var id))
        {
            yield return models => models.Where(m => m.Id == id);
            yield break;
        }
        var wanted = Normalize(nameOrId);
        yield return models => models.Where(m => m.Name == nameOrId);
        yield return models => models.Where(m => Normalize(m.Name) == wanted);
        if (wanted.Length > 0) yield return models => models.Where(m => Normalize(m.Name).StartsWith(wanted, StringComparison.Ordinal));
    }

    /// <summary>Letters and digits only, lower case, words separated by one space.</summary>
    public static string Normalize(string name) => Plain(name).ToLowerInvariant();

    /// <summary>The name as a person types it: letters and digits in their case, words separated by one space ("Buildings" for "🏠 Buildings").</summary>
    public static string Plain(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c)) text.Append(c);
            else if (text.Length > 0 && text[text.Length - 1] != ' ') text.Append(' ');
        }
        return text.ToString().Trim();
    }
}

public sealed class ModelNotFoundException : ArgumentException
{
    public ModelNotFoundException(string requested, IEnumerable<Model> candidates, bool ambiguous)
        : base(ambiguous
            ? $"The model name '{requested}' matches several models: {List(candidates)}. Use the full name or the id."
            : $"No model is called '{requested}'. Available models: {List(candidates)}.")
    {
        Requested = requested;
        Ambiguous = ambiguous;
    }

    public string Requested { get; }
    public bool Ambiguous { get; }

    private static string List(IEnumerable<Model> models) =>
        string.Join(", ", models.Select(m => $"'{m.Name}'").ToArray());
}
