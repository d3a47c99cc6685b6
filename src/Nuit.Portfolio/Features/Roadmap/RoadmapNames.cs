using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Features.Roadmap;

/// <summary>
/// The names and aliases of every current roadmap item, which the alias rules check a new or renamed item against.
/// A single edit loads them for its one check. A bulk import (<see cref="ImportRoadmap"/>) loads them once and keeps
/// them current as its rows are applied: loading every item again for each row made the import quadratic (issue 18).
/// </summary>
public sealed class RoadmapNames
{
    // In the order the check has always seen them (by code), so a collision lists its items in the same order.
    private readonly List<MatchItem> _items;

    private RoadmapNames(List<MatchItem> items) => _items = items;

    internal static async Task<RoadmapNames> LoadAsync(PortfolioDbContext db, CancellationToken ct) =>
        new(await MatcherCache.LoadItemsAsync(db, ct));

    /// <summary>
    /// The alias rules of <see cref="EditAliases"/> for <paramref name="item"/> as it is now: no common words, no name or
    /// alias another item uses. Passing, the item's names are what later checks see.
    /// </summary>
    internal void Check(RoadmapItem item, string field)
    {
        foreach (var alias in item.Aliases.Where(a => EditAliasesValidator.CommonWords.Contains(a)))
            throw new InputException("forespørselen", "felt aliases", $"«{alias}» er et vanlig ord og ville koblet nesten alle saker; velg et mer særpreget navn.");
        var at = _items.FindIndex(o => o.Code == item.Code);
        var proposed = MatcherCache.ToMatchItem(item) with { Aliases = [.. item.Aliases] };
        var problems = ProblemsWith(proposed);
        if (problems.Count > 0) throw new InputException("forespørselen", $"felt {field}", string.Join(" ", problems));

        // A retired item is not among the current ones the next check compares with, as a fresh load would not be.
        if (at >= 0) _items.RemoveAt(at);
        if (item.RetiredAt is not null) return;
        var place = _items.FindIndex(o => string.CompareOrdinal(o.Code, item.Code) > 0);
        _items.Insert(place < 0 ? _items.Count : place, proposed);
    }

    /// <summary>
    /// What the alias rules say about <paramref name="proposed"/> (an item's names and aliases as they would be) against
    /// every other current item: no name or alias another item uses. Empty when it may be saved.
    /// </summary>
    internal List<string> ProblemsWith(MatchItem proposed) =>
        [.. AliasRules.Validate(_items.Where(o => o.Code != proposed.Code).Append(proposed))
            .Where(p => p.Contains(proposed.Code, StringComparison.Ordinal))];
}
