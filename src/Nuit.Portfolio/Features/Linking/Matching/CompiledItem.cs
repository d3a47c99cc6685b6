using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Features.Linking.Matching;

/// <summary>One hit of one item, before scoring.</summary>
internal readonly record struct Hit(int SectionIndex, int Position, int Length, string MatchedAlias, double Strength);

/// <summary>
/// An item with all its names, aliases and code forms compiled into one regex: one alternative per form,
/// longest first, so "Felles KI-plan" is one hit and not also a "KI-plan" hit, and "helsenorge.no" wins over
/// "Helsenorge". Each item has its own regex so that items may overlap (a sub-goal's name contains
/// "digital hjemmeoppfølging", which is also an initiative).
/// </summary>
internal sealed class CompiledItem
{
    private readonly Regex _regex;
    private readonly (string GroupName, string Alias, double Strength)[] _forms;

    private CompiledItem(MatchItem item, Regex regex, (string, string, double)[] forms)
    {
        Item = item;
        _regex = regex;
        _forms = forms;
    }

    public MatchItem Item { get; }

    /// <summary>Null when the item has nothing matchable (no usable name, alias or code form).</summary>
    public static CompiledItem? Create(MatchItem item, bool compiled = true)
    {
        var forms = new List<(string Pattern, string Alias, double Strength)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alias in NamesAndAliases(item).OrderByDescending(a => a.Trim().Length))
        {
            if (!AliasRules.IsUsable(alias) || !seen.Add(AliasText.Normalise(alias))) continue;
            forms.Add((AliasPattern.Build(alias), alias.Trim(), MatchScoring.AliasHitStrength));
        }
        if (CodeReferencePattern.Build(item) is { } codePattern)
            forms.Add((codePattern, item.Code.Trim(), MatchScoring.CodeReferenceStrength));
        if (forms.Count == 0) return null;

        var named = forms.Select((f, i) => ($"f{i}", f.Alias, f.Strength)).ToArray();
        var pattern = string.Join('|', forms.Select((f, i) => $"(?<f{i}>{f.Pattern})"));
        // Compiled for batch linking (built once per alias set, run over thousands of case texts); interpreted
        // when only a few cases are matched, where jitting the compiled patterns would cost more than it saves.
        var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | (compiled ? RegexOptions.Compiled : RegexOptions.None);
        var regex = new Regex(pattern, options);
        return new CompiledItem(item, regex, named);
    }

    public void FindHits(string text, int sectionIndex, IReadOnlyList<Range> urlSpans, List<Hit> hits)
    {
        for (var m = _regex.Match(text); m.Success; m = m.NextMatch())
        {
            if (UrlSpans.Overlaps(urlSpans, m.Index, m.Length)) continue;
            var form = _forms.First(f => m.Groups[f.GroupName].Success);
            hits.Add(new Hit(sectionIndex, m.Index, m.Length, form.Alias, form.Strength));
        }
    }

    /// <summary>Aliases before the name, so that when both are spelled alike the evidence names the alias.</summary>
    private static IEnumerable<string> NamesAndAliases(MatchItem item) =>
        (item.Aliases ?? []).Append(item.Name ?? "").Where(a => a is not null);
}
