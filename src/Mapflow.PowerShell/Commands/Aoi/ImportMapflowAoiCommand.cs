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

    /// <summary>The feature property that names each AOI (any case); without it the usual name properties are looked for.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NameProperty { get; set; }

    /// <summary>Fix what is safe to fix (self-intersections, bad holes, unclosed rings) instead of rejecting the feature.</summary>
    [Parameter]
    public SwitchParameter Repair { get; set; }

    /// <summary>Simplify each AOI, keeping it valid, so that its outline moves by at most about this many metres.</summary>
    [Parameter]
    [ValidateRange(0.001, 100000)]
    public double Simplify { get; set; }

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
        var options = new AoiReadOptions
        {
            NameProperty = NameProperty, Repair = Repair,
            SimplifyToleranceMetres = MyInvocation.BoundParameters.ContainsKey(nameof(Simplify)) ? Simplify : null,
        };
        var names = new FileNames();
        try
        {
            foreach (var result in AoiReader.Read(file, options))
            {
                if (names.Add(result) is { } firstUse)
                    WriteVerbose($"{file}: AOIs are named from the '{firstUse}' property.");
                if (result.Problem is { } problem)
                {
                    WriteError(new ErrorRecord(new InvalidDataException(Describe(problem)), "Aoi." + problem.Code, CategoryOf(problem), problem));
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

            if (names.Features == 0)
                WriteWarning($"'{file}' holds no features, so no AOI was read from it.");
            else if (names.Unnamed > 0)
                WriteWarning(UnnamedWarning(file, names));
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

    // Processings and result files take the AOI's name, so "0", "1"... must not come as a surprise.
    private string UnnamedWarning(string file, FileNames names)
    {
        string which = NameProperty is null
            ? $"none of the usual name properties ({string.Join(", ", AoiReadOptions.UsualNameProperties)})"
            : $"no '{NameProperty}' property";
        string advice = names.PropertiesOfUnnamed.Count == 0
            ? "they have no properties at all (Start-MapflowProcessing -Name can name the processings)"
            : $"their properties are {string.Join(", ", names.PropertiesOfUnnamed.Take(12))}: name them with -NameProperty";
        return $"{names.Unnamed} of {names.Aois} AOI(s) from '{file}' have {which} with a value, so they are named by their index (\"0\", \"1\"...); "
               + $"{advice}.";
    }

    // Too big to read or to send is a limit of the module, not bad data.
    internal static ErrorCategory CategoryOf(AoiProblem problem) =>
        problem.Code is AoiProblemCodes.FeatureTooLarge or AoiProblemCodes.TooManyVertices
            ? ErrorCategory.LimitsExceeded
            : ErrorCategory.InvalidData;

    internal static string Describe(AoiProblem problem) =>
        $"{problem.SourcePath ?? "input"} feature #{problem.Index}{(string.IsNullOrEmpty(problem.Name) ? "" : $" '{problem.Name}'")}: {problem.Message}";

    /// <summary>
    /// One file's naming: which properties named its features, and how many AOIs got only their index (features
    /// in error are left out: they start nothing, and one too large or unreadable has no properties to go by).
    /// </summary>
    private sealed class FileNames
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public int Features { get; private set; }

        public int Aois { get; private set; }

        public int Unnamed { get; private set; }

        /// <summary>The property names of the first AOI named by its index, to suggest a -NameProperty.</summary>
        public IReadOnlyCollection<string> PropertiesOfUnnamed { get; private set; } = Array.Empty<string>();

        /// <returns>The name property, the first time it names a feature of the file; otherwise null.</returns>
        public string? Add(AoiReadResult result)
        {
            Features++;
            if (result.Aoi is not null)
                Aois++;
            if (result.NameProperty is { } property)
                return _used.Add(property) ? property : null;
            if (result.Aoi is not { } aoi)
                return null;
            Unnamed++;
            if (PropertiesOfUnnamed.Count == 0)
                PropertiesOfUnnamed = aoi.Properties.Keys.ToList();
            return null;
        }
    }
}
