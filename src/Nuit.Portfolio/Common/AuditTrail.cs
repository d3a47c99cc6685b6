using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Common;

/// <summary>
/// The one audit writer: every change record (<see cref="ChangeRecord"/>) is added here, to the handler's own unit of
/// work, so a change and its record are saved, or rolled back, together. Who and through what come from
/// <see cref="ICurrentUser"/>; one clip rule keeps every text inside its column.
/// </summary>
public sealed class AuditTrail(PortfolioDbContext db, ICurrentUser user, TimeProvider clock)
{
    private string? _file;

    public ICurrentUser User => user;

    /// <summary>The time a change made now is stamped with (also for rows that carry their own "recorded at").</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Changes recorded after this came from a file (a workbook, a meeting document): the file name joins the channel,
    /// «web (veikart.xlsx)», so a figure can be traced to the file it came in.
    /// </summary>
    public void FromFile(string fileName) => _file = Path.GetFileName(fileName);

    /// <summary>Records one field's change; nothing when old and new are the same. True when something was recorded.</summary>
    public bool Record(string? itemCode, string? subject, string field, string? oldValue, string? newValue)
    {
        if (string.Equals(oldValue ?? "", newValue ?? "", StringComparison.Ordinal)) return false;
        db.ChangeRecords.Add(new ChangeRecord
        {
            ItemCode = itemCode,
            Subject = Clip(subject, 200),
            Field = Clip(field, 80)!,
            OldValue = Clip(oldValue, 400),
            NewValue = Clip(newValue, 400),
            ChangedBy = Clip(user.Name, 200)!,
            ChangedAt = clock.GetUtcNow(),
            Via = Clip(_file is null ? user.Via : $"{user.Via} ({_file})", 260),
        });
        return true;
    }

    private static string? Clip(string? s, int max) => s is not null && s.Length > max ? s[..(max - 1)] + "…" : s;
}
