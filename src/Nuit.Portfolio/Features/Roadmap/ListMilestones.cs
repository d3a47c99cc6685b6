using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>An initiative's milestones with the numbers and versions that edits need.</summary>
public sealed record ListMilestones(string Initiative) : IQuery<IReadOnlyList<MilestoneRow>>;

public sealed record MilestoneRow(int Id, string Initiative, string Name, DateOnly? Planned, DateOnly? Forecast, DateOnly? Actual,
    bool Slipped, string? Source, Guid Version);

public sealed class ListMilestonesHandler(PortfolioDbContext db) : IQueryHandler<ListMilestones, IReadOnlyList<MilestoneRow>>
{
    public async ValueTask<IReadOnlyList<MilestoneRow>> Handle(ListMilestones query, CancellationToken cancellationToken)
    {
        var initiative = await RoadmapEdits.FindAsync<Initiative>(db, query.Initiative, cancellationToken);
        var rows = await db.Milestones.AsNoTracking().Where(m => m.InitiativeId == initiative.Id).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(m => m.PlannedDate ?? m.ForecastDate ?? DateOnly.MaxValue).ThenBy(m => m.Id)
            .Select(m => new MilestoneRow(m.Id, initiative.Code, m.Name, m.PlannedDate, m.ForecastDate, m.ActualDate, m.IsSlipped, m.Source, m.Version))];
    }
}
