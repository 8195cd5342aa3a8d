using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Mapflow.Emulator.Tests;

public sealed class StartupTests
{
    private static readonly string EmulatorDll = Path.Combine(AppContext.BaseDirectory, "Mapflow.Emulator.dll");

    [Theory]
    [InlineData("http://0.0.0.0:5000")]
    [InlineData("http://*:5000")]
    [InlineData("http://+:5000")]
    [InlineData("http://example.com:80")]
    [InlineData("http://192.168.1.10:80")]
    [InlineData("http://127.0.0.1:0;http://[::]:0")]
    public void Non_loopback_urls_are_refused(string urls) =>
        Assert.Throws<NonLoopbackUrlException>(() => EmulatorApp.Create(["--urls", urls]));

    [Theory]
    [InlineData("http://localhost:0")]
    [InlineData("http://[::1]:0")]
    [InlineData("http://127.0.0.2:0")]
    public async Task Loopback_urls_are_accepted(string urls)
    {
        await using var app = EmulatorApp.Create(["--urls", urls]);
        Assert.NotNull(app);
    }

    [Fact]
    public async Task Process_prints_the_listening_line_and_demo_token()
    {
        using var process = Start("--urls", "http://127.0.0.1:0");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var match = Regex.Match(line ?? "", @"^Mapflow emulator listening on (http://127\.0\.0\.1:\d+)$");
            Assert.True(match.Success, line);
            Assert.Equal("Demo token: ZGVtb0BtYXBmbG93LmxvY2FsOmRlbW8tc2VjcmV0", await process.StandardOutput.ReadLineAsync());

            using var client = new HttpClient();
            Assert.Equal("3.6.0", await client.GetStringAsync(match.Groups[1].Value + "/rest/version"));
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Process_exits_with_2_for_a_public_address()
    {
        using var process = Start("--urls", "http://0.0.0.0:0");
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("loopback", stderr);
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(EmulatorDll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }
}
