using Microsoft.EntityFrameworkCore;

namespace Nuit.Portfolio.Data;

/// <summary>
/// The one optimistic-concurrency check for edits made with the version the person saw (ADR 13). Every handler that
/// takes an expected version calls <see cref="ExpectVersion"/>; a stale edit then fails as
/// <see cref="DbUpdateConcurrencyException"/>, which every host turns into the same «changed by someone else» outcome.
/// </summary>
public static class VersionCheck
{
    /// <summary>
    /// Makes the coming SaveChanges fail when the row the client saw is not the one stored: another version, or a row
    /// where the client saw none (<see cref="Guid.Empty"/>). Even an edit that would change nothing fails then: the
    /// person decided on stale data. Without an expected version the edit simply wins (the CLI and workbook imports).
    /// </summary>
    /// <param name="stored">The tracked row, or null when there is none yet (a new value, a new link).</param>
    public static void ExpectVersion(this PortfolioDbContext db, object? stored, Guid? expected)
    {
        if (expected is not { } seen) return;
        if (stored is null)
        {
            // Rows with versions are never deleted, so a real version here came from somewhere else: still not what is stored.
            if (seen != Guid.Empty) throw Stale("Det finnes ingen lagret rad med den versjonen.");
            return;
        }
        var version = db.Entry(stored).Property("Version");
        if (Equals(version.CurrentValue, seen)) return;
        // Tell EF which version the person saw and force the UPDATE: it then matches no row and EF reports the conflict.
        version.OriginalValue = seen;
        version.IsModified = true;
    }

    /// <summary>
    /// The same check for rows that are only ever added (status per quarter): the "version" is the time of the newest
    /// row the person saw, <see cref="DateTimeOffset.MinValue"/> for none; a newer stored row is a stale edit.
    /// </summary>
    public static void ExpectLatest(DateTimeOffset? latestStored, DateTimeOffset? seen)
    {
        if (seen is { } s && latestStored is { } latest && latest > s)
            throw Stale("Noen andre har lagt til en nyere rad etter at du hentet den.");
    }

    private static DbUpdateConcurrencyException Stale(string why) => new(why);
}
