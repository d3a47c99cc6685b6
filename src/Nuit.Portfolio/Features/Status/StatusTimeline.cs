using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Status;

/// <summary>How a status moved from one quarter to the next; shown as text, never as colour alone.</summary>
public enum StatusChange
{
    /// <summary>No status the quarter before (grey), so nothing to compare with.</summary>
    New,
    Better,
    Worse,
    Unchanged,

    /// <summary>Reported before, not reported now.</summary>
    NotReported,
}

public static class StatusChanges
{
    public static StatusChange Between(RagStatus previous, RagStatus current)
    {
        if (current == previous) return StatusChange.Unchanged;
        if (previous == RagStatus.Grey) return StatusChange.New;
        if (current == RagStatus.Grey) return StatusChange.NotReported;
        // Enum order is Green < Amber < Red: a smaller number is the better status.
        return current < previous ? StatusChange.Better : StatusChange.Worse;
    }

    public static string ToCode(this StatusChange change) => change switch
    {
        StatusChange.NotReported => "not-reported",
        _ => change.ToString().ToLowerInvariant(),
    };

    public static string ToDisplayString(this StatusChange change) => change switch
    {
        StatusChange.New => "Ny",
        StatusChange.Better => "Bedre",
        StatusChange.Worse => "Verre",
        StatusChange.Unchanged => "Uendret",
        StatusChange.NotReported => "Ikke rapportert",
        _ => change.ToString(),
    };
}

/// <summary>
/// The status of record for an item in a quarter is the newest update for that quarter recorded at or
/// before the cut-off; older updates for the same quarter stay as its revisions.
/// </summary>
internal static class StatusTimeline
{
    public static Dictionary<(int ItemId, Quarter Quarter), StatusUpdate> LatestPerQuarter(
        IEnumerable<StatusUpdate> updates, DateTimeOffset? cutOff = null)
    {
        var latest = new Dictionary<(int, Quarter), StatusUpdate>();
        foreach (var u in updates)
        {
            if (cutOff is { } c && u.RecordedAt > c) continue;
            var key = (u.ItemId, u.Quarter);
            // Ties on the clock are broken by insertion order (Id), so a quick second edit still wins.
            if (!latest.TryGetValue(key, out var seen) || (u.RecordedAt, u.Id).CompareTo((seen.RecordedAt, seen.Id)) > 0)
                latest[key] = u;
        }
        return latest;
    }

    public static RagStatus RagOf(Dictionary<(int, Quarter), StatusUpdate> latest, int itemId, Quarter quarter) =>
        latest.TryGetValue((itemId, quarter), out var u) ? u.Rag : RagStatus.Grey;
}
