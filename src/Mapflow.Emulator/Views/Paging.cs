namespace Mapflow.Emulator.Views;

/// <summary>The <c>{results, total, count}</c> page of the <c>/page</c> endpoints.</summary>
internal sealed record PageDto<T>(IReadOnlyList<T> Results, int Total, int Count);

internal static class Paging
{
    /// <summary>
    /// Sorts by <paramref name="key"/>, breaking ties with <paramref name="tieBreak"/> for a stable order, and cuts one
    /// page of at most <paramref name="maxLimit"/> items, whatever limit was asked for: a cap the answer does not announce.
    /// </summary>
    public static PageDto<TOut> Page<T, TOut>(
        IReadOnlyCollection<T> items,
        Func<T, IComparable> key,
        Func<T, IComparable> tieBreak,
        string? sortOrder,
        int? limit,
        int? offset,
        int defaultLimit,
        int maxLimit,
        Func<T, TOut> map)
    {
        if (limit < 0 || offset < 0)
            throw ApiException.BadRequest("limit and offset must not be negative");
        var ordered = Descending(sortOrder)
            ? items.OrderByDescending(key).ThenByDescending(tieBreak)
            : items.OrderBy(key).ThenBy(tieBreak);
        var page = ordered.Skip(offset ?? 0).Take(Math.Min(limit ?? defaultLimit, maxLimit)).Select(map).ToList();
        return new PageDto<TOut>(page, items.Count, page.Count);
    }

    private static bool Descending(string? sortOrder) => sortOrder?.ToUpperInvariant() switch
    {
        null or "DESC" => true,
        "ASC" => false,
        _ => throw ApiException.BadRequest($"sortOrder must be ASC or DESC, not '{sortOrder}'"),
    };
}
