#if NETCOREAPP
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Mapflow.Loader;

/// <summary>
/// PowerShell 7: the module's private load context. An assembly found in the module's folder loads here, unless the
/// runtime or PowerShell itself carries it at the same or a higher version.
/// </summary>
internal sealed class ModuleLoadContext : AssemblyLoadContext
{
    // Name -> path of what the host (the .NET runtime and pwsh) provides. Those assemblies are in PowerShell's own
    // context at one version that no module can change, so sharing them never conflicts. They must be shared:
    // a second copy of System.Memory or Microsoft.Bcl.AsyncInterfaces here would define Span<T> or
    // IAsyncEnumerable<T> types of its own, which the runtime's APIs would not accept.
    private static readonly Lazy<Dictionary<string, string>> Platform = new(ReadPlatform);

    private readonly string _directory;

    public ModuleLoadContext(string directory)
        : base("Mapflow " + directory, isCollectible: false)
    {
        _directory = directory;
    }

    public Assembly LoadModuleAssembly(string name) => LoadFromAssemblyName(new AssemblyName(name));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(_directory, assemblyName.Name + ".dll");
        if (!File.Exists(path) || PlatformCarries(assemblyName.Name!, path)) return null; // null: PowerShell's context
        return LoadFromAssemblyPath(path);
    }

    private static bool PlatformCarries(string name, string ours) =>
        Platform.Value.TryGetValue(name, out var theirs)
        && AssemblyName.GetAssemblyName(theirs).Version >= AssemblyName.GetAssemblyName(ours).Version;

    private static Dictionary<string, string> ReadPlatform()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);
        var byName = new Dictionary<string, string>(paths.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths) byName[Path.GetFileNameWithoutExtension(path)] = path;
        return byName;
    }
}
#endif
