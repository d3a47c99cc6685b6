using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>
/// Holds the matcher for the current names and aliases, rebuilt only when an item, name or alias changes (the
/// fingerprint differs). Compiling the patterns to IL and jitting them pays off only over many cases (the roadmap
/// import's refresh of the 35 seed cases took 1.7 s longer with them; docs/performance.md «Import»), so a refresh of
/// a few cases (one meeting's import, a roadmap edit over the seed register, a CLI command that lives for one refresh)
/// gets an interpreted matcher, and the compiled one is built when a refresh of <see cref="CompiledFrom"/> cases or more asks for it.
/// Both give the same matches.
/// </summary>
public sealed class MatcherCache
{
    /// <summary>
    /// Interpreted patterns are 4–5 times slower per case (AliasMatcher's remarks): a case of a few pages takes well
    /// under a millisecond either way, so the half second of compiling is won back only after some hundreds of cases.
    /// </summary>
    public const int CompiledFrom = 500;

    private readonly Lock _lock = new();
    private (string Fingerprint, AliasMatcher Matcher)? _current;

    internal async Task<AliasMatcher> GetAsync(PortfolioDbContext db, int cases, CancellationToken ct)
    {
        var items = await LoadItemsAsync(db, ct);
        var fingerprint = Fingerprint(items);
        var compiled = cases >= CompiledFrom;
        lock (_lock)
        {
            if (_current is { } c && c.Fingerprint == fingerprint && (c.Matcher.IsCompiled || !compiled)) return c.Matcher;
        }
        var matcher = new AliasMatcher(items, compiled);
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
