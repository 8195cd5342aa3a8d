using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Mapflow.Client.Http;

/// <summary>One page of a limit/offset listing: the items read, how many the server returned (read or not), its total.</summary>
internal readonly struct OffsetPage<T>
{
    public OffsetPage(IReadOnlyList<T> items, int returned, int? total)
    {
        Items = items;
        Returned = returned;
        Total = total;
    }

    public IReadOnlyList<T> Items { get; }
    public int Returned { get; }
    public int? Total { get; }
}

/// <summary>
/// Reads a limit/offset listing to its end. A server may cap the page size without saying so, so paging follows what
/// came back and the page's total, never the size asked for; each item (by key) comes once even when the order shifts
/// between pages. Without a total, a page of nothing new means the server repeats itself (it ignores offset).
/// </summary>
internal static class OffsetPages
{
    public static async IAsyncEnumerable<T> ReadAsync<T, TKey>(Func<int, Task<OffsetPage<T>>> readPage, Func<T, TKey> key,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<TKey>();
        for (var offset = 0; ;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await readPage(offset).ConfigureAwait(false);
            var fresh = 0;
            foreach (var item in page.Items)
            {
                if (!seen.Add(key(item))) continue;
                fresh++;
                yield return item;
            }
            offset += page.Returned;
            if (page.Returned == 0) yield break;
            if (page.Total is { } total)
            {
                if (offset >= total) yield break;
            }
            else if (fresh == 0) yield break;
        }
    }
}
