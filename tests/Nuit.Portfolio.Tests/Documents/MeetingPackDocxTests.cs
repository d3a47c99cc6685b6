using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings.Parsing;
using Nuit.Portfolio.Features.Meetings.Planning;
using Nuit.Portfolio.Files.Documents;

namespace Nuit.Portfolio.Tests.Documents;

public class MeetingPackDocxTests
{
    private static readonly MeetingPack Pack = new("NUIT", "3/2025", new DateOnly(2025, 9, 4), new TimeOnly(9, 0), new TimeOnly(15, 0),
        "Helsedirektoratet, Oslo", Planned: true,
        [
            new PackCase("20/25", "Godkjenning av referatet fra NUIT 13. februar 2025", "Godkjenning", new TimeOnly(9, 0), null, [],
                "NUIT godkjenner referatet fra møtet 13. februar 2025.", [], []),
            new PackCase("21/25", "Oppfølging av aksjonspunkter", "Orientering", new TimeOnly(9, 10), null, [],
                "NUIT tar oppfølgingen av aksjonspunktene til orientering.",
                [new PackSection(CoverNoteHeadings.Background, "Åpne aksjonspunkter (1, av dem 1 forfalt):\n• Forfalt aksjonspunkt fra NUIT 5/25 (13.2.2025), NHN, frist 1.6.2025: NHN kommer tilbake med en plan.")], []),
            new PackCase("22/25", "Sentral forskrivningsmodul – videre innføring", "Drøfting", new TimeOnly(9, 40), "NHN", ["SFM"], null,
                [
                    new PackSection(CoverNoteHeadings.Purpose, "NHN ønsker å drøfte den videre innføringen."),
                    new PackSection(CoverNoteHeadings.Background, "• SFM Sentral forskrivningsmodul: status 2025-Q2 Gul – forsinket."),
                ],
                [new PackReference("NUIT 31/24 (5.9.2024) Plan for realisering av Nasjonal e-helsestrategi 2025", "NUIT tok planen til orientering.")]),
        ]);

    [Fact]
    public void The_pack_reads_back_as_the_same_meeting_and_cases_through_the_word_import()
    {
        var bytes = MeetingPackDocx.Write(Pack);

        var parsed = MeetingDocumentParser.Parse(DocxTextReader.Read(bytes, "pakke.docx"), "pakke.docx");

        var meeting = Assert.Single(parsed.Meetings);
        Assert.Equal(("3/2025", new DateOnly(2025, 9, 4), "Helsedirektoratet, Oslo"), (meeting.Number, meeting.Date, meeting.Place));
        Assert.Equal(new TimeOnly(9, 0), meeting.Start);
        Assert.Equal(DocumentKind.Agenda, meeting.Kind);
        Assert.Equal(Pack.Cases.Select(c => (c.Number, c.Title, c.Type, c.TimeSlot)),
            meeting.Cases.Select(c => (c.Number.ToString(), c.Title, c.Type, c.TimeSlot)));
        var sfm = meeting.Cases[2];
        Assert.Equal("NHN", sfm.Owner);
        Assert.Equal("NHN ønsker å drøfte den videre innføringen.", sfm.Sections.Single(s => s.Kind == "Hensikt med saken").Text);
        var reference = Assert.Single(sfm.References);
        Assert.Equal((new CaseKey(BodyCode.Nuit, new CaseNumber(31, 2024)), new DateOnly(2024, 9, 5), "NUIT tok planen til orientering."),
            (reference.Case, reference.Date, reference.DecisionText));
        Assert.Equal("NUIT tar oppfølgingen av aksjonspunktene til orientering.", meeting.Cases[1].ProposedDecision);
        Assert.Contains("NHN kommer tilbake med en plan.", meeting.Cases[1].Sections.Single(s => s.Kind == "Bakgrunn").Text, StringComparison.Ordinal);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void The_agenda_is_a_table_and_each_case_has_a_cover_note_with_the_councils_headings()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(MeetingPackDocx.Write(Pack)), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var agenda = body.Elements<Table>().First();
        var rows = agenda.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["Sak", "Agenda NUIT", "Tidspunkt", "Sakstype"], rows[0]);
        Assert.Equal(["22/25", "Sentral forskrivningsmodul – videre innføring", "09:40", "Drøfting"], rows[3]);

        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(3, paragraphs.Count(p => p.StartsWith("Toppnotat ", StringComparison.Ordinal)));
        foreach (var heading in CoverNoteHeadings.All) Assert.Equal(3, paragraphs.Count(p => p == heading));
        Assert.Contains("Dato 4. september 2025", paragraphs);
    }
}
