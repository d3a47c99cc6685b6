using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Strategy;

public sealed record ListInitiatives(bool IncludeRetired = false) : IQuery<IReadOnlyList<InitiativeSummary>>;

public sealed class ListInitiativesHandler(PortfolioDbContext db) : IQueryHandler<ListInitiatives, IReadOnlyList<InitiativeSummary>>
{
    public async ValueTask<IReadOnlyList<InitiativeSummary>> Handle(ListInitiatives query, CancellationToken cancellationToken)
    {
        var initiatives = await db.Initiatives.AsNoTracking()
            .Where(i => query.IncludeRetired || i.RetiredAt == null)
            .Include(i => i.SubGoals).Include(i => i.Goal)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .ToListAsync(cancellationToken);
        return [.. initiatives.Select(i => i.ToSummary())];
    }
}
