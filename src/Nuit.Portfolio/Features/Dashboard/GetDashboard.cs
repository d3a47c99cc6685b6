using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.Features.Strategy;

namespace Nuit.Portfolio.Features.Dashboard;

/// <summary>The first page: each goal with how many of its items stand at each status, recent meetings and open action points.</summary>
public sealed record GetDashboard : IQuery<DashboardView>;

public sealed record DashboardView(
    StrategyOverview Strategy, IReadOnlyList<GoalStatusCount> Goals, IReadOnlyList<MeetingSummary> RecentMeetings);

/// <summary>Counts over the goal's sub-goals and initiatives, by their latest status; items never reported count as grey.</summary>
public sealed record GoalStatusCount(string Code, string Name, int Green, int Amber, int Red, int Grey);

public sealed class GetDashboardHandler(PortfolioDbContext db) : IQueryHandler<GetDashboard, DashboardView>
{
    public async ValueTask<DashboardView> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        // The same read pieces as the strategy and meeting pages, called as plain classes: no mediator inside a handler.
        var overview = await new ListGoalsHandler(db).Handle(new ListGoals(), cancellationToken);
        var statuses = await new GetLatestStatusesHandler(db).Handle(new GetLatestStatuses(), cancellationToken);
        RagStatus StatusOf(string code) => statuses.TryGetValue(code, out var s) ? s.Rag : RagStatus.Grey;

        var goals = overview.Goals.Select(g =>
        {
            var codes = g.SubGoals.Select(s => s.Code)
                .Concat(g.SubGoals.SelectMany(s => s.Initiatives).Concat(g.Initiatives).Select(i => i.Code))
                .Distinct().Select(StatusOf).ToList();
            return new GoalStatusCount(g.Code, g.Name,
                codes.Count(r => r == RagStatus.Green), codes.Count(r => r == RagStatus.Amber),
                codes.Count(r => r == RagStatus.Red), codes.Count(r => r == RagStatus.Grey));
        }).ToList();

        var meetings = (await new ListMeetingsHandler(db).Handle(new ListMeetings(), cancellationToken)).Take(5).ToList();

        return new DashboardView(overview, goals, meetings);
    }
}
