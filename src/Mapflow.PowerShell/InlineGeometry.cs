using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using Mapflow.Client.Aois;
using Mapflow.PowerShell.Commands;

namespace Mapflow.PowerShell;

/// <summary>-Geometry of the cmdlets that take one area inline: GeoJSON text, or an object that converts to it.</summary>
internal static class InlineGeometry
{
    /// <summary>
    /// Reads it with the same reader and checks as Import-MapflowAoi, so a geometry given inline is held to the same
    /// rules; a problem ends the command.
    /// </summary>
    public static Aoi Read(Cmdlet cmdlet, object geometry, bool repair, string name)
    {
        List<AoiReadResult> results = new();
        try
        {
            using var text = new MemoryStream(Encoding.UTF8.GetBytes(Text(geometry)));
            results = AoiReader.ReadGeoJson(text, "-Geometry", new AoiReadOptions { Repair = repair }).Take(2).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Create("Aoi.InvalidGeometry", ErrorCategory.InvalidData, geometry, e.Message, e));
        }
        if (results.Count != 1)
        {
            cmdlet.ThrowTerminatingError(ErrorRecords.Create("Aoi.InvalidGeometry", ErrorCategory.InvalidData, geometry,
                results.Count == 0 ? "-Geometry holds no geometry." : "-Geometry holds several features; pipe them from Import-MapflowAoi instead."));
        }
        if (results[0].Problem is { } problem)
            cmdlet.ThrowTerminatingError(ErrorRecords.Create("Aoi." + problem.Code, ImportMapflowAoiCommand.CategoryOf(problem), geometry, $"-Geometry '{name}': {problem.Message}"));
        return results[0].Aoi!;
    }

    /// <summary>Plain values for JSON; maps with their keys in ordinal order, so equal input always gives equal text.</summary>
    public static object? ToPlain(object? value) => value switch
    {
        PSObject ps => ToPlain(ps.BaseObject),
        IDictionary d => new SortedDictionary<string, object?>(d.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => ToPlain(d[k])), StringComparer.Ordinal),
        string s => s,
        IEnumerable e => e.Cast<object?>().Select(ToPlain).ToList(),
        _ => value,
    };

    private static string Text(object geometry) => (geometry is PSObject ps ? ps.BaseObject : geometry) switch
    {
        string text => text,
        var other => JsonSerializer.Serialize(ToPlain(other)),
    };
}
