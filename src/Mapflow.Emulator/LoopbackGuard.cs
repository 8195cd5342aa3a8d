using System.Net;
using Microsoft.AspNetCore.Http.Features;

namespace Mapflow.Emulator;

/// <summary>The emulator has no real security, so it must never listen beyond this machine.</summary>
internal static class LoopbackGuard
{
    /// <summary>
    /// A web app builder bound to <paramref name="defaultUrl"/> or the loopback --urls given; ASP.NET's own logging
    /// goes to stderr, warnings only, because test harnesses read stdout for the listening line.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string defaultUrl)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var urls = builder.Configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls))
            builder.WebHost.UseUrls(defaultUrl);
        else
            Ensure(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    public static void Ensure(string urls)
    {
        foreach (var url in urls.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopback(url))
                throw new NonLoopbackUrlException(
                    $"Refusing to listen on '{url}': the Mapflow emulator only binds to loopback (127.x, localhost, [::1]).");
        }
    }

    private static bool IsLoopback(string url)
    {
        string host;
        try
        {
            host = BindingAddress.Parse(url).Host;
        }
        catch (FormatException)
        {
            return false;
        }
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}

public sealed class NonLoopbackUrlException(string message) : Exception(message);
