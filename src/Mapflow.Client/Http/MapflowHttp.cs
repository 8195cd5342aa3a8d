using System;
using System.Net;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mapflow.Client.Http;

/// <summary>Builds the session's HttpClient through Microsoft.Extensions.Http's factory: proxy-aware primary handler, resilience on top.</summary>
internal sealed class MapflowHttp : IDisposable
{
    private const string ClientName = "Mapflow";
    private readonly ServiceProvider _services;

    public MapflowHttp(MapflowClientOptions options)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName, client =>
            {
                // Attempts are timed by the resilience pipeline and downloads by their idle timeout.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
            })
            .ConfigurePrimaryHttpMessageHandler(() => CreatePrimaryHandler(options))
            .AddHttpMessageHandler(() => new ResilienceHandler(options));
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        Proxy = options.Proxy;
    }

    public HttpClient Client { get; }

    private Uri? Proxy { get; }

    /// <summary>Whether a request to <paramref name="target"/> goes through a proxy, so a failure can be called a proxy failure.</summary>
    public bool UsesProxy(Uri target)
    {
        if (Proxy != null) return true;
        var system = SystemProxy.Value;
        return system != null && !system.IsBypassed(target) && system.GetProxy(target) is { } via && via != target;
    }

    // HttpClient.DefaultProxy (HTTPS_PROXY/NO_PROXY aware) exists from .NET Core 3.0 on; this assembly targets netstandard2.0.
    private static readonly Lazy<IWebProxy?> SystemProxy = new(() =>
        typeof(HttpClient).GetProperty("DefaultProxy")?.GetValue(null) as IWebProxy ?? WebRequest.DefaultWebProxy);

    private static HttpMessageHandler CreatePrimaryHandler(MapflowClientOptions options)
    {
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            UseProxy = true,
            MaxConnectionsPerServer = MapflowClientOptions.MaxConnections,
        };
        if (options.Proxy != null)
            handler.Proxy = new WebProxy(options.Proxy) { Credentials = options.ProxyCredential };
        return handler;
    }

    public void Dispose() => _services.Dispose();
}
