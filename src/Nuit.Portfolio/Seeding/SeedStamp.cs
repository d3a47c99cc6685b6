using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Seeding;

/// <summary>
/// A cheap «nothing is due» check for the seed step at every start (issue 18: a CLI command on a current database):
/// after a seed run the database keeps one stamp, a hash of this build and of every file in the seed folder plus the
/// number of entries applied. When the stamp still matches, the seed run would add nothing, so it is skipped. A new
/// build (which may bring new seed steps), a changed seed file or a removed AppliedSeeds row each change the stamp.
/// </summary>
public static class SeedStamp
{
    private const string Prefix = "stamp:";

    public static string Of(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(typeof(SeedStamp).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..32];
    }

    /// <summary>
    /// True when the database holds this stamp over exactly the entries applied now: one small query, in plain SQL
    /// because it runs at every start and compiling it as LINQ cost more than running it (issue 18).
    /// </summary>
    public static async Task<bool> IsCurrentAsync(PortfolioDbContext db, string stamp, CancellationToken ct)
    {
        var keys = await DatabaseInitializer.ReadStringsAsync(db, "SELECT \"Key\" FROM \"AppliedSeeds\"", ct);
        return keys.Contains(Key(stamp, keys.Count(k => !k.StartsWith(Prefix, StringComparison.Ordinal))), StringComparer.Ordinal);
    }

    /// <summary>Replaces any earlier stamp after a seed run that succeeded.</summary>
    public static async Task SaveAsync(PortfolioDbContext db, string stamp, DateTimeOffset now, CancellationToken ct)
    {
        var keys = await db.AppliedSeeds.Select(a => a.Key).ToListAsync(ct);
        var old = keys.Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        await db.AppliedSeeds.Where(a => old.Contains(a.Key)).ExecuteDeleteAsync(ct);
        db.AppliedSeeds.Add(new AppliedSeed { Key = Key(stamp, keys.Count - old.Count), AppliedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same moment stored the same stamp; it is only a shortcut, so either wins.
        }
    }

    private static string Key(string stamp, int applied) => $"{Prefix}{stamp}:{applied}";
}
