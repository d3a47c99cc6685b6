using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Tests.Linking;

public class AliasRulesTests
{
    [Fact]
    public void The_domain_alias_set_is_valid()
    {
        Assert.Empty(AliasRules.Validate(DomainItems.All));
    }

    [Theory]
    [InlineData("kjernejournal")]
    [InlineData("KJERNEJOURNAL")]
    [InlineData(" Kjernejournal ")]
    public void An_alias_used_by_another_item_collides_case_insensitively(string alias)
    {
        var items = DomainItems.Initiatives.Append(new MatchItem("NY", MatchItemKind.Initiative, "Ny løsning", [alias]));

        var problem = Assert.Single(AliasRules.Validate(items));

        Assert.Contains("KJERNEJOURNAL, NY", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Hyphen_and_space_variants_collide_and_so_do_names()
    {
        var items = new MatchItem[]
        {
            new("A", MatchItemKind.Initiative, "Felles KI-plan", []),
            new("B", MatchItemKind.Indicator, "Indikator", ["felles ki plan"]),
            new("C", MatchItemKind.Goal, "Enklere arbeidshverdag", ["KI\u2011plan"]),
            new("D", MatchItemKind.SubGoal, "Delmål", ["KI-plan"]),
        };

        Assert.Equal(
            [
                "Aliaset «Felles KI-plan» brukes av flere elementer: A, B. Saker som nevner det, ville bli koblet til alle.",
                "Aliaset «KI\u2011plan» brukes av flere elementer: C, D. Saker som nevner det, ville bli koblet til alle.",
            ],
            AliasRules.Validate(items));
    }

    [Fact]
    public void The_same_alias_twice_on_one_item_is_not_a_problem()
    {
        Assert.Empty(AliasRules.Validate([new MatchItem("KIPLAN", MatchItemKind.Initiative, "Felles KI-plan", ["KI-plan", "KI plan", "ki-plan"])]));
    }

    [Fact]
    public void Empty_and_too_short_aliases_are_reported()
    {
        var items = new MatchItem[] { new("SFM", MatchItemKind.Initiative, "Sentral forskrivningsmodul", ["", "  ", "S", "-", "11", "SF"]) };

        Assert.Equal(
            [
                "SFM: et alias er tomt.",
                "SFM: et alias er tomt.",
                "SFM: aliaset «S» er for kort; det må ha minst 2 bokstaver eller sifre.",
                "SFM: aliaset «-» er for kort; det må ha minst 2 bokstaver eller sifre.",
                "SFM: aliaset «11» må inneholde minst én bokstav.",
            ],
            AliasRules.Validate(items));
    }

    [Fact]
    public void Missing_and_repeated_codes_are_reported()
    {
        var items = new MatchItem[]
        {
            new("", MatchItemKind.Initiative, "Uten kode", []),
            new("M1", MatchItemKind.Goal, "Mål en", []),
            new("M1", MatchItemKind.Goal, "Mål to", []),
            new("M1", MatchItemKind.Indicator, "Indikator med samme kode, annen type", []),
        };

        Assert.Equal(["Koden «M1» er brukt på flere elementer av samme type.", "«Uten kode» mangler kode."], AliasRules.Validate(items));
    }

    [Fact]
    public void The_matcher_skips_what_the_rules_reject()
    {
        var matcher = new AliasMatcher([new("X", MatchItemKind.Initiative, "", ["", "S", "-", "11"])]);

        Assert.Empty(matcher.Match(Case.Background("S - 11 og X")));
    }
}
