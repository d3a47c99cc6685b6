using Nuit.Portfolio.Features.Linking.Matching;

namespace Nuit.Portfolio.Tests.Linking;

/// <summary>Which written forms of an alias count as a hit.</summary>
public class AliasMatcherFormsTests
{
    [Theory]
    [InlineData("Status for legemiddellisten i kommunene.", "PLL", "pasientens legemiddelliste", false)]
    [InlineData("Erfaringer med pasientens legemiddelliste i Bergen.", "PLL", "pasientens legemiddelliste", true)]
    [InlineData("Helsenorges rolle for innbyggerne.", "HELSENORGE", "Helsenorge", true)]
    [InlineData("Kjernejournalen har kritisk info.", "KJERNEJOURNAL", "Kjernejournal", true)]
    public void Inflected_forms_from_the_issue(string text, string code, string alias, bool expected)
    {
        var hit = Case.Match(text).SingleOrDefault(s => s.Code == code);

        Assert.Equal(expected, hit is not null);
        if (expected) Assert.Equal(alias, hit!.Evidence.Single().MatchedAlias);
    }

    [Fact]
    public void Legemiddellisten_matches_an_alias_legemiddelliste()
    {
        var matcher = new AliasMatcher([new("PLL", MatchItemKind.Initiative, "Pasientens legemiddelliste", ["legemiddelliste"])]);

        var evidence = Assert.Single(Assert.Single(matcher.Match(Case.Background("Status for legemiddellisten i kommunene."))).Evidence);

        Assert.Equal("legemiddelliste", evidence.MatchedAlias);
        Assert.Equal("legemiddellisten".Length, evidence.Length);
    }

    [Theory]
    [InlineData("Kjernejournalen", "-en")]
    [InlineData("pasientens prøvesvaret", "-et")]
    [InlineData("pasientens legemiddellista", "-a after a dropped e")]
    [InlineData("Kjernejournaler", "-er")]
    [InlineData("Kjernejournalene", "-ene")]
    [InlineData("Helsenorges", "-s")]
    [InlineData("Kjernejournalens", "-ens")]
    [InlineData("pasientens prøvesvarets", "-ets")]
    [InlineData("pasientens legemiddellisten", "-n")]
    [InlineData("pasientens legemiddellistens", "-ns")]
    [InlineData("pasientens legemiddellister", "-r")]
    [InlineData("pasientens legemiddellistene", "-ne")]
    [InlineData("infeksjonsovervåkinga", "-a")]
    [InlineData("Kjernejournale", "-e")]
    [InlineData("KI-planen", "-en on a hyphenated alias")]
    [InlineData("Reseptformidlerens", "-s on an alias that is already definite")]
    public void Each_inflection_suffix_is_a_hit(string text, string suffix)
    {
        var sentence = $"Vi så på {text} i går.";

        var evidence = Assert.Single(Assert.Single(Case.Match(sentence)).Evidence);

        Assert.True(evidence.Position == 9 && evidence.Length == text.Length, $"{text} ({suffix}): hit at {evidence.Position}, length {evidence.Length}");
    }

    [Theory]
    [InlineData("PASIENTENS PRØVESVAR", "PROVESVAR")]
    [InlineData("Pasientens Prøvesvar", "PROVESVAR")]
    [InlineData("DET EUROPEISKE HELSEDATAOMRÅDET", "EHDS")]
    [InlineData("Digital Hjemmeoppfølging", "DHO")]
    public void Case_folding_covers_Norwegian_letters(string text, string code)
    {
        Assert.Equal([code], Case.Codes($"Om {text}."));
    }

    [Theory]
    [InlineData("Helsenorgeappen")]        // closed compound: not matched, by decision
    [InlineData("Kjernejournalsystemet")]
    [InlineData("e-reseptkjeden")]         // known miss, see AliasMatcher
    [InlineData("Kjernejournalenes2")]     // a digit continues the word
    public void Closed_compounds_and_unknown_endings_are_not_hits(string text)
    {
        Assert.Empty(Case.Match($"Vi så på {text} i går."));
    }

    [Theory]
    [InlineData("SFM")]
    [InlineData("sfm")]
    [InlineData("Sfm")]
    [InlineData("SFMs")]
    [InlineData("SFM-en")]
    [InlineData("SFM-modulen")]
    [InlineData("(SFM)")]
    public void Three_letter_abbreviation_in_any_case_and_with_genitive_or_hyphen(string text)
    {
        var suggestion = Assert.Single(Case.Match($"Status for {text} i høst."));

        Assert.Equal("SFM", suggestion.Code);
        Assert.Equal("SFM", suggestion.Evidence.Single().MatchedAlias);
    }

    [Theory]
    [InlineData("SFMen")]
    [InlineData("SFMS")]
    [InlineData("XSFM")]
    [InlineData("SFM2")]
    public void Abbreviation_takes_no_other_ending_and_stays_a_whole_word(string text)
    {
        Assert.Empty(Case.Match($"Status for {text} i høst."));
    }

    [Theory]
    [InlineData("Data ligger i RF.", new[] { "ERESEPT" })]
    [InlineData("Data ligger i RFs database.", new[] { "ERESEPT" })]
    [InlineData("Helse Vest RHF er med.", new string[0])]
    [InlineData("Alle RHF-ene er med.", new string[0])]
    [InlineData("Data ligger i rf.", new string[0])]
    [InlineData("Data ligger i Rf.", new string[0])]
    [InlineData("Mellom RF og KJ.", new[] { "ERESEPT", "KJERNEJOURNAL" })]
    [InlineData("Vi skal KJØPE nytt.", new string[0])]
    [InlineData("ÆRF og RFØ er ikke ord.", new string[0])]
    [InlineData("Avtalen om kjøp gjelder.", new string[0])]
    [InlineData("Se kj. 4 og KJ.", new[] { "KJERNEJOURNAL" })]
    public void Two_letter_abbreviations_only_in_capitals_and_whole_words(string text, string[] expected)
    {
        Assert.Equal(expected.Order(), Case.Codes(text).Order());
    }

    [Theory]
    [InlineData("Felles KI-plan")]
    [InlineData("KI-plan")]
    [InlineData("KI plan")]
    [InlineData("KI\u2011plan")]   // non-breaking hyphen
    [InlineData("KI\u2010plan")]   // Unicode hyphen
    [InlineData("KI\u00ADplan")]   // soft hyphen
    [InlineData("KI-\nplan")]      // PDF line break after the hyphen
    [InlineData("KI- \r\nplan")]
    [InlineData("KI\nplan")]
    [InlineData("ki-plan")]
    [InlineData("Felles\nKI-\nplanen")]
    public void Hyphen_and_whitespace_variants_are_one_alias(string text)
    {
        var suggestion = Assert.Single(Case.Match($"Arbeidet med {text} fortsetter."));

        Assert.Equal("KIPLAN", suggestion.Code);
        var evidence = Assert.Single(suggestion.Evidence);   // "Felles KI-plan" is one hit, not also a "KI-plan" hit
        Assert.Equal(text.Length, evidence.Length);
    }

    [Fact]
    public void The_longest_alias_is_reported()
    {
        var evidence = Case.Match("Felles KI-plan og KI plan").Single().Evidence;

        Assert.Equal(["Felles KI-plan", "KI-plan"], evidence.Select(e => e.MatchedAlias));
    }

    [Theory]
    [InlineData("Overgangen til ICD-11.", "ICD-11")]
    [InlineData("Overgangen til icd-11.", "ICD-11")]
    [InlineData("Overgangen til ICD 11.", "ICD-11")]
    [InlineData("Overgangen til ICD11.", "ICD-11")]
    [InlineData("Overgangen til ICD\u201311.", "ICD-11")]
    [InlineData("WHO: International Classification of Diseases 11th Revision.", "International Classification of Diseases 11th Revision")]
    [InlineData("the international classification\nof diseases 11th\nrevision", "International Classification of Diseases 11th Revision")]
    [InlineData("Overgang til ICD-11 er krevende.", "Overgang til ICD-11")]
    public void ICD11_by_code_and_english_name(string text, string alias)
    {
        var suggestion = Assert.Single(Case.Match(text));

        Assert.Equal("ICD11", suggestion.Code);
        Assert.Equal(alias, suggestion.Evidence.Single().MatchedAlias);
    }

    [Theory]
    [InlineData("Vi bruker ICD-10 i dag.")]
    [InlineData("Kodeverket ICD-110 finnes ikke.")]
    public void Other_ICD_versions_are_not_ICD11(string text)
    {
        Assert.DoesNotContain("ICD11", Case.Codes(text));
    }

    [Fact]
    public void Phrases_may_break_across_lines()
    {
        var text = "etablere en veilednings- og\ngodkjenningsordning for\nhelseteknologi, som del av";

        var evidence = Case.Match(text).Single(s => s.Code == "HTO").Evidence.Single();

        Assert.Equal("godkjenningsordning for helseteknologi", evidence.MatchedAlias);
        Assert.Equal(text.IndexOf("godkjenningsordning", StringComparison.Ordinal), evidence.Position);
    }

    [Theory]
    [InlineData("Løsningen på https://www.ehelse.no/e-resept-og-sfm/kjernejournal er ny.")]
    [InlineData("Les mer på www.helsenorge.no om dette.")]
    [InlineData("Se helsenorge.no/kjernejournal for detaljer.")]
    [InlineData("Se https://www.helsedirektoratet.no/tema/helsenorge.no/sfm-pll for detaljer.")]
    [InlineData("Skriv til post@helsenorge.no i dag.")]
    [InlineData("Se http://example.org/?q=Kjernejournal+RF")]
    public void Nothing_inside_URLs_or_addresses(string text)
    {
        Assert.Empty(Case.Match(text));
    }

    [Fact]
    public void A_bare_domain_in_prose_is_an_alias_and_the_prose_around_a_URL_still_counts()
    {
        var text = "Samtykke i helsenorge.no. Se https://www.ehelse.no/sfm, der SFM er omtalt.";

        var found = Case.Match(text).ToDictionary(s => s.Code);

        var helsenorge = Assert.Single(found["HELSENORGE"].Evidence);
        Assert.Equal("helsenorge.no", helsenorge.MatchedAlias);
        Assert.Equal(text.IndexOf("helsenorge.no", StringComparison.Ordinal), helsenorge.Position);
        Assert.Equal(text.LastIndexOf("SFM", StringComparison.Ordinal), Assert.Single(found["SFM"].Evidence).Position);
        Assert.Equal(2, found.Count);
    }

    [Theory]
    [InlineData("Økt bruk av hjemmesykehuset.", true)]
    [InlineData("Hjemmesykehusene vokser.", true)]
    [InlineData("Fjernhjemmesykehus er nytt.", false)]   // æøå-free prefix: plain letter boundary
    [InlineData("Værhjemmesykehus er nytt.", false)]
    [InlineData("Ærlig talt: infeksjonsovervåkingen.", true)]
    [InlineData("Nyinfeksjonsovervåking.", false)]
    [InlineData("Åinfeksjonsovervåking.", false)]        // å before the alias is a letter
    [InlineData("infeksjonsovervåkingø", false)]         // ø after the alias is a letter
    public void Norwegian_letters_are_word_characters(string text, bool expected)
    {
        Assert.Equal(expected, Case.Match(text).Count == 1);
    }
}
