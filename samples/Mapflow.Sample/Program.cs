// What Import-MapflowAoi | Start-MapflowProcessing | Wait-MapflowProcessing | Save-MapflowResult does, with
// Mapflow.Client from a .NET program: a new project, one processing per AOI of a file, a wait, the results saved.
//
//   dotnet run --project samples/Mapflow.Sample -- <AOI file> <output folder> [model name]
//
// The token comes from MAPFLOW_TOKEN; MAPFLOW_API_URL points at another API than https://api.mapflow.ai/rest.
// Exit code: 0 when every result was saved, 1 when the run could not go on, 2 when some processing failed.
using Mapflow;
using Mapflow.Client;
using Mapflow.Client.Aois;
using Mapflow.Client.Results;
using Mapflow.Client.Workflow;

if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: Mapflow.Sample <AOI file> <output folder> [model name]");
    return 1;
}
var (aoiFile, outFolder, modelName) = (args[0], args[1], args.Length > 2 ? args[2] : "Buildings");
var apiUrl = Environment.GetEnvironmentVariable("MAPFLOW_API_URL");
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var cancel = stop.Token;

try
{
    var token = new MapflowToken(Environment.GetEnvironmentVariable("MAPFLOW_TOKEN") ?? "");
    using var client = new MapflowClient(new MapflowClientOptions(token, string.IsNullOrEmpty(apiUrl) ? null : new Uri(apiUrl))
    {
        UserAgent = "Mapflow.Sample",
    });
    var account = await client.GetAccountAsync(cancel);
    Console.WriteLine($"Connected as {account.Email}, {account.RemainingCredits} credits left.");

    // Every feature is checked before anything is sent; a bad one is reported and left out.
    var aois = new List<Aoi>();
    foreach (var read in AoiReader.Read(aoiFile, new AoiReadOptions()))
    {
        if (read.Aoi != null) aois.Add(read.Aoi);
        else Console.Error.WriteLine($"Skipped: {read.Problem}");
    }

    var project = await client.CreateProjectAsync($"Mapflow.Client sample {DateTime.Now:yyyy-MM-dd HH:mm}", null, cancel);
    var settings = new StartSettings
    {
        Model = ModelResolver.Resolve(account.Models, modelName),
        Source = new SourceParams { DataProvider = new DataProviderSource { ProviderName = account.DataProviders.First().Name } },
        ProjectId = project.Id,
        MaxAoisPerProcessing = account.EffectiveMaxAoisPerProcessing,
        AoiAreaLimit = project.User?.AoiAreaLimit,
        AppVersion = typeof(MapflowClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
    };
    var problems = new List<AoiProblem>();
    var starter = new ProcessingStarter(client, project.Id);
    var processings = new List<Processing>();
    foreach (var start in StartPlanner.Plan(aois, settings, problems))
    {
        // Sent once: an unclear answer is looked up by the start's key, never sent again blindly.
        var started = await starter.CreateAsync(start.Request, cancel);
        Console.WriteLine($"Started '{started.Processing.Name}' ({started.Outcome}).");
        processings.Add(started.Processing);
    }
    foreach (var problem in problems) Console.Error.WriteLine($"Not started: {problem}");

    // One listing of the project per round, however many processings are waited for.
    var poller = new ProcessingPoller(client);
    while (processings.Any(p => !p.IsTerminal))
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancel);
        processings = (await poller.RefreshAsync(processings, (p, e) => Console.Error.WriteLine($"Lost '{p.Name}': {e.Message}"), cancel)).ToList();
    }

    Directory.CreateDirectory(outFolder);
    var downloader = new ResultDownloader(client);
    var failed = 0;
    foreach (var processing in processings)
    {
        if (processing.Status != ProcessingStatus.Ok)
        {
            Console.Error.WriteLine($"'{processing.Name}' ended {processing.Status}.");
            failed++;
            continue;
        }
        var path = Path.Combine(outFolder, SafeFileName.For(processing.Name, processing.Id, ".geojson"));
        var saved = await downloader.DownloadAsync(processing, null, null, path, cancel);
        Console.WriteLine($"Saved {saved.FeatureCount} feature(s) to {saved.Path}");
    }
    return failed > 0 ? 2 : 0;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    Console.Error.WriteLine($"Stopped: {e.Message}");
    return 1;
}
