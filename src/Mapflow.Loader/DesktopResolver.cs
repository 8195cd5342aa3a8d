#if !NETCOREAPP
using System;
using System.IO;
using System.Reflection;

namespace Mapflow.Loader;

/// <summary>
/// Windows PowerShell has no load contexts, and a module gets no binding redirects: when one of the module's
/// assemblies asks for a version of a dependency other than the one shipped (System.Memory, say), it is handed the
/// module's copy. Requests from other modules' assemblies are left alone.
/// </summary>
internal sealed class DesktopResolver
{
    private readonly string _directory;

    public DesktopResolver(string directory)
    {
        _directory = directory;
        AppDomain.CurrentDomain.AssemblyResolve += Resolve;
    }

    // LoadFrom, as Import-Module itself loads a binary module on Windows PowerShell.
    public Assembly LoadModuleAssembly(string name) => Assembly.LoadFrom(Path.Combine(_directory, name + ".dll"));

    private Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        // .NET Framework does not always say who asks; then the name alone decides.
        var requester = args.RequestingAssembly;
        if (requester != null && (requester.IsDynamic
            || !string.Equals(Path.GetDirectoryName(requester.Location), _directory, StringComparison.OrdinalIgnoreCase))) return null;
        var path = Path.Combine(_directory, new AssemblyName(args.Name).Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
#endif
