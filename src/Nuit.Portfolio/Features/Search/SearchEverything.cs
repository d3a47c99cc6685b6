using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Features.Search;

/// <summary>
/// One search box over everything a secretary looks for: roadmap items (code, name, aliases), indicators, meetings and
/// cases, grouped by kind. When the text names an item ("SFM", "sentral forskrivning", "KI-plan"), the cases are those
/// that mention any of its names or are linked to it, so every name of an item gives the same cases (issue 19).
/// </summary>
public sealed record SearchEverything(string Text, int Limit = 50) : IQuery<SearchAnswer>;

/// <summary><see cref="NamedItems"/>: the items the text was read as, whose names the case search used instead of the text.</summary>
public sealed record SearchAnswer(
    IReadOnlyList<ItemHit> NamedItems, IReadOnlyList<ItemHit> Items, IReadOnlyList<ItemHit> Indicators,
    IReadOnlyList<MeetingHit> Meetings, IReadOnlyList<SearchResult> Cases);

public sealed record ItemHit(RoadmapItemKind Kind, string Code, string Name, IReadOnlyList<string> Aliases);

public sealed record MeetingHit(string Body, string Number, DateOnly Date, string? Place);

public sealed class SearchEverythingValidator : AbstractValidator<SearchEverything>
{
    public SearchEverythingValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Skriv hva du leter etter.").MaximumLength(500);
        RuleFor(x => x.Limit).InclusiveBetween(1, 500);
    }
}

public sealed class SearchEverythingHandler(PortfolioDbContext db, CaseSearchIndex index) : IQueryHandler<SearchEverything, SearchAnswer>
{
    public async ValueTask<SearchAnswer> Handle(SearchEverything query, CancellationToken cancellationToken)
    {
        var text = AliasText.Normalise(query.Text);
        // A few hundred items at most: read them all and compare names in memory, with the matcher's own normal form.
        var all = await db.RoadmapItems.AsNoTracking().Where(i => i.RetiredAt == null).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(cancellationToken);
        var named = all.Where(i => Names(i).Any(n => SearchNames.Names(text, n))).ToList();
        var found = all.Where(i => named.Contains(i) || Names(i).Any(n => n.Contains(text, StringComparison.Ordinal))).Select(Hit).ToList();

        var cases = named.Count == 0
            ? await CasesAsync([query.Text], [], query.Limit, cancellationToken)
            : await CasesAsync([.. named.SelectMany(i => new[] { i.Code, i.Name }.Concat(i.Aliases)).Distinct(StringComparer.OrdinalIgnoreCase)],
                [.. named.Select(i => i.Id)], query.Limit, cancellationToken);

        var meetings = (await db.Meetings.AsNoTracking().Select(m => new { m.Body!.Code, m.Number, m.Date, m.Place }).ToListAsync(cancellationToken))
            .Select(m => new MeetingHit(Bodies.ShortName(m.Code), m.Number, m.Date, m.Place))
            .Where(m => AliasText.Normalise($"{m.Body} møte {m.Number} {m.Place} {m.Date:yyyy-MM-dd} {m.Date:d.M.yyyy}").Contains(text, StringComparison.Ordinal))
            .OrderByDescending(m => m.Date).Take(query.Limit).ToList();

        return new SearchAnswer(
            [.. named.Select(Hit)],
            [.. found.Where(h => h.Kind != RoadmapItemKind.Indicator)],
            [.. found.Where(h => h.Kind == RoadmapItemKind.Indicator)],
            meetings, cases);
    }

    private static IEnumerable<string> Names(RoadmapItem i) => new[] { i.Code, i.Name }.Concat(i.Aliases).Select(AliasText.Normalise);

    private static ItemHit Hit(RoadmapItem i) => new(i.Kind, i.Code, i.Name, i.Aliases);

    /// <summary>The cases that mention any of <paramref name="phrases"/> (full text) or are linked to one of <paramref name="itemIds"/>, newest first.</summary>
    private async Task<IReadOnlyList<SearchResult>> CasesAsync(IReadOnlyList<string> phrases, IReadOnlyList<int> itemIds, int limit, CancellationToken ct)
    {
        var snippets = new Dictionary<int, string>();
        foreach (var phrase in phrases)
            foreach (var hit in await index.SearchAsync(phrase, limit, ct))
                snippets.TryAdd(hit.CaseId, hit.Snippet);
        var linked = await db.CaseLinks.AsNoTracking()
            .Where(l => itemIds.Contains(l.ItemId) && l.State != LinkState.Rejected).Select(l => l.CaseId).ToListAsync(ct);
        foreach (var id in linked) snippets.TryAdd(id, "");

        var ids = snippets.Keys.ToList();
        var rows = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Body!.Code, c.Number, c.Title, c.MeetingDate, c.Type, c.Sequence })
            .ToListAsync(ct);
        // With one text the index's ranking stands; several names are merged newest first, since their ranks do not compare.
        var ordered = phrases.Count == 1 && itemIds.Count == 0
            ? rows.OrderBy(r => ids.IndexOf(r.Id))
            : rows.OrderByDescending(r => r.MeetingDate).ThenBy(r => r.Sequence);
        return [.. ordered.Take(limit).Select(r => new SearchResult($"{Bodies.ShortName(r.Code)} {r.Number}", r.Title, r.MeetingDate, r.Type, snippets[r.Id]))];
    }
}

/// <summary>
/// When a search text names an item: the whole of a name, or (two words or more) each of its words the start of the
/// name's word in turn, so "sentral forskrivning" names Sentral forskrivningsmodul while "helse" stays a plain search.
/// </summary>
internal static class SearchNames
{
    /// <summary>Shorter starts than this are too common to stand for a name ("e", "ki").</summary>
    public const int ShortestStart = 4;

    /// <param name="text">The search text, normalised.</param>
    /// <param name="name">A code, name or alias, normalised.</param>
    public static bool Names(string text, string name)
    {
        if (text.Length == 0) return false;
        if (text == name) return true;
        var t = text.Split(' ');
        var n = name.Split(' ');
        if (t.Length < 2 || t.Length != n.Length) return false;
        for (var i = 0; i < t.Length; i++)
            if (!(t[i] == n[i] || (t[i].Length >= ShortestStart && n[i].StartsWith(t[i], StringComparison.Ordinal)))) return false;
        return true;
    }
}
