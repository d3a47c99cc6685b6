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
    /// Two round trips (the item's code resolved inside each) and nothing loaded to be counted. The link counts are one pass over the item's entries in the
    /// (ItemId, MeetingDate, CaseId) index: a count per condition let SQLite answer «suggested» from the index on State
    /// alone, walking every suggested link in the register (16,600 on the synthetic one) for one item's 1,600. The
    /// conditions are the lists' own: rejected links count only among the cases, the one list that shows them.
    /// </summary>
    public async ValueTask<ItemListCounts> Handle(CountItemLists query, CancellationToken cancellationToken)
    {
        var code = query.Item.Trim().ToUpperInvariant();
        var since = query.Since ?? DateOnly.MinValue;
        // The action point counts first: a code that is no item finds no row here.
        var points = await db.RoadmapItems.Where(i => i.Code == code).Select(i => new
            {
                Since = db.ActionPoints.Count(a => db.CaseLinks.Any(l => l.ItemId == i.Id && l.State != LinkState.Rejected && l.CaseId == a.CaseId)
                    && (a.Case!.MeetingDate > since || a.ClosedOn > since)),
                Open = db.ActionPoints.Count(a => ActionPointStatuses.Unfinished.Contains(a.Status)
                    && db.CaseLinks.Any(l => l.ItemId == i.Id && l.State != LinkState.Rejected && l.CaseId == a.CaseId)),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Finner ikke «{query.Item}».");
        // An explicit join: through the navigation EF counted the decisions in a second, correlated subquery.
        var links = await (from l in db.CaseLinks
                           join c in db.Cases on l.CaseId equals c.Id
                           where l.ItemId == db.RoadmapItems.Where(i => i.Code == code).Select(i => i.Id).FirstOrDefault()
                           select new { l.State, l.MeetingDate, Decided = c.Decision != null })
            .GroupBy(l => 1)
            .Select(g => new
            {
                All = g.Count(),
                Suggested = g.Count(l => l.State == LinkState.Suggested),
                Decisions = g.Count(l => l.State != LinkState.Rejected && l.Decided),
                Since = g.Count(l => l.State != LinkState.Rejected && l.MeetingDate > since),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return new ItemListCounts(links?.All ?? 0, links?.Suggested ?? 0, links?.Decisions ?? 0, links?.Since ?? 0, points.Since, points.Open);
    }
}
