using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mapflow.Client.Reports;
using Xunit;
using Xunit.Abstractions;

namespace Mapflow.Client.Tests.Reports;

public sealed class ReportHtmlTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mapflow-report-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A run of <paramref name="aois"/> square AOIs in a 20 × n grid near Bukhara, each with its own file of building rectangles.</summary>
    private RunReport Run(int aois, int featuresPerAoi)
    {
        var report = new RunReport { Title = "Size" };
        var random = new Random(7);
        for (var i = 0; i < aois; i++)
        {
            double x = 64 + 0.02 * (i % 20), y = 39 + 0.02 * (i / 20);
            var square = Ring(x, y, 0.01, 0.01);
            report.Rows.Add(new ReportRow
            {
                Name = $"AOI {i}", ProcessingId = Guid.NewGuid(), ProcessingName = $"AOI {i}", AoiId = Guid.NewGuid(), Status = i % 50 == 0 ? "FAILED" : "OK",
                AreaKm2 = 1.1, Cost = 5, Features = featuresPerAoi,
                Geometry = JsonDocument.Parse($$"""{"type":"Polygon","coordinates":[{{square}}]}""").RootElement,
            });
            var path = Path.Combine(_folder, $"aoi{i}.geojson");
            var json = new StringBuilder("""{"type":"FeatureCollection","features":[""");
            for (var f = 0; f < featuresPerAoi; f++)
            {
                var rectangle = Ring(x + random.NextDouble() * 0.0098, y + random.NextDouble() * 0.0098, 0.00018, 0.00012);
                json.Append(f == 0 ? "" : ",").Append($$$"""{"type":"Feature","properties":{"id":{{{f}}},"area":123.45,"class_id":101},"geometry":{"type":"Polygon","coordinates":[{{{rectangle}}}]}}""");
            }
            File.WriteAllText(path, json.Append("]}").ToString());
            var file = new ReportFile { Path = path, FeatureCount = featuresPerAoi };
            file.Rows.Add(i);
            report.Files.Add(file);
            report.Features += featuresPerAoi;
        }
        return report;
    }

    private static string Ring(double x, double y, double w, double h) => string.Format(CultureInfo.InvariantCulture,
        "[[{0:0.0000000},{1:0.0000000}],[{2:0.0000000},{1:0.0000000}],[{2:0.0000000},{3:0.0000000}],[{0:0.0000000},{3:0.0000000}],[{0:0.0000000},{1:0.0000000}]]", x, y, x + w, y + h);

    private static (string Html, ReportMapInfo Map) Write(RunReport report)
    {
        using var writer = new StringWriter();
        var map = ReportHtml.Write(report, writer);
        return (writer.ToString(), map);
    }

    [Fact]
    public void Five_hundred_AOIs_of_400_buildings_stay_under_10_MB_and_say_what_was_drawn()
    {
        var (html, map) = Write(Run(500, 400));

        var bytes = Encoding.UTF8.GetByteCount(html);
        output.WriteLine($"500 AOIs x 400 footprints: {bytes:N0} bytes, {map.Drawn:N0} footprints drawn");
        Assert.True(bytes < 10_000_000, $"{bytes:N0} bytes");
        Assert.Equal(200_000, map.Footprints);
        Assert.Equal(2, map.Stride);
        Assert.Equal(100_000, map.Drawn);
        Assert.Contains("one in every 2 is drawn (100,000)", html);
        Assert.Equal(500, Regex.Matches(html, "<path class=\"aoi ").Count);
        Assert.Equal(500, Regex.Matches(html, "<tr id=\"row-").Count);
    }

    [Fact]
    public void Few_footprints_are_all_drawn()
    {
        var (html, map) = Write(Run(3, 10));

        Assert.Equal(1, map.Stride);
        Assert.Equal(30, map.Drawn);
        Assert.Contains("All 30 result footprints are drawn.", html);
    }

    [Fact]
    public void The_policy_allows_exactly_the_report_s_own_script()
    {
        var (html, _) = Write(Run(2, 1));

        var policy = Regex.Match(html, "script-src 'sha256-([^']+)'").Groups[1].Value;
        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script))), policy);
        Assert.Contains("default-src 'none'", html);
    }

    [Fact]
    public void Names_and_errors_are_text()
    {
        var report = Run(1, 1);
        report.Rows[0].Name = "<script>alert(1)</script> «Бухара» & 'q'";
        report.Rows[0].Error = "<img src=x onerror=alert(1)>";
        report.Title = "</title><script>alert(2)</script>";

        var (html, _) = Write(report);

        Assert.Single(Regex.Matches(html, "<script"));
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; «Бухара» &amp; &#x27;q&#x27;", html);
    }

    [Fact]
    public void Summary_numbers_are_the_report_s_own()
    {
        var report = Run(4, 3);
        report.Processings = 4;
        report.Credits = 20.5;
        report.AreaKm2 = 1234.567;
        report.Failed = 1;
        report.Skipped = 2;

        var (html, _) = Write(report);

        Assert.Contains("<dd id=\"sum-processings\">4</dd>", html);
        Assert.Contains("<dd id=\"sum-aois\">4</dd>", html);
        Assert.Contains("<dd id=\"sum-credits\">20.5</dd>", html);
        Assert.Contains("<dd id=\"sum-area\">1,234.57</dd>", html);
        Assert.Contains("<dd id=\"sum-features\">12</dd>", html);
        Assert.Contains("<dd id=\"sum-failed\">1</dd>", html);
        Assert.Contains("<dd id=\"sum-skipped\">2</dd>", html);
    }
}
