namespace Nuit.Portfolio.Features.Linking.Matching;

/// <summary>
/// Suggests which roadmap items a case is about, from the case's text. Pure and immutable: build one per alias
/// set (the constructor compiles every pattern) and call <see cref="Match"/> for as many cases as needed, from
/// any number of threads.
/// <para>What counts as a hit, per alias:</para>
/// <list type="bullet">
/// <item>Any case; words of a multi-word alias may be separated by any whitespace (line breaks included) or a
/// hyphen, so "KI-plan", "KI plan", "KI‑plan" and "KI-\nplan" are the same.</item>
/// <item>Aliases of 5 letters or more may end in a Norwegian inflection on their last word: "legemiddellisten",
/// "Helsenorges", "Kjernejournalen", "KI-planene". Closed compounds are not matched ("e-reseptkjeden").</item>
/// <item>Abbreviations (2–5 capitals: RF, KJ, SFM, EHDS) only as whole words, plus the genitive "SFMs";
/// a hyphen ends a word, so "SFM-en" and "SFM-modulen" count. Two-letter ones only in capitals.</item>
/// <item>Word boundaries are Unicode letters and digits, so æøå are letters: "KJ" is not in "KJØP".</item>
/// <item>Nothing inside URLs or e-mail addresses (see <see cref="UrlSpans"/>).</item>
/// <item>Goals and sub-goals: their full names and curated aliases as phrases, and their codes in the narrow
/// forms described in <see cref="CodeReferencePattern"/>.</item>
/// </list>
/// Scoring: <see cref="MatchScoring"/>.
/// </summary>
/// <remarks>
/// Timing sanity (not a test; measured once in this container, Release, the 13 initiatives of domain.md plus
/// 5 goals and 2 sub-goals): building ≈ 50 ms; the first <see cref="Match"/> ≈ 0.5 s while the compiled patterns
/// are jitted; after that the whole 94,000-character notice of meeting 3/2024 as one section ≈ 3.5 ms, so a case
/// of a few pages takes well under a millisecond. Without <see cref="System.Text.RegularExpressions.RegexOptions.Compiled"/>
/// the first call is 50 ms but every later one 4–5 times slower: the wrong trade for batch linking.
/// </remarks>
public sealed class AliasMatcher
{
    /// <summary>Evidence kept per suggestion; the score uses every hit.</summary>
    public const int MaxEvidencePerSuggestion = 20;

    private readonly CompiledItem[] _items;

    /// <param name="items">The items and their names and aliases.</param>
    /// <param name="compiled">Compile the patterns to IL (see the remarks): right for many cases, wrong for a few.</param>
    public AliasMatcher(IEnumerable<MatchItem> items, bool compiled = true)
    {
        ArgumentNullException.ThrowIfNull(items);
        IsCompiled = compiled;
        _items = [.. items.Select(i => CompiledItem.Create(i, compiled)).OfType<CompiledItem>()];
    }

    /// <summary>Whether the patterns were compiled to IL.</summary>
    public bool IsCompiled { get; }

    /// <summary>
    /// 0.15. A suggestion below it is dropped. One name hit anywhere scores at least 0.22 and is kept; what is
    /// dropped is a lone goal code reference ("mål 1") in inputs or background (0.12), which alone is too weak
    /// to suggest a goal link.
    /// </summary>
    public static double MinimumScore => 0.15;

    public IReadOnlyList<MatchSuggestion> Match(CaseText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sections = text.Sections;
        var urlSpans = sections.Select(s => UrlSpans.Find(s.Text ?? "")).ToArray();

        var suggestions = new List<(MatchSuggestion Suggestion, Hit First)>();
        var hits = new List<Hit>();
        foreach (var item in _items)
        {
            hits.Clear();
            for (var i = 0; i < sections.Count; i++)
                if (!string.IsNullOrEmpty(sections[i].Text))
                    item.FindHits(sections[i].Text, i, urlSpans[i], hits);
            if (hits.Count == 0) continue;

            var score = Score(hits, sections);
            if (score < MinimumScore) continue;
            var evidence = Evidence(hits, sections);
            suggestions.Add((new MatchSuggestion(item.Item.Code, item.Item.Kind, score, evidence), hits[0]));
        }

        return [.. suggestions
            .OrderByDescending(s => s.Suggestion.Score)
            .ThenBy(s => s.First.SectionIndex)
            .ThenBy(s => s.First.Position)
            .ThenBy(s => s.Suggestion.Code, StringComparer.Ordinal)
            .Select(s => s.Suggestion)];
    }

    private static double Score(List<Hit> hits, IReadOnlyList<CaseTextSection> sections) =>
        MatchScoring.Score(hits
            .GroupBy(h => (sections[h.SectionIndex].Section ?? "").Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => KeyValuePair.Create(g.Key, g.Sum(h => h.Strength))));

    /// <summary>Strongest sections first, then in text order, so a page shows the title hit before the background.</summary>
    private static MatchEvidence[] Evidence(List<Hit> hits, IReadOnlyList<CaseTextSection> sections) =>
    [
        .. hits
            .OrderByDescending(h => MatchScoring.SectionWeight(sections[h.SectionIndex].Section ?? ""))
            .ThenBy(h => h.SectionIndex)
            .ThenBy(h => h.Position)
            .Take(MaxEvidencePerSuggestion)
            .Select(h =>
            {
                var section = sections[h.SectionIndex];
                return new MatchEvidence(section.Section, Snippets.Cut(section.Text, h.Position, h.Length), h.Position, h.MatchedAlias)
                {
                    Length = h.Length,
                };
            }),
    ];
}
