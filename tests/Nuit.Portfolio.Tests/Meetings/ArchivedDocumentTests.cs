using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Meetings.Parsing;
using static Nuit.Portfolio.Tests.Meetings.SeedDocuments;

namespace Nuit.Portfolio.Tests.Meetings;

/// <summary>
/// Documents as they are found in archives and as the council writes them (issue 17): headers damaged by PDF
/// extraction, case lists run together on one line, and Word files. The 2019 agenda below is constructed for the
/// tests in the shape of archived NUIT agendas; its titles are not quoted from a real document.
/// </summary>
public class ArchivedDocumentTests
{
    private const string DamagedAgenda = """
         Møte i NUIT
        Møte 2/
        Dato 27. mai 19
        Tid Kl. 10.00 – 15.00
        Sted Oslo
        Sak 12/19 Godkjenning av innkalling og dagsorden Godkjenning Sak 13/19 Godkjenning av referat fra møte 1/2019 Godkjenning Sak 14/19 Orientering om porteføljen Orientering Sak 15/19 Prioritering av nasjonale tiltak 2020 Drøfting Sak 16/19 Eventuelt
        """;

    private static readonly (string Number, string Title, string? Type)[] DamagedCases =
    [
        ("12/19", "Godkjenning av innkalling og dagsorden", "Godkjenning"),
        ("13/19", "Godkjenning av referat fra møte 1/2019", "Godkjenning"),
        ("14/19", "Orientering om porteføljen", "Orientering"),
        ("15/19", "Prioritering av nasjonale tiltak 2020", "Drøfting"),
        ("16/19", "Eventuelt", "Eventuelt"),
    ];

    [Fact]
    public void A_damaged_head_and_a_case_list_on_one_line_are_read()
    {
        var meeting = Assert.Single(MeetingDocumentParser.Parse(DamagedAgenda, "arkiv.txt").Meetings);
        Assert.Equal(("2/2019", new DateOnly(2019, 5, 27), new TimeOnly(10, 0)), (meeting.Number, meeting.Date, meeting.Start!.Value));
        Assert.Equal(DamagedCases, meeting.Cases.Select(c => (c.Number.ToString(), c.Title, c.Type)));
    }

    [Theory]
    [InlineData("Møte 2/2019", "Dato 27.05.2019")]
    [InlineData("Møte 2/19", "Dato 27. mai 2019")]
    [InlineData("Møte 2/\n2019", "Dato 27. mai")]
    public void Damaged_numbers_and_dates_are_completed_from_each_other(string number, string date)
    {
        var text = DamagedAgenda.Replace("Møte 2/\n", number + "\n", StringComparison.Ordinal).Replace("Dato 27. mai 19", date, StringComparison.Ordinal);
        var meeting = Assert.Single(MeetingDocumentParser.Parse(text, "arkiv.txt").Meetings);
        Assert.Equal(("2/2019", new DateOnly(2019, 5, 27), 5), (meeting.Number, meeting.Date, meeting.Cases.Count));
    }

    [Fact]
    public void A_missing_date_is_named_and_then_taken_from_the_user()
    {
        var text = DamagedAgenda.Replace("Dato 27. mai 19\n", "", StringComparison.Ordinal);
        var ex = Assert.Throws<InputException>(() => MeetingDocumentParser.Parse(text, "arkiv.txt"));
        Assert.Equal("arkiv.txt, linje 2: Møte 2/2019: fant ikke datoen (ventet «Dato 27. mai 2019»). Ingenting er lagret. Oppgi det som mangler: "
            + "nuit import FIL --meeting 2/2019 --date 2019-05-27, eller feltene Møte og Dato i forhåndsvisningen på importsiden.", ex.Message);

        var meeting = Assert.Single(MeetingDocumentParser.Parse(text, "arkiv.txt", MeetingHint.From(null, new DateOnly(2019, 5, 27))).Meetings);
        Assert.Equal(("2/2019", new DateOnly(2019, 5, 27), 5), (meeting.Number, meeting.Date, meeting.Cases.Count));
    }

    [Fact]
    public void Without_any_head_the_users_meeting_and_date_make_the_meeting()
    {
        var text = string.Join('\n', DamagedAgenda.Split('\n').Skip(3));
        Assert.Contains("Fant ingen møter", Assert.Throws<InputException>(() => MeetingDocumentParser.Parse(text, "arkiv.txt")).Message, StringComparison.Ordinal);

        var set = MeetingDocumentParser.Parse(text, "arkiv.txt", MeetingHint.From("2/2019", new DateOnly(2019, 5, 27)));
        var meeting = Assert.Single(set.Meetings);
        Assert.Equal(("2/2019", new DateOnly(2019, 5, 27)), (meeting.Number, meeting.Date));
        Assert.Equal(DamagedCases, meeting.Cases.Select(c => (c.Number.ToString(), c.Title, c.Type)));
    }

    [Fact]
    public void What_the_document_says_wins_over_the_hint_with_a_warning()
    {
        var set = MeetingDocumentParser.Parse(DamagedAgenda, "arkiv.txt", MeetingHint.From("3/2019", new DateOnly(2019, 9, 1)));
        Assert.Equal("2/2019", Assert.Single(set.Meetings).Number);
        Assert.Equal(2, set.Warnings.Count(w => w.Message.Contains("er ikke brukt", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_short_meeting_number_in_a_cover_note_table_starts_no_meeting() =>
        Assert.Equal(["3/2024", "2/2024"], Agenda.Meetings.Select(m => m.Number));

    [Fact]
    public void Text_that_belongs_to_no_case_is_shown_with_its_lines()
    {
        var text = DamagedAgenda + "\n\nSekretariatet minner om at dokumentene er offentlige.\nSe nettsidene.\n";
        var set = MeetingDocumentParser.Parse(text, "arkiv.txt");
        var stretch = Assert.Single(set.Unassigned);
        Assert.Equal((8, 9, "Sekretariatet minner om at dokumentene er offentlige. Se nettsidene."), (stretch.FirstLine, stretch.LastLine, stretch.Text));
    }

    [Theory]
    [InlineData(AgendaFile)]
    [InlineData(MinutesFile)]
    public void Every_line_of_the_seed_documents_belongs_to_a_meeting_a_case_or_a_cover_note(string file)
    {
        var set = file == AgendaFile ? Agenda : Minutes2025;
        Assert.True(set.Unassigned.Count == 0, string.Join("\n", set.Unassigned.Select(u => $"{u.FirstLine}–{u.LastLine}: {u.Text}")));
    }

    [Theory]
    [InlineData(AgendaFile)]
    [InlineData(MinutesFile)]
    public void A_word_file_of_a_seed_document_gives_the_same_meetings_and_cases(string file)
    {
        var docx = WordDocuments.FromLines(Read(file).Split('\n').Select(l => l.TrimEnd('\r')));
        var text = DocumentReader.ReadText(docx, Path.ChangeExtension(file, ".docx"));
        ParsedDifferences.AssertSame(file == AgendaFile ? Agenda : Minutes2025, MeetingDocumentParser.Parse(text, file));
    }

    [Fact]
    public void A_word_agenda_with_its_case_list_as_a_table_and_inputs_as_a_list_is_read()
    {
        var docx = WordDocuments.FromLines([
            " Møte i NUIT", "Møte 2/2019", "Dato 27. mai 2019", "Sted Oslo",
            "Sak | Agenda NUIT | Tidspunkt | Sakstype",
            .. DamagedCases.Select((c, i) => $"{c.Number} | {c.Title} | {10 + i}:00 | {(c.Type == "Eventuelt" ? "" : c.Type)}"),
        ]);
        var meeting = Assert.Single(MeetingDocumentParser.Parse(DocumentReader.ReadText(docx, "arkiv.docx"), "arkiv.docx").Meetings);
        Assert.Equal(DamagedCases, meeting.Cases.Select(c => (c.Number.ToString(), c.Title, c.Type)));
        Assert.Equal(new TimeOnly(12, 0), meeting.Cases[2].TimeSlot);

        var flattened = MeetingDocumentParser.Parse(DamagedAgenda, "arkiv.txt");
        Assert.Equal(flattened.Meetings[0].Cases.Select(c => (c.Number, c.Title, c.Type)), meeting.Cases.Select(c => (c.Number, c.Title, c.Type)));
    }

    [Fact]
    public void An_old_binary_word_file_is_refused_with_what_to_do()
    {
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText(ole, "gammel.doc"));
        Assert.Equal("gammel.doc: Det gamle Word-formatet (.doc) leses ikke. Ingenting er lagret. Lagre dokumentet som .docx eller PDF, og prøv igjen.", ex.Message);
    }
}
