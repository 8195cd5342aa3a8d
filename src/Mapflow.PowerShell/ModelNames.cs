using System.Management.Automation;
using Mapflow.Client.Workflow;

namespace Mapflow.PowerShell;

internal static class ModelNames
{
    /// <summary>A wildcard matches the name as written or without its emoji and punctuation.</summary>
    public static bool IsLike(string modelName, string pattern)
    {
        var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
        return wildcard.IsMatch(modelName) || wildcard.IsMatch(ModelResolver.Normalize(modelName));
    }
}
