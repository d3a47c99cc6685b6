using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Status;

namespace Nuit.Portfolio.Features.Strategy;

/// <summary>The newest status of every item that has one (latest quarter, then latest entry); the rest are grey.</summary>
public sealed record GetLatestStatuses : IQuery<IReadOnlyDictionary<string, LatestStatus>>;

public sealed record LatestStatus(string Quarter, RagStatus Rag, string? Narrative);

public sealed class GetLatestStatusesHandler(PortfolioDbContext db) : IQueryHandler<GetLatestStatuses, IReadOnlyDictionary<string, LatestStatus>>
{
    public async ValueTask<IReadOnlyDictionary<string, LatestStatus>> Handle(GetLatestStatuses query, CancellationToken cancellationToken)
    {
        var latest = await LatestStatuses.PerItemAsync(db, cancellationToken);
        var codes = await db.RoadmapItems.AsNoTracking().Select(i => new { i.Id, i.Code }).ToDictionaryAsync(i => i.Id, i => i.Code, cancellationToken);
        return latest.ToDictionary(u => codes[u.ItemId], u => new LatestStatus(u.Quarter.ToString(), u.Rag, u.Narrative), StringComparer.Ordinal);
    }
}
