using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>
/// Holds the compiled matcher for the current names and aliases. Compiling costs about half a second, so it
/// is done once per alias set and rebuilt only when an item, name or alias changes (the fingerprint differs).
/// </summary>
public sealed class MatcherCache
{
    private readonly Lock _lock = new();
    private (string Fingerprint, AliasMatcher Matcher)? _current;

    internal async Task<AliasMatcher> GetAsync(PortfolioDbContext db, CancellationToken ct)
    {
        var items = await LoadItemsAsync(db, ct);
        var fingerprint = Fingerprint(items);
        lock (_lock)
        {
            if (_current is { } c && c.Fingerprint == fingerprint) return c.Matcher;
        }
        var matcher = new AliasMatcher(items);
        lock (_lock) _current = (fingerprint, matcher);
        return matcher;
    }

    internal static async Task<List<MatchItem>> LoadItemsAsync(PortfolioDbContext db, CancellationToken ct)
    {
        var rows = await db.RoadmapItems.AsNoTracking().Where(i => i.RetiredAt == null)
            .OrderBy(i => i.Code).ToListAsync(ct);
        return [.. rows.Select(ToMatchItem)];
    }

    internal static MatchItem ToMatchItem(RoadmapItem i) => new(i.Code, i.Kind switch
    {
        RoadmapItemKind.Goal => MatchItemKind.Goal,
        RoadmapItemKind.SubGoal => MatchItemKind.SubGoal,
        RoadmapItemKind.Initiative => MatchItemKind.Initiative,
        _ => MatchItemKind.Indicator,
    }, i.Name, i.Aliases);

    private static string Fingerprint(IEnumerable<MatchItem> items)
    {
        var text = new StringBuilder();
        foreach (var i in items) text.Append(i.Code).Append('\u0001').Append(i.Name).Append('\u0001').AppendJoin('\u0002', i.Aliases).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
