using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Common;

/// <summary>
/// Adds audit entries (<see cref="ChangeRecord"/>) to the handler's own unit of work, so a change and its
/// record are saved, or rolled back, together. Who and how come from <see cref="ICurrentUser"/>.
/// </summary>
public sealed class AuditTrail(PortfolioDbContext db, ICurrentUser user, TimeProvider clock)
{
    public ICurrentUser User => user;

    /// <summary>Records one field's change; nothing when old and new are the same.</summary>
    public void Record(string? itemCode, string? subject, string field, string? oldValue, string? newValue, string? by = null, string? via = null)
    {
        if (string.Equals(oldValue ?? "", newValue ?? "", StringComparison.Ordinal)) return;
        db.ChangeRecords.Add(new ChangeRecord
        {
            ItemCode = itemCode,
            Subject = Clip(subject, 200),
            Field = Clip(field, 80)!,
            OldValue = Clip(oldValue, 400),
            NewValue = Clip(newValue, 400),
            ChangedBy = Clip(by ?? user.Name, 200)!,
            ChangedAt = clock.GetUtcNow(),
            Via = Clip(via ?? user.Via, 260),
        });
    }

    private static string? Clip(string? s, int max) => s is not null && s.Length > max ? s[..(max - 1)] + "…" : s;
}
