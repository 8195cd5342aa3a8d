using Mapflow.Emulator;
using Mapflow.Emulator.Proxy;

var proxy = ProxyApp.IsRequested(args);
WebApplication app;
try
{
    app = proxy ? ProxyApp.Create(args) : EmulatorApp.Create(args);
}
catch (NonLoopbackUrlException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await using (app)
{
    await app.StartAsync();
    // Harnesses wait for exactly this line to learn the port.
    if (proxy)
    {
        Console.WriteLine($"Mapflow proxy listening on {ProxyApp.ListeningAddress(app)}");
    }
    else
    {
        Console.WriteLine($"Mapflow emulator listening on {EmulatorApp.ListeningAddress(app)}");
        Console.WriteLine($"Demo token: {EmulatorApp.DemoToken(app)}");
    }
    Console.Out.Flush();
    await app.WaitForShutdownAsync();
}
return 0;
