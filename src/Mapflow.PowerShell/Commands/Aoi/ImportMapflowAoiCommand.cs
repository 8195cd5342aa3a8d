using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using Mapflow.Client.Aois;

namespace Mapflow.PowerShell.Commands;

/// <summary>
/// Reads areas of interest from GeoJSON, shapefile or GeoPackage files: every feature, streamed, validated before anything is sent.
/// A bad feature is a non-terminating error naming file, index, name and reason; the others carry on.
/// </summary>
[Cmdlet(VerbsData.Import, "MapflowAoi", DefaultParameterSetName = ByPath)]
[OutputType(typeof(Aoi))]
public sealed class ImportMapflowAoiCommand : PSCmdlet
{
    private const string ByPath = "ByPath";
    private const string ByLiteralPath = "ByLiteralPath";
    private int _repaired;

    [Parameter(ParameterSetName = ByPath, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [Alias("FilePath")]
    public string[] Path { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = ByLiteralPath, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    public string[] LiteralPath { get; set; } = Array.Empty<string>();

    /// <summary>The feature property that names each AOI; the feature index when it is missing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string NameProperty { get; set; } = "name";

    /// <summary>Fix what is safe to fix (self-intersections, bad holes, unclosed rings) instead of rejecting the feature.</summary>
    [Parameter]
    public SwitchParameter Repair { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var file in ResolvePaths())
            ReadFile(file);
    }

    protected override void EndProcessing()
    {
        if (_repaired > 0)
            WriteWarning($"{_repaired} AOI(s) were repaired; their Repairs property says how (-Verbose lists them as they are read).");
    }

    private IEnumerable<string> ResolvePaths()
    {
        if (ParameterSetName == ByLiteralPath)
            return LiteralPath.Select(p => SessionState.Path.GetUnresolvedProviderPathFromPSPath(p));
        var files = new List<string>();
        foreach (var pattern in Path)
        {
            try
            {
                var matches = GetResolvedProviderPathFromPSPath(pattern, out _);
                // A wildcard matching nothing resolves to no path without an error; Get-Content makes it one, and so do we.
                if (matches.Count == 0)
                    throw new ItemNotFoundException($"No file matches '{pattern}'.");
                files.AddRange(matches);
            }
            catch (ItemNotFoundException e)
            {
                WriteError(new ErrorRecord(e, "Aoi.FileNotFound", ErrorCategory.ObjectNotFound, pattern));
            }
        }
        return files;
    }

    private void ReadFile(string file)
    {
        var options = new AoiReadOptions { NameProperty = NameProperty, Repair = Repair };
        int features = 0;
        try
        {
            foreach (var result in AoiReader.Read(file, options))
            {
                features++;
                if (result.Problem is { } problem)
                {
                    WriteError(new ErrorRecord(new InvalidDataException(Describe(problem)), "Aoi." + problem.Code, ErrorCategory.InvalidData, problem));
                    continue;
                }
                var aoi = result.Aoi!;
                // Reorienting is routine (RFC 7946 order); dropping heights and reprojecting are worth a line, not a warning.
                var changes = aoi.Repairs.Where(r => r != AoiRepairs.ReorientedRings).ToList();
                if (changes.Count > 0)
                    WriteVerbose($"{file} feature #{aoi.Index} '{aoi.Name}': {string.Join(", ", changes)}.");
                if (changes.Any(AoiRepairs.NeedsRepair))
                    _repaired++;
                var output = PSObject.AsPSObject(aoi);
                output.TypeNames.Insert(0, "Mapflow.Aoi");
                WriteObject(output);
            }

            if (features == 0)
                WriteWarning($"'{file}' holds no features, so no AOI was read from it.");
        }
        catch (FileNotFoundException e)
        {
            WriteError(new ErrorRecord(e, "Aoi.FileNotFound", ErrorCategory.ObjectNotFound, file));
        }
        catch (NotSupportedException e)
        {
            WriteError(new ErrorRecord(e, "Aoi.UnsupportedFormat", ErrorCategory.InvalidArgument, file));
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(e, "Aoi.UnreadableFile", ErrorCategory.ReadError, file));
        }
    }

    internal static string Describe(AoiProblem problem) =>
        $"{problem.SourcePath ?? "input"} feature #{problem.Index}{(string.IsNullOrEmpty(problem.Name) ? "" : $" '{problem.Name}'")}: {problem.Message}";
}
