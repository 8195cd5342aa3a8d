using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.Client.Workflow;

/// <summary>
/// One run at a time may start processings in a project, per account, on this machine: an exclusive lock on a file
/// in the user's state folder, held while the run looks its keys up and creates. The operating system releases it
/// when the process ends, even by kill -9, so it never goes stale. It says nothing across machines; see
/// <see cref="ProcessingStarter.FindTwinsAsync"/> for what covers those.
/// </summary>
public sealed class StartLock : IDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(250);
    private readonly FileStream _file;

    private StartLock(FileStream file, string path)
    {
        _file = file;
        Path = path;
    }

    public string Path { get; }

    /// <summary>
    /// Waits for the lock of (API, account, project), as long as it takes; <paramref name="waiting"/> is told once
    /// when another run holds it. Cancelling stops the wait.
    /// </summary>
    public static async Task<StartLock> AcquireAsync(Uri apiUrl, string? account, Guid projectId, Action<string> waiting, CancellationToken cancel)
    {
        var folder = StateFolder();
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"start-{Scope(apiUrl, account, projectId)}.lock");
        var told = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Linux and macOS, a sharing lock on Windows: both end with the process.
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new StartLock(file, path);
            }
            catch (IOException e) when (IsHeldElsewhere(e) && !cancel.IsCancellationRequested)
            {
                if (!told)
                {
                    waiting(path);
                    told = true;
                }
                await Task.Delay(RetryEvery, cancel).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether opening a file failed because another handle holds it, rather than for a reason waiting will not mend:
    /// a sharing or lock violation on Windows; on Linux and macOS the EWOULDBLOCK of a held flock, which .NET puts in
    /// HResult as the raw errno (11 on Linux, 35 on macOS).
    /// </summary>
    internal static bool IsHeldElsewhere(IOException e) => RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
        ? (e.HResult & 0xFFFF) is 32 or 33
        : e.HResult is 11 or 35;

    /// <summary>
    /// Where this module keeps per-user state: $MAPFLOW_STATE_DIR, else the platform's place for it
    /// (%LOCALAPPDATA%\Mapflow on Windows, $XDG_STATE_HOME/mapflow or ~/.local/state/mapflow elsewhere).
    /// </summary>
    public static string StateFolder()
    {
        if (Environment.GetEnvironmentVariable("MAPFLOW_STATE_DIR") is { Length: > 0 } configured) return configured;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Mapflow");
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return System.IO.Path.Combine(state, "mapflow");
    }

    private static string Scope(Uri apiUrl, string? account, Guid projectId)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes($"{apiUrl.AbsoluteUri.TrimEnd('/').ToLowerInvariant()}|{account?.ToLowerInvariant()}|{projectId}"));
        return Hex.Lower(hash, 12);
    }

    public void Dispose() => _file.Dispose();
}
