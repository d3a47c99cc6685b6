using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Strategy;

public sealed record ListIndicators : IQuery<IReadOnlyList<IndicatorSummary>>;

public sealed class ListIndicatorsHandler(PortfolioDbContext db) : IQueryHandler<ListIndicators, IReadOnlyList<IndicatorSummary>>
{
    public async ValueTask<IReadOnlyList<IndicatorSummary>> Handle(ListIndicators query, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.RetiredAt == null)
            .Include(i => i.Values).Include(i => i.Targets).Include(i => i.Goal)
            .OrderBy(i => i.Goal!.SortOrder).ThenBy(i => i.SortOrder)
            .ToListAsync(cancellationToken);
        return [.. indicators.Select(i => i.ToSummary())];
    }
}
