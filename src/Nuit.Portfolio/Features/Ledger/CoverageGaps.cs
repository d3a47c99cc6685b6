using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Ledger;

/// <summary>
/// Initiatives and sub-goals that no council case touched (suggested or confirmed link) in the last
/// <see cref="Quarters"/> quarters, this one included: what the council has not discussed for a long time.
/// </summary>
public sealed record CoverageGaps(int Quarters = CoverageGaps.DefaultQuarters, DateOnly? Today = null) : IQuery<CoverageGapView>
{
    /// <summary>A year without a case is a gap worth naming (issue 16); the dashboard and the quarterly report use the same.</summary>
    public const int DefaultQuarters = 4;
}

public sealed record CoverageGapView(string FromQuarter, string ToQuarter, IReadOnlyList<CoverageGap> Gaps);

/// <summary><see cref="LastCase"/> and <see cref="LastDiscussed"/> are null when no case ever touched the item.</summary>
public sealed record CoverageGap(string Code, string Name, string Kind, string? LastCase, DateOnly? LastDiscussed);

public sealed class CoverageGapsValidator : AbstractValidator<CoverageGaps>
{
    public CoverageGapsValidator() =>
        RuleFor(x => x.Quarters).InclusiveBetween(1, 40).WithMessage("Antall kvartaler må være mellom 1 og 40.");
}

public sealed class CoverageGapsHandler(PortfolioDbContext db, TimeProvider clock) : IQueryHandler<CoverageGaps, CoverageGapView>
{
    public async ValueTask<CoverageGapView> Handle(CoverageGaps query, CancellationToken cancellationToken)
    {
        var today = query.Today ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return await FindAsync(db, Quarter.FromDate(today), query.Quarters, today, null, cancellationToken);
    }

    /// <summary>
    /// The one rule for "not discussed", shared by the dashboard, the API and the quarterly report: initiatives and sub-goals
    /// (not retired at <paramref name="asOf"/>; null: not retired at all) with no suggested or confirmed link to a case met
    /// in the <paramref name="quarters"/> quarters up to <paramref name="last"/>, counting meetings until <paramref name="through"/>.
    /// </summary>
    public static async Task<CoverageGapView> FindAsync(
        PortfolioDbContext db, Quarter last, int quarters, DateOnly through, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var first = Enumerable.Range(1, quarters - 1).Aggregate(last, (q, _) => q.Previous());
        var items = await db.RoadmapItems.AsNoTracking()
            .Where(i => (asOf == null ? i.RetiredAt == null : i.RetiredAt == null || i.RetiredAt > asOf) && (i is Initiative || i is SubGoal))
            .OrderBy(i => i.Code)
            .Select(i => new { i.Id, i.Code, i.Name, IsInitiative = i is Initiative })
            .ToListAsync(cancellationToken);
        // The newest link per item; the (item, meeting date desc, case) index answers it per item without a sort.
        var latest = await db.CaseLinks.AsNoTracking()
            .Where(l => l.State != LinkState.Rejected && l.MeetingDate <= through)
            .GroupBy(l => l.ItemId).Select(g => new { ItemId = g.Key, Last = g.Max(l => l.MeetingDate) })
            .ToDictionaryAsync(x => x.ItemId, x => x.Last, cancellationToken);
        var gaps = items.Where(i => !(latest.GetValueOrDefault(i.Id) >= first.FirstDay)).ToList();

        var lastCases = new Dictionary<int, string>();
        foreach (var g in gaps.Where(g => latest.ContainsKey(g.Id)))
        {
            var date = latest[g.Id];
            var c = await db.CaseLinks.AsNoTracking().Where(l => l.ItemId == g.Id && l.State != LinkState.Rejected && l.MeetingDate == date)
                .Select(l => new { l.Case!.Body!.Code, l.Case.Number }).FirstAsync(cancellationToken);
            lastCases[g.Id] = $"{Bodies.ShortName(c.Code)} {c.Number}";
        }
        return new CoverageGapView(first.ToString(), last.ToString(), gaps.Select(g => new CoverageGap(
            g.Code, g.Name, g.IsInitiative ? "initiative" : "subgoal", lastCases.GetValueOrDefault(g.Id), latest.GetValueOrDefault(g.Id))).ToList());
    }
}
