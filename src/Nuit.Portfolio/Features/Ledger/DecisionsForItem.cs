using System.Linq.Expressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Shared;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;

namespace Nuit.Portfolio.Features.Ledger;

/// <summary>
/// Every decision (vedtak) on the cases that touched an item (suggested or confirmed links), oldest to newest; with
/// <see cref="Newest"/> only the newest that many, still oldest to newest (the item page: the list grows with the register).
/// </summary>
public sealed record DecisionsForItem(string Item, int? Newest = null) : IQuery<IReadOnlyList<ItemDecision>>;

/// <summary><see cref="Link"/> is suggested or confirmed: how sure the register is that the case concerned the item.</summary>
public sealed record ItemDecision(string Case, string Title, string? Meeting, DateOnly? MeetingDate, string Decision, bool DecisionUpdated, string Link);

public sealed class DecisionsForItemHandler(PortfolioDbContext db) : IQueryHandler<DecisionsForItem, IReadOnlyList<ItemDecision>>
{
    public async ValueTask<IReadOnlyList<ItemDecision>> Handle(DecisionsForItem query, CancellationToken cancellationToken)
    {
        var item = await ItemLookup.FindAsync(db, query.Item, cancellationToken);
        return [.. (await LoadAsync(db, l => l.ItemId == item.Id, cancellationToken, query.Newest)).Select(d => d.Decision)];
    }

    /// <summary>
    /// The decisions on the cases of the links <paramref name="which"/> selects (rejected links never count), oldest to
    /// newest, each with the item it touched: one item's list, a quarter's decisions in the report, an item's recent ones.
    /// <paramref name="newest"/> keeps only the newest that many.
    /// </summary>
    public static async Task<IReadOnlyList<(int ItemId, ItemDecision Decision)>> LoadAsync(
        PortfolioDbContext db, Expression<Func<CaseLink, bool>> which, CancellationToken cancellationToken, int? newest = null)
    {
        var links = db.CaseLinks.AsNoTracking()
            .Where(which)
            .Where(l => l.State != LinkState.Rejected && l.Case!.Decision != null);
        // The newest are cut in the order of the (ItemId, MeetingDate, CaseId) index, so SQLite walks it backwards and stops
        // at the limit instead of joining and sorting every decision (1,900 on a busy item); shown oldest to newest below.
        var ordered = newest is { } n
            ? links.OrderByDescending(l => l.MeetingDate).ThenByDescending(l => l.CaseId).Take(n)
            : links.OrderBy(l => l.MeetingDate).ThenBy(l => l.Case!.Sequence);
        var rows = await ordered
            .Select(l => new
            {
                l.ItemId, l.Case!.Body!.Code, l.Case.Number, l.Case.Title, Meeting = l.Case.Meeting!.Number, l.Case.MeetingDate, l.Case.Decision,
                l.Case.DecisionUpdated, l.State, l.Case.Sequence,
            })
            .ToListAsync(cancellationToken);
        if (newest is not null) rows = [.. rows.OrderBy(r => r.MeetingDate).ThenBy(r => r.Sequence)];
        return rows.Select(r => (r.ItemId, new ItemDecision($"{Bodies.ShortName(r.Code)} {r.Number}", r.Title, r.Meeting, r.MeetingDate, r.Decision!,
            r.DecisionUpdated, ListActionPointsHandler.StateName(r.State)))).ToList();
    }
}
