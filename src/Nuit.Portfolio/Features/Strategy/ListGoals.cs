using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Strategy;

/// <summary>The strategy as a tree: goals → sub-goals → initiatives, with indicators, and initiatives not yet placed.</summary>
public sealed record ListGoals : IQuery<StrategyOverview>;

public sealed record StrategyOverview(
    string? Strategy, string? Plan, IReadOnlyList<GoalDto> Goals, IReadOnlyList<InitiativeSummary> UnplacedInitiatives);

public sealed class ListGoalsHandler(PortfolioDbContext db) : IQueryHandler<ListGoals, StrategyOverview>
{
    public async ValueTask<StrategyOverview> Handle(ListGoals query, CancellationToken cancellationToken)
    {
        var strategy = await db.Strategies.AsNoTracking().OrderBy(x => x.Id).FirstOrDefaultAsync(cancellationToken);
        // The whole roadmap is a few hundred rows at most: load it once and shape it in memory.
        var items = await db.RoadmapItems.AsNoTracking().Where(i => i.RetiredAt == null).ToListAsync(cancellationToken);
        var initiatives = await db.Initiatives.AsNoTracking().Where(i => i.RetiredAt == null)
            .Include(i => i.SubGoals).Include(i => i.Goal).OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.RetiredAt == null)
            .Include(i => i.Values).Include(i => i.Targets).Include(i => i.Goal).OrderBy(i => i.SortOrder).ToListAsync(cancellationToken);

        var goals = items.OfType<Goal>().OrderBy(g => g.SortOrder).ThenBy(g => g.Code).Select(g => new GoalDto(
            g.Code, g.Name,
            [.. items.OfType<SubGoal>().Where(s => s.GoalId == g.Id).OrderBy(s => s.Code).Select(s => new SubGoalDto(
                s.Code, s.Name, s.Description,
                [.. initiatives.Where(i => i.SubGoals.Any(x => x.Id == s.Id)).Select(i => i.ToSummary())]))],
            [.. initiatives.Where(i => i.GoalId == g.Id && i.SubGoals.Count == 0).Select(i => i.ToSummary())],
            [.. indicators.Where(i => i.GoalId == g.Id).Select(i => i.ToSummary())])).ToList();

        var unplaced = initiatives.Where(i => i.GoalId is null && i.SubGoals.Count == 0).Select(i => i.ToSummary()).ToList();
        return new StrategyOverview(strategy?.Name, strategy?.PlanName, goals, unplaced);
    }
}
