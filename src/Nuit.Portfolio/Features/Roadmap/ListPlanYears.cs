using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>The plan years there are: the closed ones (snapshots) and the current, live one.</summary>
public sealed record ListPlanYears : IQuery<IReadOnlyList<PlanYearEntry>>;

public sealed record PlanYearEntry(int Year, string Name, bool Current, DateTimeOffset? ClosedAt, string? ClosedBy);

public sealed class ListPlanYearsHandler(PortfolioDbContext db) : IQueryHandler<ListPlanYears, IReadOnlyList<PlanYearEntry>>
{
    public async ValueTask<IReadOnlyList<PlanYearEntry>> Handle(ListPlanYears query, CancellationToken cancellationToken)
    {
        var closed = await db.PlanVersions.AsNoTracking()
            .Select(p => new PlanYearEntry(p.PlanYear, p.PlanName, false, p.ClosedAt, p.ClosedBy)).ToListAsync(cancellationToken);
        var strategy = await db.Strategies.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (strategy?.PlanYear is { } year) closed.Add(new PlanYearEntry(year, strategy.PlanName ?? $"Plan for realisering {year}", true, null, null));
        return [.. closed.OrderBy(p => p.Year)];
    }
}
