using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nuit.Portfolio.Features.Meetings.Planning;

namespace Nuit.Portfolio.Files.Documents;

/// <summary>
/// Writes a meeting pack as a Word document in the council's layout: the notice ("Møte i NUIT", Møte, Dato, Tid, Sted),
/// the agenda table (Sak, Agenda, Tidspunkt, Sakstype) and one cover note per case on its own page (title, "Forslag til
/// vedtak", the box Til/Dato/Saksnummer/Innretning, Sakseier, then the five headings). The layout is exactly what the
/// Word import reads (DocxTextReader: a paragraph is a line, a table row one line), so the file imports back to the same
/// cases. Pure: model in, bytes out.
/// </summary>
public static class MeetingPackDocx
{
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");

    public static byte[] Write(MeetingPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"{pack.Body} møte {pack.Number}{(pack.Planned ? " – utkast" : "")}";
            document.PackageProperties.Language = "nb-NO";
            var body = new Body();
            WriteNotice(body, pack);
            foreach (var c in pack.Cases) WriteCoverNote(body, pack, c);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static void WriteNotice(Body body, MeetingPack pack)
    {
        body.Append(Line($"Møte i {pack.Body}", bold: true, size: 32));
        body.Append(Line($"Møte {pack.Number}", bold: true, size: 28));
        body.Append(Line($"Dato {pack.Date.ToString("d. MMMM yyyy", Norwegian)}"));
        if (pack.Start is { } start)
            body.Append(Line(pack.End is { } end ? $"Tid Kl. {Clock(start)} – {Clock(end)}" : $"Tid Kl. {Clock(start)}"));
        if (!string.IsNullOrWhiteSpace(pack.Place)) body.Append(Line($"Sted {pack.Place}"));
        body.Append(Line(""));

        var agenda = Grid([900, 5600, 1200, 1900]);
        agenda.Append(Row(["Sak", $"Agenda {pack.Body}", "Tidspunkt", "Sakstype"], bold: true));
        foreach (var c in pack.Cases)
            agenda.Append(Row([c.Number, c.Title, c.TimeSlot is { } t ? Clock(t) : "", c.Type ?? ""]));
        body.Append(agenda);
    }

    private static void WriteCoverNote(Body body, MeetingPack pack, PackCase c)
    {
        // Each cover note starts on a new page; the title line above a bare "Forslag til vedtak" is what marks a cover note.
        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        body.Append(Line($"Toppnotat {c.Title}", bold: true, size: 28));
        body.Append(Line("Forslag til vedtak", bold: true));
        foreach (var p in Paragraphs(c.ProposedDecision)) body.Append(Line(p));

        var box = Grid([2400, 2400, 2400, 2400]);
        box.Append(Row(["Til", "Dato", "Saksnummer", "Innretning"], bold: true));
        box.Append(Row([$"Møte {ShortNumber(pack.Number)}", pack.Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture), c.Number, c.Type ?? ""]));
        body.Append(box);
        if (!string.IsNullOrWhiteSpace(c.Owner))
        {
            var people = Grid([4800, 4800]);
            people.Append(Row(["Sakseier", "Saksbehandler"], bold: true));
            people.Append(Row([c.Owner, ""]));
            body.Append(people);
        }

        foreach (var heading in CoverNoteHeadings.All)
        {
            body.Append(Line(heading, bold: true, size: 26));
            if (heading == CoverNoteHeadings.PreviousDecisions)
            {
                if (c.PreviousDecisions.Count == 0) continue;
                var table = Grid([4200, 5400]);
                foreach (var r in c.PreviousDecisions) table.Append(Row([r.Lead, r.Decision ?? ""]));
                body.Append(table);
                continue;
            }
            var text = c.Sections.FirstOrDefault(s => s.Heading == heading)?.Text;
            foreach (var p in Paragraphs(text)) body.Append(Line(p));
        }
    }

    /// <summary>"3/2025" → "3/25", as the cover note's box writes the meeting.</summary>
    private static string ShortNumber(string number)
    {
        var slash = number.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && number.Length - slash - 1 == 4 ? number[..(slash + 1)] + number[^2..] : number;
    }

    private static string Clock(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0);

    private static Paragraph Line(string text, bool bold = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (size is { } s) properties.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Grid(int[] widths)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        return new Table(
            new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(CultureInfo.InvariantCulture) }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
    }

    private static TableRow Row(IEnumerable<string> cells, bool bold = false) =>
        new(cells.Select(text => new TableCell(Paragraphs(text).DefaultIfEmpty("").Select(p => Line(p, bold)))));
}
