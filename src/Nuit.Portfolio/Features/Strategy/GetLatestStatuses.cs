using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Strategy;

/// <summary>The newest status of every item that has one (latest quarter, then latest entry); the rest are grey.</summary>
public sealed record GetLatestStatuses : IQuery<IReadOnlyDictionary<string, LatestStatus>>;

public sealed record LatestStatus(string Quarter, RagStatus Rag, string? Narrative);

public sealed class GetLatestStatusesHandler(PortfolioDbContext db) : IQueryHandler<GetLatestStatuses, IReadOnlyDictionary<string, LatestStatus>>
{
    public async ValueTask<IReadOnlyDictionary<string, LatestStatus>> Handle(GetLatestStatuses query, CancellationToken cancellationToken)
    {
        var rows = await db.StatusUpdates.AsNoTracking()
            .Select(s => new { s.Item!.Code, s.Quarter, s.Rag, s.Narrative, s.RecordedAt, s.Id })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var latest = g.OrderByDescending(r => r.Quarter).ThenByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id).First();
                return new LatestStatus(latest.Quarter.ToString(), latest.Rag, latest.Narrative);
            }, StringComparer.Ordinal);
    }
}
