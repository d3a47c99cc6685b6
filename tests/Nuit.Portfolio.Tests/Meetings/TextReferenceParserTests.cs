using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;

namespace Nuit.Portfolio.Tests.Meetings;

public class TextReferenceParserTests
{
    private static List<string> Keys(string text, int? year = null) =>
        TextReferenceParser.Find(text, year).Select(r => r.Case.ToString()).ToList();

    [Theory]
    [InlineData("Saken følger opp aksjonspunktet fra møtet i november (sak 44/24).", "NUIT 44/24")]
    [InlineData("Dette ble drøftet i NUIT-sak 9/24 i februar.", "NUIT 9/24")]
    [InlineData("Arbeidet bygger på innspill, jf. sak 27/24.", "NUIT 27/24")]
    [InlineData("NUFA drøftet dette i NUFA, sak 14/24 (24.4.2024).", "NUFA 14/24")]
    [InlineData("Behandlet i Nasjonalt e-helseråd, sak 37/23 i desember.", "Nasjonalt e-helseråd 37/23")]
    [InlineData("Se saksnr. 12/25 for bakgrunn.", "NUIT 12/25")]
    [InlineData("Videreføring av sak 39/19-2.", "NUIT 39/19-2")]
    [InlineData("Tidligere behandlet i NUIT 35/23.", "NUIT 35/23")]
    [InlineData("Nasjonalt e-\nhelseråd, sak 37/23", "Nasjonalt e-helseråd 37/23")]
    [InlineData("Sak 21/24 NUFA 28.08.24 System for infeksjonsovervåkning", "NUFA 21/24")]
    public void A_reference_in_running_text_is_found_with_its_body(string text, string expected) =>
        Assert.Equal([expected], Keys(text));

    [Fact]
    public void Several_cases_after_sakene_are_all_found() =>
        Assert.Equal(["NUIT 7/24", "NUIT 8/24", "NUIT 9/24"], Keys("Som i sakene 7/24, 8/24 og 9/24 ble det pekt på behovet."));

    [Theory]
    [InlineData("Om lag 1/3 av kommunene har tatt løsningen i bruk.")]
    [InlineData("Tjenesten må være tilgjengelig 24/7 for innbyggerne.")]
    [InlineData("Fristen er 13/2 og møtet er 05.09.2024.")]
    [InlineData("Møte 3/24 ble holdt kl. 09.00–16.00.")]
    [InlineData("Svaret kom 12/11-24, og status er 50/50.")]
    [InlineData("I 2024 ble 10/24 av søknadene innvilget.")]
    [InlineData("sak 3/05 er for gammel til å være en sak i rådsmodellen.")]
    public void Dates_fractions_times_and_bare_numbers_are_not_references(string text) =>
        Assert.Empty(Keys(text));

    [Fact]
    public void A_reference_to_a_later_year_than_the_text_is_not_taken() =>
        Assert.Empty(Keys("Se sak 4/26.", 2025));

    [Fact]
    public void The_evidence_is_the_whole_sentence_and_abbreviations_do_not_cut_it()
    {
        var r = Assert.Single(TextReferenceParser.Find("Første setning her. Saken følger opp, jf. sak 27/24, det NUIT ba om. Neste setning."));
        Assert.Equal("Saken følger opp, jf. sak 27/24, det NUIT ba om.", r.Sentence);
        Assert.Equal(new CaseKey(BodyCode.Nuit, new CaseNumber(27, 2024)), r.Case);
    }
}
