using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Features.Shared;

/// <summary>
/// Finds an item by code (any case) or by one of its aliases; an unknown code gets the closest codes. Shared by every
/// feature that takes an item code (linking, status, roadmap edits): one rule for what a code means.
/// </summary>
internal static class ItemLookup
{
    public static async Task<RoadmapItem> FindAsync(PortfolioDbContext db, string codeOrAlias, CancellationToken ct)
    {
        var wanted = codeOrAlias.Trim();
        var upper = wanted.ToUpperInvariant();
        var item = await db.RoadmapItems.FirstOrDefaultAsync(i => i.Code == upper, ct);
        if (item is not null) return item;

        var all = await db.RoadmapItems.AsNoTracking().ToListAsync(ct);
        var normalised = AliasText.Normalise(wanted);
        var byAlias = all.Where(i => i.Aliases.Any(a => AliasText.Normalise(a) == normalised)).ToList();
        if (byAlias.Count == 1) return await db.RoadmapItems.FirstAsync(i => i.Id == byAlias[0].Id, ct);

        var closest = all.Select(i => (i.Code, Distance: Math.Min(Distance(upper, i.Code),
                i.Aliases.Select(a => Distance(upper, a.ToUpperInvariant())).DefaultIfEmpty(int.MaxValue).Min())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Code, StringComparer.Ordinal).Take(3).Select(x => x.Code);
        throw new NotFoundException($"Finner ikke «{wanted}». Nærmeste koder: {string.Join(", ", closest)}.");
    }

    /// <summary>
    /// Edit distance counting a swap of two neighbours as one edit (SMF → SFM), the commonest typo in codes.
    /// Few enough items that a plain dynamic program is instant.
    /// </summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
