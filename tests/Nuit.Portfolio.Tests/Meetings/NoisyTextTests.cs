using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;
using static Nuit.Portfolio.Tests.Meetings.SeedDocuments;

namespace Nuit.Portfolio.Tests.Meetings;

/// <summary>What PDF conversion and web scraping do to the text, and what the parser must survive.</summary>
public class NoisyTextTests
{
    [Fact]
    public void The_agenda_on_a_single_line_gives_the_same_essentials()
    {
        var lines = Read(AgendaFile).Split('\n');
        var agendaPart = lines.TakeWhile(l => !l.Contains("Referat fra møte i NUIT", StringComparison.Ordinal)).ToList();
        Assert.Equal(284, agendaPart.Count);
        var oneLine = string.Join(" ", agendaPart);
        Assert.DoesNotContain('\n', oneLine);

        var flat = Assert.Single(MeetingDocumentParser.Parse(oneLine, "skrapet.txt").Meetings);
        var expected = Meeting(Agenda, "3/2024");

        Assert.Equal((expected.Number, expected.Date, expected.Start, expected.End, expected.Place), (flat.Number, flat.Date, flat.Start, flat.End, flat.Place));
        Assert.Equal(expected.Attendees, flat.Attendees);
        Assert.Equal(
            expected.Cases.Select(c => (c.Number, c.Title, c.Type, c.TimeSlot, c.AgendaOrder)),
            flat.Cases.Select(c => (c.Number, c.Title, c.Type, c.TimeSlot, c.AgendaOrder)));
        Assert.Equal(expected.Cases.Select(c => c.ProposedDecision), flat.Cases.Select(c => c.ProposedDecision));
        Assert.Equal(new SourceSpan(1, 1, null), flat.Source);
    }

    [Fact]
    public void Flattened_owner_table_in_a_cover_note_creates_no_case_or_meeting()
    {
        var text = """
             Møte i NUIT
            Møte 3/2024
            Dato 5. september 2024
            Sak Agenda NUIT Tidspunkt Sakstype
            31/24 Plan for realisering av Nasjonal e-helsestrategi 2025 09:45 Drøfting
            Sak Tema Sakstype
            31/24 Plan for realisering av Nasjonal e-helsestrategi 2025 Drøfting
            Forslag til vedtak:
            NUIT stiller seg bak planen.
             Plan for realisering av Nasjonal e-helsestrategi 2025
            Forslag til vedtak
            NUIT stiller seg bak planen.
            Hensikt med saken
            Drøfte planen.
            Til Dato Saksnummer Innretning Møte 3/24 05.09.2024 31/24 Drøfting
            Sakseier Saksbehandler
            Lucie Aunan
            Siv Ingebrigtsen
            Bakgrunn
            Planen oppdateres årlig.
            """;
        var set = MeetingDocumentParser.Parse(text, "flat.txt");
        var meeting = Assert.Single(set.Meetings);
        var c = Assert.Single(meeting.Cases);
        Assert.Equal(("31/24", "Lucie Aunan"), (c.Number.ToString(), c.Owner));
        Assert.Equal(["Siv Ingebrigtsen"], c.Officers);
        Assert.Equal("Drøfte planen.", c.Sections.Single(s => s.Kind == "Hensikt med saken").Text);
        Assert.Equal("Planen oppdateres årlig.", c.Sections.Single(s => s.Kind == "Bakgrunn").Text);
        Assert.Empty(set.Warnings);
    }

    [Fact]
    public void A_case_in_the_minutes_that_is_not_on_the_case_list_gives_a_warning_but_is_kept()
    {
        var text = """
            Referat fra møte i NUIT
            Møte 4/2024
            Dato 14. november 2024
            Sak Tittel på sak Sakstype
            39/24 Godkjenning av innkalling og dagsorden Godkjenning
            Sak Tema
            39/24 Godkjenning av innkalling og dagsorden
            Vedtak:
            NUIT godkjenner innkalling og dagsorden.
            40/24 Ekstra sak
            Innspill:
            ➢ Et innspill som går over
            to linjer.
            o Et annet innspill.
            """;
        var set = MeetingDocumentParser.Parse(text, "referat.txt");
        var meeting = Assert.Single(set.Meetings);
        Assert.Equal(["39/24", "40/24"], meeting.Cases.Select(c => c.Number.ToString()));
        var extra = meeting.Cases[1];
        Assert.Equal(("Ekstra sak", (string?)null), (extra.Title, extra.Type));
        Assert.Equal(["Et innspill som går over to linjer.", "Et annet innspill."], extra.Inputs);
        var warning = Assert.Single(set.Warnings);
        Assert.Equal(10, warning.Line);
        Assert.Contains("40/24", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cover_note_for_an_unknown_case_is_skipped_with_a_warning()
    {
        var text = """
             Møte i NUIT
            Møte 3/2024
            Dato 5. september 2024
            Sak Agenda NUIT Tidspunkt Sakstype
            28/24 Godkjenning av innkalling og dagsorden 09:00 Godkjenning
             Noe helt annet
            Forslag til vedtak
            NUIT tar saken til orientering.
            """;
        var set = MeetingDocumentParser.Parse(text, "x.txt");
        Assert.Null(Assert.Single(Assert.Single(set.Meetings).Cases).ProposedDecision);
        var warning = Assert.Single(set.Warnings);
        Assert.Equal(6, warning.Line);
        Assert.Contains("«Noe helt annet»", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_markers_and_urls_do_not_leak_into_text_or_shift_line_numbers()
    {
        var text = """
            Referat fra møte i NUIT
            Møte 1/2025
            Dato 13. februar 2025
            Sak Tema
            3/25 Status
            Innspill:
            • Første del av et innspill som

            side 2

            https://www.helsedirektoratet.no/om-oss
            fortsetter på neste side.
            Vedtak:
            NUIT tar saken til orientering.
            """;
        var c = Assert.Single(Assert.Single(MeetingDocumentParser.Parse(text, "x.txt").Meetings).Cases);
        Assert.Equal(["Første del av et innspill som fortsetter på neste side."], c.Inputs);
        Assert.Equal(new SourceSpan(5, 14, null), c.Source);
    }

    [Fact]
    public void Text_without_a_meeting_is_refused()
    {
        var ex = Assert.Throws<InputException>(() => MeetingDocumentParser.Parse("Dette er et notat.\nSak 31/24 nevnes, men det er ikke noe møte her.", "notat.txt"));
        Assert.StartsWith("notat.txt: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fant ingen møter", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "av de nasjonale e-", "helseløsninger" }, "av de nasjonale e-helseløsninger")]
    [InlineData(new[] { "etablering av veilednings- ", "og godkjenningsordning" }, "etablering av veilednings- og godkjenningsordning")]
    [InlineData(new[] { "fra Helse-", "og omsorgsdepartementet" }, "fra Helse- og omsorgsdepartementet")]
    [InlineData(new[] { "Nasjonalt e-", "", "helseråd 18. oktober." }, "Nasjonalt e-helseråd 18. oktober.")]
    [InlineData(new[] { "Helseteknologiordningen – ", "status" }, "Helseteknologiordningen – status")]
    public void Hyphens_at_line_ends_are_kept_and_joined_correctly(string[] lines, string expected) =>
        Assert.Equal(expected, TextJoiner.Join(lines));

    [Fact]
    public void A_stray_weekday_date_line_is_dropped_by_the_normaliser()
    {
        var lines = TextNormalizer.Normalize("11/25 Eventuelt\n Onsdag 24. januar 2024 \nSak Tema");
        Assert.Equal([(1, "11/25 Eventuelt"), (3, "Sak Tema")], lines.Select(l => (l.Number, l.Text)));
    }

    [Fact]
    public void Ligatures_from_printed_pdfs_become_their_letters() =>
        Assert.Equal("Norsk helsenett SF fikk skryt, effekt og refleksjoner", Assert.Single(TextNormalizer.Normalize("Norsk helsenett SF ﬁkk skryt, eﬀekt og reﬂeksjoner")).Text);

    [Fact]
    public void Form_feeds_give_page_numbers_and_keep_line_numbers()
    {
        var lines = TextNormalizer.Normalize("a\nb\fc\nd");
        Assert.Equal([(1, "a", 1), (2, "b", 1), (3, "c", 2), (4, "d", 2)], lines.Select(l => (l.Number, l.Text, l.Page ?? 0)));
    }

    [Fact]
    public void A_reference_key_split_over_lines_is_still_recognised()
    {
        var refs = ReferenceParser.Parse(["Nasjonalt e-helseråd, ", "sak 37/23 ", "(14.12.2023) ", "Tittel", "Nasjonalt e-helseråd drøftet saken."]);
        var r = Assert.Single(refs);
        Assert.Equal((new CaseKey(BodyCode.EHelseraad, new CaseNumber(37, 2023)), new DateOnly(2023, 12, 14), "Tittel", "Nasjonalt e-helseråd drøftet saken."),
            (r.Case, r.Date!.Value, r.Title, r.DecisionText));
    }
}
