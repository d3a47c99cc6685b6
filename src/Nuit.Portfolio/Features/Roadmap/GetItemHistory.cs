using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>Every recorded change of an item (its fields, milestones, values and targets), newest first.</summary>
public sealed record GetItemHistory(string Code, int Limit = 200) : IQuery<IReadOnlyList<HistoryEntry>>;

public sealed record HistoryEntry(string Field, string? Old, string? New, string ChangedBy, DateTimeOffset ChangedAt, string? Via);

public sealed class GetItemHistoryHandler(PortfolioDbContext db) : IQueryHandler<GetItemHistory, IReadOnlyList<HistoryEntry>>
{
    public async ValueTask<IReadOnlyList<HistoryEntry>> Handle(GetItemHistory query, CancellationToken cancellationToken)
    {
        var code = query.Code.Trim().ToUpperInvariant();
        // Ordered by id as well as time: one edit writes several rows with the same timestamp.
        return await db.ChangeRecords.AsNoTracking().Where(c => c.ItemCode == code)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(Math.Clamp(query.Limit, 1, 1000))
            .Select(c => new HistoryEntry(c.Field, c.OldValue, c.NewValue, c.ChangedBy, c.ChangedAt, c.Via))
            .ToListAsync(cancellationToken);
    }
}
