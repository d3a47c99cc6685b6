using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;
using static Nuit.Portfolio.Tests.Meetings.SeedDocuments;

namespace Nuit.Portfolio.Tests.Meetings;

/// <summary>The agenda of NUIT 3/2024 with its cover notes, from the combined notice file.</summary>
public class AgendaParsingTests
{
    private static ParsedMeeting Agenda3 => Meeting(Agenda, "3/2024");

    [Fact]
    public void The_combined_file_yields_the_agenda_and_the_attached_minutes_and_nothing_else()
    {
        Assert.Equal(["3/2024", "2/2024"], Agenda.Meetings.Select(m => m.Number));
        Assert.Equal([DocumentKind.Agenda, DocumentKind.Minutes], Agenda.Meetings.Select(m => m.Kind));
        Assert.All(Agenda.Meetings, m => Assert.Equal(BodyCode.Nuit, m.Body));
        Assert.Empty(Agenda.Warnings);
    }

    [Fact]
    public void Meeting_head_is_read()
    {
        Assert.Equal(new DateOnly(2024, 9, 5), Agenda3.Date);
        Assert.Equal(new TimeOnly(9, 0), Agenda3.Start);
        Assert.Equal(new TimeOnly(16, 0), Agenda3.End);
        Assert.Equal("Helsedirektoratet, Verkstedveien 1, Oslo. Møterom 4117", Agenda3.Place);
        Assert.Equal(1, Agenda3.Source.FirstLine);
    }

    [Fact]
    public void Members_are_read_with_organisations_also_when_the_parenthesis_wraps()
    {
        Assert.Equal(19, Agenda3.Attendees.Count);
        Assert.All(Agenda3.Attendees, a => Assert.Equal(AttendanceRole.Member, a.Role));
        Assert.Equal(new ParsedAttendee("Mariann Hornnes", "Helsedirektoratet", AttendanceRole.Member), Agenda3.Attendees[0]);
        Assert.Contains(new ParsedAttendee("Bente Christensen", "Norsk Sykepleierforbund", AttendanceRole.Member), Agenda3.Attendees);
        Assert.Contains(new ParsedAttendee("Odd Ruud", "Moss kommune / DigiViken", AttendanceRole.Member), Agenda3.Attendees);
        Assert.Equal(new ParsedAttendee("Bodil Rabben", "Norsk helsenett SF", AttendanceRole.Member), Agenda3.Attendees[^1]);
    }

    [Fact]
    public void Cases_come_in_agenda_order_with_time_slot_and_type()
    {
        Assert.Equal(Enumerable.Range(28, 11).Select(n => $"{n}/24"), Agenda3.Cases.Select(c => c.Number.ToString()));
        Assert.Equal(Enumerable.Range(1, 11), Agenda3.Cases.Select(c => c.AgendaOrder ?? 0));
        Assert.Equal(
            ["09:00", "09:05", "09:15", "09:45", "10:40", "11:10", "12:55", "13:35", "14:25", "15:05", "15:45"],
            Agenda3.Cases.Select(c => c.TimeSlot?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(
            ["Godkjenning", "Godkjenning", "Orientering", "Drøfting", "Drøfting", "Drøfting", "Drøfting", "Drøfting", "Drøfting", "Drøfting", "Eventuelt"],
            Agenda3.Cases.Select(c => c.Type));
    }

    [Theory]
    [InlineData("29/24", "Godkjenning av referatet fra NUIT 15. mai 2024")]
    [InlineData("31/24", "Plan for realisering av Nasjonal e-helsestrategi 2025")]
    [InlineData("32/24", "Helseteknologiordningen – etablering av veilednings- og godkjenningsordning")]
    [InlineData("34/24", "Erfaringer fra Pandemien og system for infeksjonsovervåkning (NORSURV)")]
    [InlineData("36/24", "ICD-11 – En første gjennomgang")]
    [InlineData("37/24", "Foreløpig anbefaling av nasjonal håndtering av legemiddelreaksjoner")]
    [InlineData("38/24", "Eventuelt")]
    public void Titles_come_from_the_agenda_table_also_when_split_over_lines(string number, string title) =>
        Assert.Equal(title, Case(Agenda3, number).Title);

    [Fact]
    public void Proposed_decisions_are_read_and_nothing_is_invented_for_any_other_business()
    {
        Assert.Equal("NUIT godkjenner innkalling og dagsorden.", Case(Agenda3, "28/24").ProposedDecision);
        Assert.Equal("NUIT drøftet overgangen til ICD-11 og ba Helsedirektoratet ta innspill med videre i arbeidet.", Case(Agenda3, "36/24").ProposedDecision);
        Assert.Equal(
            "NUIT stiller seg bak plan for realisering av e-helsestrategien 2025, med fremlagt:\n• Endringer i veikart\n" +
            "• Plan for videreutvikling av strategiske indikatorer Innspill fra NUIT tas med i endelig Plan for realisering 2025.",
            Case(Agenda3, "31/24").ProposedDecision);
        var other = Case(Agenda3, "38/24");
        Assert.Null(other.ProposedDecision);
        Assert.Null(other.Decision);
        Assert.Null(other.Owner);
        Assert.Empty(other.Attachments);
        Assert.Empty(other.Sections);
    }

    [Fact]
    public void Attachments_are_numbered_and_titled()
    {
        Assert.Equal([new ParsedAttachment(1, "Referat fra møtet i NUIT 15. mai 2024")], Case(Agenda3, "29/24").Attachments);
        Assert.Equal([new ParsedAttachment(4, "Toppnotat Helseteknologi – etablering av veilednings- og godkjenningsordning")], Case(Agenda3, "32/24").Attachments);
        Assert.Equal([new ParsedAttachment(7, "Toppnotat Strategi for helsedata")], Case(Agenda3, "35/24").Attachments);

        var attachments = Case(Agenda3, "37/24").Attachments;
        Assert.Equal(2, attachments.Count);
        Assert.Equal(("9", 9, "Toppnotat Foreløpig reaksjoner av nasjonal håndtering av legemiddelreaksjoner"), (attachments[0].Label, attachments[0].Number, attachments[0].Title));
        Assert.Equal(("9A", 9, "Nasjonal håndtering av legemiddelreaksjoner"), (attachments[1].Label, attachments[1].Number, attachments[1].Title));
    }

    [Fact]
    public void The_agenda_text_of_a_case_is_kept_as_its_Dagsorden_section()
    {
        var section = Case(Agenda3, "30/24").Sections[0];
        Assert.Equal("Dagsorden", section.Kind);
        Assert.Equal("Helsedirektoratet vil orientere NUIT om følgende saker:\n• Hendelsen i e-resept\n• Foreldres digitale innsyn i barns pasientjournal\n• EHDS", section.Text);
        Assert.Equal(new SourceSpan(89, 101, null), section.Source);
    }

    [Theory]
    [InlineData("30/24", "Lucie Aunan", new[] { "Elin H. Kindingstad", "Norunn Saure" })]
    [InlineData("31/24", "Lucie Aunan", new[] { "Siv Ingebrigtsen" })]
    [InlineData("32/24", "Lucie Aunan", new[] { "Norunn Saure", "Thor Steffensen", "Per Ludvig Skjerven" })]
    [InlineData("33/24", "Lucie Aunan", new[] { "Norunn Saure", "Truls Losnegaard", "Henrik Linnestad", "Merete Lassen", "Erik Hedlund" })]
    [InlineData("34/24", "Trine Orten Groven", new[] { "Trine Orten Groven" })]
    [InlineData("35/24", "Christine Bergland", new[] { "Ida Møller Solheim" })]
    public void Cover_notes_give_owner_and_officers(string number, string owner, string[] officers)
    {
        var c = Case(Agenda3, number);
        Assert.Equal(owner, c.Owner);
        Assert.Equal(officers, c.Officers);
    }

    [Fact]
    public void Cover_notes_without_the_owner_box_are_matched_by_title_and_invent_no_owner()
    {
        foreach (var number in new[] { "36/24", "37/24" })
        {
            var c = Case(Agenda3, number);
            Assert.Null(c.Owner);
            Assert.Empty(c.Officers);
            Assert.Equal(["Dagsorden", "Hensikt med saken", "Bakgrunn", "Videre saksprosess"], c.Sections.Select(s => s.Kind).Take(4));
        }

        Assert.StartsWith("1. Hva er problemet, og hva skal vi oppnå? Helsepersonell trenger tilgang til informasjon om kjente legemiddelreaksjoner",
            Case(Agenda3, "37/24").Sections.Single(s => s.Kind == "Bakgrunn").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cover_note_sections_are_attached_to_their_case_and_the_owner_box_is_not_part_of_the_text()
    {
        var c = Case(Agenda3, "31/24");
        Assert.Equal(["Dagsorden", "Hensikt med saken", "Drøftingsspørsmål", "Videre saksprosess", "Vedtak fra tidligere behandlinger"], c.Sections.Select(s => s.Kind));
        Assert.Equal(
            "Forslag til oppdateringer av nasjonal e-helsestrategi (måldokumentet) vil bli behandlet i Nasjonalt e-helseråd 18. oktober.",
            c.Sections.Single(s => s.Kind == "Videre saksprosess").Text);
        Assert.All(c.Sections, s => Assert.DoesNotContain("Saksbehandler", s.Text, StringComparison.Ordinal));

        var questions = Case(Agenda3, "32/24").Sections.Single(s => s.Kind == "Drøftingsspørsmål");
        Assert.Equal(
            "• Hva er viktige hensyn som bør ivaretas i samarbeidet om veilednings- og godkjenningsordning innenfor helseteknologiområdet?”\n" +
            "• Hva bør prioriteres i en første minimumsversjon av godkjenningsordningen?",
            questions.Text);
        Assert.Equal(new SourceSpan(1304, 1315, 3), questions.Source);

        var purpose = Case(Agenda3, "30/24").Sections.Single(s => s.Kind == "Hensikt med saken");
        Assert.Equal("Helsedirektoratet ønsker å orientere NUIT om følgende saker:\n1. Hendelsen i e-resept\n2. Foreldres digitale innsyn i barns pasientjournal\n3. EHDS", purpose.Text);
    }

    [Fact]
    public void Earlier_treatments_become_references_with_dates_and_decisions()
    {
        var plan = Case(Agenda3, "31/24").References;
        Assert.Equal(["NUIT 35/23", "NUIT 52/23"], plan.Select(r => r.Case.ToString()));
        Assert.All(plan, r => Assert.Null(r.Date));
        Assert.Equal("Nasjonal e-helseportefølje – status og tiltak for 2024 for å nå mål i veikartet", plan[0].Title);
        Assert.Equal(
            "NUIT drøftet fremlagte forslag til tiltak for 2024 og anbefaler tiltakene for Nasjonalt e-helseråd med innspill fra møtet. " +
            "NUIT ba aktørene ta med seg tiltakene tilbake i egne planleggingsprosesser.",
            plan[0].DecisionText);

        var technology = Case(Agenda3, "32/24").References;
        Assert.Equal(
            [
                (new CaseKey(BodyCode.Nufa, new CaseNumber(14, 2024)), new DateOnly(2024, 4, 24)),
                (new CaseKey(BodyCode.Nufa, new CaseNumber(7, 2024)), new DateOnly(2024, 1, 24)),
                (new CaseKey(BodyCode.EHelseraad, new CaseNumber(37, 2023)), new DateOnly(2023, 12, 14)),
            ],
            technology.Select(r => (r.Case, r.Date ?? default)));
        Assert.StartsWith("Nasjonalt e-helseråd drøftet saken og ga innspill", technology[2].DecisionText, StringComparison.Ordinal);
        Assert.StartsWith("Nasjonalt e-helseråd, sak 37/23 (14.12.2023)", technology[2].RawText, StringComparison.Ordinal);

        var pandemic = Case(Agenda3, "34/24").References;
        Assert.Equal([("NUFA 4/24", new DateOnly(2024, 4, 24)), ("NUFA 21/24", new DateOnly(2024, 8, 28))], pandemic.Select(r => (r.Case.ToString(), r.Date ?? default)));
        Assert.Equal("FHIs erfaringer fra pandemien", pandemic[0].Title);

        var data = Case(Agenda3, "35/24").References;
        Assert.Equal([("NUIT 10/24", new DateOnly(2024, 2, 15)), ("Nasjonalt e-helseråd 7/24", new DateOnly(2024, 3, 21))], data.Select(r => (r.Case.ToString(), r.Date ?? default)));
        Assert.Equal("Nasjonalt e-helseråd drøftet saken og ba FHI ta med seg innspillene i det videre arbeidet.", data[1].DecisionText);

        Assert.Empty(Case(Agenda3, "36/24").References);
    }

    [Fact]
    public void Cases_without_a_cover_note_get_nothing_from_one()
    {
        foreach (var number in new[] { "28/24", "29/24" })
        {
            var c = Case(Agenda3, number);
            Assert.Null(c.Owner);
            Assert.Empty(c.References);
            Assert.DoesNotContain(c.Sections, s => s.Kind != "Dagsorden");
        }
    }
}
