using Mapflow.Emulator;

WebApplication app;
try
{
    app = EmulatorApp.Create(args);
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
    Console.WriteLine($"Mapflow emulator listening on {EmulatorApp.ListeningAddress(app)}");
    Console.WriteLine($"Demo token: {EmulatorApp.DemoToken(app)}");
    Console.Out.Flush();
    await app.WaitForShutdownAsync();
}
return 0;
