using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Status;

/// <summary>
/// The status of record read straight from the index on (ItemId, Quarter, RecordedAt, Id), one seek per item or per
/// quarter, so a page costs the same after ten thousand edits as after ten (issue 23 item 6). The rule is
/// <see cref="StatusTimeline"/>'s: within a quarter the newest recording wins, ties broken by insertion order.
/// </summary>
internal static class LatestStatuses
{
    /// <summary>Each item's newest quarter, with the update of record for it; items never reported are absent.</summary>
    public static async Task<List<StatusUpdate>> PerItemAsync(PortfolioDbContext db, CancellationToken ct)
    {
        // A correlated "top 1" per item: the subquery is a backward index seek, never a scan of the history.
        var ids = await db.RoadmapItems.AsNoTracking()
            .Select(i => db.StatusUpdates.Where(s => s.ItemId == i.Id)
                .OrderByDescending(s => s.Quarter).ThenByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
                .Select(s => (int?)s.Id).FirstOrDefault())
            .ToListAsync(ct);
        // Filtered here, not in SQL: EF would repeat the subquery in the WHERE clause.
        return await ByIdAsync(db, [.. ids.OfType<int>()], ct);
    }

    /// <summary>One item's newest quarter with its update of record, or null when it was never reported.</summary>
    public static Task<StatusUpdate?> OfItemAsync(PortfolioDbContext db, int itemId, CancellationToken ct) =>
        db.StatusUpdates.AsNoTracking().Where(s => s.ItemId == itemId)
            .OrderByDescending(s => s.Quarter).ThenByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>One item's update of record for every quarter it was reported in, newest quarter first.</summary>
    public static async Task<List<StatusUpdate>> PerQuarterAsync(PortfolioDbContext db, int itemId, CancellationToken ct)
    {
        var ids = await db.StatusUpdates.AsNoTracking().Where(s => s.ItemId == itemId).Select(s => s.Quarter).Distinct()
            .Select(q => db.StatusUpdates.Where(s => s.ItemId == itemId && s.Quarter == q)
                .OrderByDescending(s => s.RecordedAt).ThenByDescending(s => s.Id).Select(s => s.Id).First())
            .ToListAsync(ct);
        return [.. (await ByIdAsync(db, ids, ct)).OrderByDescending(u => u.Quarter)];
    }

    private static async Task<List<StatusUpdate>> ByIdAsync(PortfolioDbContext db, List<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.StatusUpdates.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
}
