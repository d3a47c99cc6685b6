using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Strategy;

/// <summary>
/// How long each of an item page's growing lists is in full, while the page shows only the newest rows of each (issue
/// 18: a busy item had 4,000 rows on its page). <see cref="Since"/> is the last meeting's day as the page's «since the
/// last meeting» section found it (null: no meeting yet, everything counts).
/// </summary>
public sealed record CountItemLists(string Item, DateOnly? Since) : IQuery<ItemListCounts>;

/// <param name="ToReview">Suggested links nobody has confirmed or rejected: all of them, not only the ones shown.</param>
public sealed record ItemListCounts(int Cases, int ToReview, int Decisions, int CasesSince, int ActionPointsSince, int OpenActionPoints);

public sealed class CountItemListsHandler(PortfolioDbContext db) : IQueryHandler<CountItemLists, ItemListCounts>
{
    /// <summary>
    /// One round trip, each count a subquery on the item's links (the (ItemId, MeetingDate, CaseId) index), so nothing is
    /// loaded to be counted. The conditions are the lists' own: rejected links count only among the cases, as the page
    /// lists them there and nowhere else.
    /// </summary>
    public async ValueTask<ItemListCounts> Handle(CountItemLists query, CancellationToken cancellationToken)
    {
        var code = query.Item.Trim().ToUpperInvariant();
        var since = query.Since ?? DateOnly.MinValue;
        return await db.RoadmapItems.AsNoTracking().Where(i => i.Code == code).Select(i => new ItemListCounts(
                db.CaseLinks.Count(l => l.ItemId == i.Id),
                db.CaseLinks.Count(l => l.ItemId == i.Id && l.State == LinkState.Suggested),
                db.CaseLinks.Count(l => l.ItemId == i.Id && l.State != LinkState.Rejected && l.Case!.Decision != null),
                db.CaseLinks.Count(l => l.ItemId == i.Id && l.State != LinkState.Rejected && l.MeetingDate > since),
                db.ActionPoints.Count(a => db.CaseLinks.Any(l => l.ItemId == i.Id && l.State != LinkState.Rejected && l.CaseId == a.CaseId)
                    && (a.Case!.MeetingDate > since || a.ClosedOn > since)),
                db.ActionPoints.Count(a => ActionPointStatuses.Unfinished.Contains(a.Status)
                    && db.CaseLinks.Any(l => l.ItemId == i.Id && l.State != LinkState.Rejected && l.CaseId == a.CaseId))))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Finner ikke «{query.Item}».");
    }
}
