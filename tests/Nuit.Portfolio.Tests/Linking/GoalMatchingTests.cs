using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Tests.Linking;

/// <summary>Goals and sub-goals: full names, curated aliases and narrow code forms only.</summary>
public class GoalMatchingTests
{
    [Theory]
    [InlineData("Tiltaket støtter aktiv medvirkning i egen og næres helse.", "M1")]
    [InlineData("Tiltaket gir en enklere\narbeidshverdag for helsepersonell.", "M2")]
    [InlineData("Innbyggere skal ha tilgang på velferdsteknologi og digital hjemmeoppfølging i kommunene.", "1B")]
    public void Full_names_match_as_phrases(string text, string code)
    {
        Assert.Contains(code, Case.DecisionCodes(text));
    }

    [Theory]
    [InlineData("Helse og omsorg er viktig for innbyggere og helsedata.")]
    [InlineData("Medvirkning er viktig, og arbeidshverdagen er travel.")]
    [InlineData("Samarbeid og virkemidler er tema.")]
    public void Generic_words_from_goal_names_do_not_match(string text)
    {
        Assert.Empty(Case.MatchDecision(text));
    }

    [Theory]
    [InlineData("Områdeplanen operasjonaliserer mål 1 i e-helsestrategien.", "M1")]
    [InlineData("Mål 2 har mer aktivitet for prehospital kjede.", "M2")]
    [InlineData("Indikatoren hører under M1.", "M1")]
    [InlineData("Delmål om kunstig intelligens under strategisk mål 3 er utvidet.", "M3")]
    [InlineData("Dette gjelder delmål 1A i veikartet.", "1A")]
    [InlineData("Dette gjelder delmål 1 A i veikartet.", "1A")]
    [InlineData("Dette gjelder Delmål 1b i veikartet.", "1B")]
    public void Code_references_in_the_agreed_forms(string text, string code)
    {
        Assert.Equal([code], Case.DecisionCodes(text));
        Assert.Equal(code, Case.MatchDecision(text).Single().Evidence.Single().MatchedAlias);
    }

    [Theory]
    [InlineData("Mål 1: Data og statistikk skal raskt ut, med delmål:")]   // FHI's own goals (NUIT 35/24)
    [InlineData("Aktuelle tiltak for å gå i retning av mål 1:  ")]
    [InlineData("Vi har 11 delmål. Delmål 1 er nytt.")]
    [InlineData("mål 12 og mål 1.5 og mål 1-3 og mål 1–3")]
    [InlineData("Bruker m1 og M12 og EM1 og M1A.")]
    [InlineData("Kapittel 1A handler om noe annet; se punkt 1B.")]
    [InlineData("Målet 1 er uklart, og delmålet 1A også.")]
    [InlineData("Delmål 1A: Innbygger har mulighet")]
    public void Other_numbers_and_headings_are_not_goal_references(string text)
    {
        Assert.Empty(Case.MatchDecision(text));
    }

    [Fact]
    public void A_sub_goal_reference_is_not_also_a_goal_reference()
    {
        Assert.Equal(["1A"], Case.DecisionCodes("I delmål 1A inngår Helsenorge-tjenester.").Where(c => c != "HELSENORGE"));
    }

    [Fact]
    public void Only_the_first_goal_in_a_list_is_found()
    {
        Assert.Equal(["M1"], Case.DecisionCodes("Nytte hentes ut gjennom mål 1, 2 og 3."));
    }

    [Fact]
    public void A_lone_code_reference_in_background_is_below_the_minimum_but_counts_in_a_decision()
    {
        Assert.Empty(DomainItems.Matcher.Match(Case.Of(("Bakgrunn", "Dette hører til mål 2."))));

        var s = DomainItems.Matcher.Match(Case.Of(("Vedtak", "Tiltaket hører til mål 2."))).Single();
        Assert.Equal(("M2", MatchItemKind.Goal), (s.Code, s.Kind));
        Assert.Equal(1 - Math.Exp(-0.5), s.Score, 12);
    }

    [Fact]
    public void Curated_goal_aliases_are_matched()
    {
        var matcher = new AliasMatcher([new("5A", MatchItemKind.SubGoal, "Delmål 5A", ["EHDS-tilpasning", "europeisk helsedataområde"])]);

        var s = matcher.Match(Case.Of(("Tittel", "Status for EHDS-tilpasningen"))).Single();

        Assert.Equal("EHDS-tilpasning", s.Evidence.Single().MatchedAlias);
    }

    [Fact]
    public void Codes_of_other_kinds_are_not_matched()
    {
        var matcher = new AliasMatcher(
        [
            new("KIPLAN", MatchItemKind.Initiative, "Felles KI-plan", []),
            new("M1", MatchItemKind.Indicator, "Andel innbyggere med digital kontakt", []),
        ]);

        Assert.Empty(matcher.Match(Case.Of(("Vedtak", "KIPLAN og M1 og mål 1."))));
        Assert.Equal(MatchItemKind.Indicator, matcher.Match(Case.Background("Andel innbyggere med digital kontakt øker.")).Single().Kind);
    }
}
