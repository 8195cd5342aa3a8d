using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.PowerShell;

/// <summary>What -Mosaic and -Image accept: the object, its id, an image for its mosaic, or a mosaic's name.</summary>
internal static class ImageryReference
{
    /// <summary>The mosaic named by <paramref name="value"/>, read fresh (GET /rasters/mosaic/{id}), or found by its name.</summary>
    public static async Task<Mosaic> ReadMosaicAsync(MapflowSession session, object? value, CancellationToken cancel)
    {
        switch (Unwrap(value))
        {
            case Mosaic mosaic:
                return await session.Client.GetMosaicAsync(mosaic.Id, cancel).ConfigureAwait(false);
            case Image image:
                return await session.Client.GetMosaicAsync(image.MosaicId, cancel).ConfigureAwait(false);
            case Guid id:
                return await session.Client.GetMosaicAsync(id, cancel).ConfigureAwait(false);
            case string text when Guid.TryParse(text, out var id):
                return await session.Client.GetMosaicAsync(id, cancel).ConfigureAwait(false);
            case string name when name.Length > 0:
                var matches = (await session.Client.GetMosaicsAsync(null, cancel).ConfigureAwait(false))
                    .Where(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
                return matches.Count switch
                {
                    1 => matches[0],
                    0 => throw new ItemNotFoundException($"No Mapflow mosaic is called '{name}'. Create it with New-MapflowMosaic or pass an id."),
                    _ => throw new ArgumentException($"{matches.Count} Mapflow mosaics are called '{name}'; pass the mosaic object or its id."),
                };
            case var other:
                throw new ArgumentException($"-Mosaic takes a mosaic, an image, an id or a name, not {(other is null ? "nothing" : "a " + other.GetType().Name)}.");
        }
    }

    /// <summary>The image named by <paramref name="value"/>: an image object as it is, or an id read with GET /rasters/image/{id}.</summary>
    public static async Task<Image> ReadImageAsync(MapflowSession session, object? value, CancellationToken cancel) => Unwrap(value) switch
    {
        Image image => image,
        Guid id => await session.Client.GetImageAsync(id, cancel).ConfigureAwait(false),
        string text when Guid.TryParse(text, out var id) => await session.Client.GetImageAsync(id, cancel).ConfigureAwait(false),
        var other => throw new ArgumentException($"-Image takes an image or its id, not {(other is null ? "nothing" : $"'{other}'")}; Get-MapflowImage -Mosaic finds images by name."),
    };

    private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
}
