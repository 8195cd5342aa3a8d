using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
#if NETCOREAPP
using FolderLoader = Mapflow.Loader.ModuleLoadContext;
#else
using FolderLoader = Mapflow.Loader.DesktopResolver;
#endif

namespace Mapflow.Loader;

/// <summary>
/// Loads the module's assemblies from its bin folder so that their dependencies are the module's own copies,
/// whatever versions of them other modules have loaded into the session.
/// </summary>
public static class ModuleLoader
{
    private static readonly object Sync = new();
    // One per folder, so that two versions of the module can be imported into one session.
    private static readonly Dictionary<string, FolderLoader> Loaders = new(StringComparer.Ordinal);

    /// <summary>Loads <paramref name="assemblyName"/> (a file name without .dll) from <paramref name="directory"/>.</summary>
    public static Assembly Load(string directory, string assemblyName)
    {
        directory = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        FolderLoader? loader;
        lock (Sync)
        {
            if (!Loaders.TryGetValue(directory, out loader))
            {
                loader = new FolderLoader(directory);
                Loaders.Add(directory, loader);
            }
        }
        return loader.LoadModuleAssembly(assemblyName);
    }
}
