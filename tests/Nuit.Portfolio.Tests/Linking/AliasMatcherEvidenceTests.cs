using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Tests.Linking;

public class AliasMatcherEvidenceTests
{
    private static readonly string Words = string.Join(' ', Enumerable.Range(1, 80).Select(i => $"ord{i}"));

    [Fact]
    public void Evidence_names_the_section_position_alias_and_length_of_each_hit()
    {
        var vedtak = "NUIT anbefaler at legemiddelreaksjoner deles med Kjernejournal som kilde.";
        var innspill = "Apotekene har ikke tilgang til Kjernejournalen i dag, og KJ må utvides.";

        var s = DomainItems.Matcher.Match(Case.Of(("Innspill", innspill), ("Vedtak", vedtak))).Single();

        Assert.Equal("KJERNEJOURNAL", s.Code);
        Assert.Equal(MatchItemKind.Initiative, s.Kind);
        Assert.Equal(
            [
                ("Vedtak", vedtak.IndexOf("Kjernejournal", StringComparison.Ordinal), "Kjernejournal", 13, vedtak),
                ("Innspill", innspill.IndexOf("Kjernejournalen", StringComparison.Ordinal), "Kjernejournal", 15, innspill),
                ("Innspill", innspill.IndexOf("KJ ", StringComparison.Ordinal), "KJ", 2, innspill),
            ],
            s.Evidence.Select(e => (e.Section, e.Position, e.MatchedAlias, e.Length, e.Snippet)));
    }

    [Fact]
    public void Snippet_is_at_most_200_characters_on_word_boundaries_around_the_hit()
    {
        var text = Words + " Sentral forskrivningsmodul " + Words;

        var e = DomainItems.Matcher.Match(Case.Background(text)).Single().Evidence.Single();

        Assert.Equal(Words.Length + 1, e.Position);
        Assert.Equal("Sentral forskrivningsmodul", text.Substring(e.Position, e.Length));
        Assert.InRange(e.Snippet.Length, 150, 200);
        Assert.Contains("Sentral forskrivningsmodul", e.Snippet, StringComparison.Ordinal);
        var words = text.Split(' ').ToHashSet();
        Assert.All(e.Snippet.Split(' '), w => Assert.Contains(w, words));   // no word cut in half
        var before = e.Snippet.IndexOf("Sentral", StringComparison.Ordinal);
        var after = e.Snippet.Length - before - e.Length;
        Assert.InRange(before - after, -12, 12);   // centred, give or take one word
    }

    [Fact]
    public void Snippet_widens_to_the_other_side_near_the_start_of_the_text()
    {
        var text = "SFM " + Words;

        var e = DomainItems.Matcher.Match(Case.Background(text)).Single().Evidence.Single();

        Assert.Equal(0, e.Position);
        Assert.StartsWith("SFM ord1 ord2", e.Snippet, StringComparison.Ordinal);
        Assert.InRange(e.Snippet.Length, 190, 200);
        Assert.Contains(e.Snippet.Split(' ')[^1], text.Split(' '));
    }

    [Fact]
    public void Short_text_is_the_whole_snippet_with_line_breaks_collapsed()
    {
        var text = "  Felles KI-\nplan for helse- og\r\nomsorgstjenesten  ";

        var e = DomainItems.Matcher.Match(Case.Of(("Tittel", text))).Single().Evidence.Single();

        Assert.Equal("Felles KI- plan for helse- og omsorgstjenesten", e.Snippet);
        Assert.Equal(2, e.Position);
        Assert.Equal("Felles KI-\nplan".Length, e.Length);
    }

    [Fact]
    public void A_hit_longer_than_the_limit_is_returned_whole()
    {
        var alias = string.Join(' ', Enumerable.Repeat("langtnavn", 25));
        var matcher = new AliasMatcher([new("X", MatchItemKind.Indicator, alias, [])]);

        var e = matcher.Match(Case.Background("Før " + alias + " etter")).Single().Evidence.Single();

        Assert.Equal(alias, e.Snippet);
        Assert.Equal(4, e.Position);
    }

    [Fact]
    public void Evidence_lists_strong_sections_first_and_is_capped()
    {
        var text = Case.Of(("Bakgrunn", string.Join(". ", Enumerable.Repeat("SFM", 30))), ("Tittel", "SFM"));

        var s = DomainItems.Matcher.Match(text).Single();

        Assert.Equal(AliasMatcher.MaxEvidencePerSuggestion, s.Evidence.Count);
        Assert.Equal("Tittel", s.Evidence[0].Section);
        Assert.Equal(s.Evidence.Skip(1).Select(e => e.Position).Order(), s.Evidence.Skip(1).Select(e => e.Position));
        Assert.Equal(1 - Math.Exp(-(2.0 + 0.25 * (1 + Math.Log(30)))), s.Score, 12);   // the score uses all 31 hits
    }
}
