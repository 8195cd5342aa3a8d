using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Mapflow.Client.Reports;

/// <summary>What the map drew: every result footprint, or one in <see cref="Stride"/> when there were too many to mail.</summary>
public sealed class ReportMapInfo
{
    public long Footprints { get; set; }
    public long Drawn { get; set; }
    public int Stride { get; set; } = 1;
    public int Aois { get; set; }
}

/// <summary>
/// Writes a report as one HTML file that needs nothing else: styles, script and the map (inline SVG in Web
/// Mercator) are in it, and its Content-Security-Policy lets it load nothing and run only its own script (by hash),
/// so a name that slipped through unescaped still could not run. Every text from the data is HTML-escaped.
/// </summary>
public static class ReportHtml
{
    /// <summary>More footprints than this are drawn one in every few, so 500 AOIs × 400 features stay under 10 MB.</summary>
    public const long MaxDrawnFootprints = 120_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Markup characters and quotes are escaped; letters of every script stay readable in the file.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static ReportMapInfo Write(RunReport report, TextWriter html, long maxDrawn = MaxDrawnFootprints)
    {
        var css = Resource("report.css");
        var script = Resource("report.js");
        string hash;
        using (var sha = SHA256.Create())
            hash = Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(script)));

        html.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Write($"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; img-src data:\">\n");
        html.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"Mapflow PowerShell module\">\n");
        html.Write($"<title>{E(report.Title)} — Mapflow run report</title>\n<style>\n{css}</style>\n</head>\n<body>\n");
        html.Write($"<header><h1>{E(report.Title)}</h1><p class=\"sub\">Mapflow run report, made {E(report.GeneratedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant))}</p></header>\n");
        WriteSummary(report, html);
        var map = WriteMap(report, html, maxDrawn);
        WriteTable(report, html);
        html.Write($"<script>{script}</script>\n</body>\n</html>\n");
        return map;
    }

    private static void WriteSummary(RunReport report, TextWriter html)
    {
        html.Write("<section id=\"summary\"><h2>Summary</h2><dl>\n");
        void Item(string id, string label, string value, bool small = false) =>
            html.Write($"<div><dt>{E(label)}</dt><dd id=\"sum-{id}\"{(small ? " class=\"small\"" : "")}>{E(value)}</dd></div>\n");
        Item("processings", "Processings", N(report.Processings));
        Item("aois", "AOIs", N(report.Rows.Count));
        Item("area", "Area, km²", N(report.AreaKm2, 2));
        Item("credits", "Credits spent", N(report.Credits, 2));
        Item("features", "Features found", N(report.Features));
        Item("failed", "Failed AOIs", N(report.Failed));
        Item("skipped", "Skipped (already saved)", N(report.Skipped));
        Item("span", "Span", Span(report.From, report.To), small: true);
        Item("project", report.Projects.Count > 1 ? "Projects" : "Project", report.Projects.Count == 0 ? "—" : string.Join(", ", report.Projects), small: true);
        Item("model", report.Models.Count > 1 ? "Models" : "Model", report.Models.Count == 0 ? "—" : string.Join(", ", report.Models), small: true);
        html.Write("</dl></section>\n");
    }

    private static ReportMapInfo WriteMap(RunReport report, TextWriter html, long maxDrawn)
    {
        var info = new ReportMapInfo { Footprints = report.Files.Sum(f => f.FeatureCount) };
        html.Write("<section id=\"mapsection\"><h2>Map</h2>\n");
        var extent = Extent(report.Rows.Where(r => r.Geometry.HasValue).Select(r => r.Geometry!.Value));
        if (extent is null)
        {
            html.Write("<p class=\"note\">No AOI geometry could be read, so there is no map.</p></section>\n");
            return info;
        }
        var (minLon, minLat, maxLon, maxLat) = extent.Value;
        var projection = new MercatorPath(minLon, minLat, maxLon, maxLat);
        var margin = Math.Max(projection.Width, projection.Height) * 0.04;
        html.Write("<div class=\"toolbar\"><button id=\"reset\" type=\"button\">Reset view</button><span class=\"legend\">");
        html.Write("<span><i class=\"s-ok\"></i>OK</span><span><i class=\"s-failed\"></i>Failed</span><span><i class=\"s-running\"></i>Not finished</span>");
        html.Write("<span><i class=\"s-other\"></i>Cancelled, refunded or unknown</span><span><i class=\"r\"></i>Result footprints</span></span>");
        html.Write("<span class=\"note\">Wheel to zoom, drag to pan, click an AOI for its row.</span></div>\n");
        html.Write(FormattableString.Invariant($"<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{-margin:0} {-margin:0} {projection.Width + 2 * margin:0} {projection.Height + 2 * margin:0}\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"AOIs and results\">\n"));

        html.Write("<g id=\"aoilines\">\n");
        for (var i = 0; i < report.Rows.Count; i++)
        {
            var row = report.Rows[i];
            if (row.Geometry is not { } geometry) continue;
            var path = new StringBuilder();
            if (projection.Append(path, geometry) == 0) continue;
            info.Aois++;
            html.Write($"<path class=\"aoi {StatusClass(row.Status)}\" data-row=\"{i}\" d=\"{path}\"><title>{E(row.Name)} — {E(row.Status)}</title></path>\n");
        }
        info.Stride = (int)Math.Max(1, (info.Footprints + maxDrawn - 1) / Math.Max(1, maxDrawn));
        // On top of the AOIs' fill, and transparent to clicks, which go to the AOI beneath.
        html.Write("</g>\n<g id=\"results\">\n");
        long index = 0;
        foreach (var file in report.Files)
        {
            if (!file.Path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || !File.Exists(file.Path)) continue;
            var path = new StringBuilder();
            ReportFiles.EachFeature(file.Path, feature =>
            {
                if (index++ % info.Stride != 0) return;
                if (feature.TryGetProperty("geometry", out var geometry) && projection.Append(path, geometry) > 0) info.Drawn++;
                if (path.Length > 1 << 20) Flush(html, path);
            });
            Flush(html, path);
        }
        html.Write("</g>\n");
        html.Write("</svg>\n");
        var drawn = info.Stride == 1
            ? $"All {N(info.Footprints)} result footprints are drawn."
            : $"{N(info.Footprints)} result footprints are too many to draw in a file small enough to mail: one in every {N(info.Stride)} is drawn ({N(info.Drawn)}), so the map shows where results are, not each one. The files have them all.";
        html.Write($"<p class=\"note\" id=\"map-note\">{E(drawn)}</p></section>\n");
        return info;
    }

    private static void Flush(TextWriter html, StringBuilder path)
    {
        if (path.Length == 0) return;
        html.Write("<path class=\"r\" d=\"");
        html.Write(path.ToString());
        html.Write("\"/>\n");
        path.Clear();
    }

    private static void WriteTable(RunReport report, TextWriter html)
    {
        html.Write("<section id=\"tablesection\"><h2>AOIs</h2>\n<div class=\"toolbar\"><input id=\"filter\" type=\"search\" placeholder=\"Filter by name, status, error…\" aria-label=\"Filter\"><span id=\"shown\" class=\"note\"></span></div>\n");
        html.Write("<table id=\"aois\"><thead><tr><th>AOI</th><th>Processing</th><th>Status</th><th data-type=\"number\">Area, km²</th><th data-type=\"number\">Credits</th><th data-type=\"number\">Features</th><th>File</th><th>Error</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < report.Rows.Count; i++)
        {
            var row = report.Rows[i];
            var cost = row.Cost is null ? "—" : row.AoisInProcessing > 1 ? $"{N(row.Cost.Value, 2)} (for {row.AoisInProcessing} AOIs)" : N(row.Cost.Value, 2);
            var features = row.Features is { } f ? N(f) : row.File != null ? "in its processing's file" : "—";
            html.Write($"<tr id=\"row-{i}\" data-row=\"{i}\" data-status=\"{E(row.Status)}\">");
            html.Write($"<td>{E(row.Name)}</td><td title=\"{row.ProcessingId}\">{E(row.ProcessingName)}</td><td class=\"st {StatusClass(row.Status)}\">{E(row.Status)}</td>");
            html.Write($"<td class=\"n\" data-v=\"{V(row.AreaKm2)}\">{(row.AreaKm2 is { } a ? N(a, 3) : "—")}</td>");
            html.Write($"<td class=\"n\" data-v=\"{V(row.Cost)}\">{E(cost)}</td>");
            html.Write($"<td class=\"n\" data-v=\"{V(row.Features)}\">{E(features)}</td>");
            html.Write(row.File is null ? "<td>—</td>" : $"<td><a href=\"{E(Href(row.File))}\">{E(Path.GetFileName(row.File))}</a></td>");
            html.Write($"<td class=\"err\">{E(row.Error ?? "")}</td></tr>\n");
        }
        html.Write("</tbody></table></section>\n");
    }

    /// <summary>A file link: relative ones as URL paths, full ones as file URLs.</summary>
    private static string Href(string file) => Path.IsPathRooted(file)
        ? new Uri(file).AbsoluteUri
        : string.Join("/", file.Split('/').Select(Uri.EscapeDataString));

    private static (double, double, double, double)? Extent(IEnumerable<JsonElement> geometries)
    {
        double minLon = double.MaxValue, minLat = double.MaxValue, maxLon = double.MinValue, maxLat = double.MinValue;
        void Visit(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Array) return;
            if (e.GetArrayLength() >= 2 && e[0].ValueKind == JsonValueKind.Number && e[1].ValueKind == JsonValueKind.Number)
            {
                double lon = e[0].GetDouble(), lat = e[1].GetDouble();
                minLon = Math.Min(minLon, lon); maxLon = Math.Max(maxLon, lon);
                minLat = Math.Min(minLat, lat); maxLat = Math.Max(maxLat, lat);
                return;
            }
            foreach (var child in e.EnumerateArray()) Visit(child);
        }
        foreach (var g in geometries)
            if (g.ValueKind == JsonValueKind.Object && g.TryGetProperty("coordinates", out var c)) Visit(c);
        return minLon <= maxLon ? (minLon, minLat, maxLon, maxLat) : null;
    }

    private static string StatusClass(string status) => status switch
    {
        ProcessingStatus.Ok => "s-ok",
        ProcessingStatus.Failed => "s-failed",
        ProcessingStatus.InProgress or ProcessingStatus.Awaiting or ProcessingStatus.Unprocessed => "s-running",
        _ => "s-other",
    };

    private static string Span(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null || to is null) return "—";
        var length = to.Value - from.Value;
        var text = length.TotalHours >= 1 ? $"{(int)length.TotalHours} h {length.Minutes} min" : length.TotalMinutes >= 1 ? $"{(int)length.TotalMinutes} min {length.Seconds} s" : $"{length.TotalSeconds:0} s";
        return $"{from.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", Invariant)} – {to.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant)} ({text.ToString(Invariant)})";
    }

    private static string E(string text) => Html.Encode(text);
    private static string N(double value, int decimals) => value.ToString("#,0." + new string('#', decimals), Invariant);
    private static string N(long value) => value.ToString("#,0", Invariant);
    private static string V(double? value) => value?.ToString("R", Invariant) ?? "";
    private static string V(long? value) => value?.ToString(Invariant) ?? "";

    private static string Resource(string name)
    {
        using var stream = typeof(ReportHtml).Assembly.GetManifestResourceStream("Mapflow.Client.Reports." + name)
            ?? throw new InvalidOperationException($"The report's {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
