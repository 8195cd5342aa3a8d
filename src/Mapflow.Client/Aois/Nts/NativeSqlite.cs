using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading;

namespace Mapflow.Client.Aois.Nts
{
    /// <summary>
    /// Loads SQLite's native library from runtimes/&lt;rid&gt;/native beside this assembly. An application finds it
    /// through its deps.json, but a PowerShell module is loaded by path and has none, so without this the first
    /// GeoPackage read fails with "unable to load e_sqlite3".
    /// </summary>
    internal static class NativeSqlite
    {
        private static int _loaded;

        public static void EnsureLoaded()
        {
            if (Interlocked.Exchange(ref _loaded, 1) == 1) return;
            var here = Path.GetDirectoryName(typeof(NativeSqlite).Assembly.Location);
            if (string.IsNullOrEmpty(here)) return;
            var path = Path.Combine(here!, "runtimes", RuntimeId(), "native", LibraryName());
            // NativeLibrary exists from .NET Core 3.0 on (this assembly targets netstandard2.0); on Windows PowerShell
            // 5.1 SQLitePCLRaw's own probing has to find the library (not tested here).
            var load = Type.GetType("System.Runtime.InteropServices.NativeLibrary")?.GetMethod("Load", new[] { typeof(string) });
            if (File.Exists(path) && load != null)
            {
                try
                {
                    load.Invoke(null, new object[] { path });
                }
                catch (TargetInvocationException)
                {
                    // The usual probing may still find a system SQLite; its own error is clearer than ours.
                }
            }
        }

        private static string RuntimeId()
        {
            var os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
                : "linux";
            var arch = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                Architecture.Arm => "arm",
                _ => "x64",
            };
            return os + "-" + arch;
        }

        private static string LibraryName() =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "e_sqlite3.dll"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "libe_sqlite3.dylib"
            : "libe_sqlite3.so";
    }
}
