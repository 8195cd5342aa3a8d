using System;
using System.Collections.Generic;
using System.Management.Automation;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell;

internal static class ModelNames
{
    /// <summary>A wildcard matches the name as written or without its emoji and punctuation.</summary>
    public static bool IsLike(string modelName, WildcardPattern pattern) =>
        pattern.IsMatch(modelName) || pattern.IsMatch(ModelResolver.Normalize(modelName));

    /// <summary>
    /// What to type for a model: its plain name ("Buildings" for "🏠 Buildings") when -Model resolves that to the same
    /// model, else the full name.
    /// </summary>
    public static string Typed(Model model, IReadOnlyCollection<Model> models)
    {
        var plain = ModelResolver.Plain(model.Name);
        if (plain.Length == 0 || plain == model.Name) return model.Name;
        try
        {
            return ModelResolver.Resolve(models, plain).Id == model.Id ? plain : model.Name;
        }
        catch (ArgumentException)
        {
            return model.Name;
        }
    }
}
