using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Tests.Linking;

public class AliasMatcherScoringTests
{
    private static readonly string LongBackground = string.Join(' ', Enumerable.Repeat(
        "Helsedirektoratet har over tid arbeidet med flere nasjonale tiltak og vurderer konsekvenser for sektoren.", 30));

    [Fact]
    public void A_title_hit_alone_scores_high()
    {
        var s = Assert.Single(DomainItems.Matcher.Match(Case.Of(("Tittel", "Status for SFM"))));

        Assert.True(s.Score >= 0.8, $"score {s.Score}");
        Assert.Equal(1 - Math.Exp(-2.0), s.Score, 12);
    }

    [Fact]
    public void A_single_passing_mention_in_a_long_background_scores_low()
    {
        var text = LongBackground + " Dette gjelder også SFM. " + LongBackground;

        var s = Assert.Single(DomainItems.Matcher.Match(Case.Background(text)));

        Assert.True(s.Score <= 0.3, $"score {s.Score}");
        Assert.True(s.Score >= AliasMatcher.MinimumScore);
    }

    [Fact]
    public void The_case_about_an_item_ranks_above_an_item_mentioned_in_passing()
    {
        var text = Case.Of(
            ("Tittel", "Felles KI-plan for helse- og omsorgstjenesten"),
            ("Innspill", "Planen må sees i sammenheng med Helsenorge og EHDS."),
            ("Bakgrunn", "KI-planen ble sendt på høring. " + LongBackground + " EHDS kommer."),
            ("Vedtak", "NUIT tok KI-planen til orientering."));

        var codes = DomainItems.Matcher.Match(text).Select(s => s.Code);

        Assert.Equal(["KIPLAN", "EHDS", "HELSENORGE"], codes);
    }

    [Fact]
    public void Sections_rank_title_over_decision_and_agenda_over_inputs_and_background()
    {
        double ScoreIn(string section) => DomainItems.Matcher.Match(Case.Of((section, "Om SFM."))).Single().Score;

        Assert.True(ScoreIn("Tittel") > ScoreIn("Forslag til vedtak"));
        Assert.Equal(ScoreIn("Forslag til vedtak"), ScoreIn("Vedtak"));
        Assert.Equal(ScoreIn("Vedtak"), ScoreIn("Dagsorden"));
        Assert.True(ScoreIn("Dagsorden") > ScoreIn("Hensikt med saken"));
        Assert.True(ScoreIn("Hensikt med saken") > ScoreIn("Aksjonspunkt"));
        Assert.True(ScoreIn("Aksjonspunkt") > ScoreIn("Innspill"));
        Assert.Equal(ScoreIn("Innspill"), ScoreIn("Bakgrunn"));
        Assert.Equal(ScoreIn("Bakgrunn"), ScoreIn("Noe ukjent"));
        Assert.Equal(ScoreIn("Tittel"), ScoreIn("  tittel "));
    }

    [Fact]
    public void More_hits_raise_the_score_with_diminishing_returns_and_it_stays_below_one()
    {
        double ScoreFor(int hits) => DomainItems.Matcher.Match(Case.Background(string.Join(". ", Enumerable.Repeat("SFM", hits)))).Single().Score;

        var (one, two, three, many) = (ScoreFor(1), ScoreFor(2), ScoreFor(3), ScoreFor(500));

        Assert.True(two > one && three > two);
        Assert.True(two - one > three - two);
        Assert.True(many < 1 - Math.Exp(-2.0), "no number of background mentions beats one title hit");
    }

    [Fact]
    public void Hits_in_distinct_sections_count_more_than_the_same_hits_in_one()
    {
        var spread = DomainItems.Matcher.Match(Case.Of(("Innspill", "SFM."), ("Bakgrunn", "SFM."))).Single().Score;
        var together = DomainItems.Matcher.Match(Case.Of(("Bakgrunn", "SFM. SFM."))).Single().Score;

        Assert.True(spread > together);
    }

    [Fact]
    public void Sections_with_the_same_heading_are_scored_as_one()
    {
        var bullets = DomainItems.Matcher.Match(Case.Of(("Innspill", "SFM."), ("Innspill", "SFM."), ("innspill", "SFM."))).Single();
        var block = DomainItems.Matcher.Match(Case.Of(("Innspill", "SFM. SFM. SFM."))).Single();

        Assert.Equal(block.Score, bullets.Score, 12);
        Assert.Equal(3, bullets.Evidence.Count);
    }

    [Fact]
    public void Score_follows_the_documented_formula()
    {
        var text = Case.Of(("Tittel", "SFM"), ("Bakgrunn", "SFM og SFM"), ("Forslag til vedtak", "Om SFMs plan."));

        var s = DomainItems.Matcher.Match(text).Single();

        Assert.Equal(1 - Math.Exp(-(2.0 + 0.25 * (1 + Math.Log(2)) + 1.0)), s.Score, 12);
    }

    [Fact]
    public void Equal_scores_are_ordered_by_first_appearance()
    {
        var codes = DomainItems.Matcher.Match(Case.Background("Først EHDS, så SFM, så PLL.")).Select(s => s.Code);

        Assert.Equal(["EHDS", "SFM", "PLL"], codes);
    }

    [Fact]
    public void Items_without_hits_are_not_suggested()
    {
        Assert.Empty(DomainItems.Matcher.Match(Case.Of(("Tittel", "Godkjenning av innkalling og dagsorden"), ("Vedtak", ""))));
    }

    [Fact]
    public void One_matcher_serves_many_cases_in_parallel_with_the_same_results()
    {
        var cases = Enumerable.Range(0, 200).Select(i => Case.Of(
            ("Tittel", i % 2 == 0 ? "Status for SFM" : "Felles KI-plan"),
            ("Bakgrunn", $"Sak {i}: Kjernejournalen og RF, ikke RHF. {LongBackground}"))).ToArray();
        string Describe(IReadOnlyList<MatchSuggestion> r) => string.Join(';', r.Select(s => $"{s.Code}:{s.Score:R}:{s.Evidence.Count}"));
        var sequential = cases.Select(c => Describe(DomainItems.Matcher.Match(c))).ToArray();

        var parallel = new string[cases.Length];
        Parallel.For(0, cases.Length, i => parallel[i] = Describe(DomainItems.Matcher.Match(cases[i])));

        Assert.Equal(sequential, parallel);
        Assert.StartsWith("SFM:", sequential[0], StringComparison.Ordinal);
        Assert.StartsWith("KIPLAN:", sequential[1], StringComparison.Ordinal);
    }
}
