using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// The audit trail, newest first: for one item (its page), for a subject ("NUIT 31/24", "bruker kari"), or all.
/// With <see cref="WithoutNames"/> authors and person names are replaced (see <see cref="Anonymiser"/>).
/// </summary>
public sealed record GetAuditTrail(string? Item = null, string? Subject = null, int Limit = 500, bool WithoutNames = false)
    : IQuery<IReadOnlyList<AuditEntry>>;

public sealed record AuditEntry(
    long Id, DateTimeOffset At, string? Item, string? Subject, string Field, string? Old, string? New, string By, string? Via);

public sealed class GetAuditTrailHandler(PortfolioDbContext db) : IQueryHandler<GetAuditTrail, IReadOnlyList<AuditEntry>>
{
    public async ValueTask<IReadOnlyList<AuditEntry>> Handle(GetAuditTrail query, CancellationToken cancellationToken)
    {
        var records = db.ChangeRecords.AsNoTracking();
        if (query.Item is { Length: > 0 } item) records = records.Where(r => r.ItemCode == item.ToUpper());
        if (query.Subject is { Length: > 0 } subject) records = records.Where(r => r.Subject == subject);
        var list = await records.OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .Take(Math.Clamp(query.Limit, 1, 1_000_000))
            .Select(r => new AuditEntry(r.Id, r.ChangedAt, r.ItemCode, r.Subject, r.Field, r.OldValue, r.NewValue, r.ChangedBy, r.Via))
            .ToListAsync(cancellationToken);
        if (!query.WithoutNames) return list;
        var anonymiser = await Anonymiser.LoadAsync(db, cancellationToken);
        return [.. list.Select(anonymiser.Apply)];
    }
}
