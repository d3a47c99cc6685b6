using System.Text;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Features.Meetings.Parsing;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using static Nuit.Portfolio.Tests.Meetings.SeedDocuments;

namespace Nuit.Portfolio.Tests.Meetings;

public class DocumentReaderTests
{
    [Fact]
    public void Reading_a_pdf_reports_each_page_as_it_is_read()
    {
        var pdf = WinAnsiPdf.Build(WinAnsiPdf.Encodable(Read(AgendaFile)));
        var seen = new List<(int Read, int Count)>();

        DocumentReader.ReadText(pdf, "innkalling.pdf", pageRead: (read, count) => seen.Add((read, count)));

        var pages = seen[0].Count;
        Assert.True(pages > 1, "the agenda should fill several pages");
        Assert.Equal(Enumerable.Range(1, pages).Select(p => (p, pages)), seen);
    }

    [Theory]
    [InlineData(AgendaFile)]
    [InlineData(MinutesFile)]
    public void A_pdf_of_the_document_parses_like_the_text_file(string fileName)
    {
        var text = WinAnsiPdf.Encodable(Read(fileName));
        var pdf = WinAnsiPdf.Build(text);

        var fromPdf = DocumentReader.ReadText(pdf, fileName.Replace(".txt", ".pdf", StringComparison.Ordinal));
        Assert.Contains('\f', fromPdf); // several pages

        var expected = MeetingDocumentParser.Parse(text, fileName);
        var actual = MeetingDocumentParser.Parse(fromPdf, fileName);
        Assert.Equal(expected.Meetings.Count, actual.Meetings.Count);
        Assert.Equal(expected.Warnings.Select(w => w.Message), actual.Warnings.Select(w => w.Message));
        foreach (var (e, a) in expected.Meetings.Zip(actual.Meetings))
        {
            Assert.Equal((e.Body, e.Number, e.Date, e.Start, e.End, e.Place, e.Kind), (a.Body, a.Number, a.Date, a.Start, a.End, a.Place, a.Kind));
            Assert.Equal(e.Attendees, a.Attendees);
            Assert.Equal(e.Cases.Count, a.Cases.Count);
            foreach (var (ec, ac) in e.Cases.Zip(a.Cases))
            {
                Assert.Equal((ec.Number, ec.Title, ec.Type, ec.AgendaOrder, ec.TimeSlot, ec.Owner), (ac.Number, ac.Title, ac.Type, ac.AgendaOrder, ac.TimeSlot, ac.Owner));
                Assert.Equal(ec.Officers, ac.Officers);
                Assert.Equal((ec.ProposedDecision, ec.Decision, ec.DecisionUpdated), (ac.ProposedDecision, ac.Decision, ac.DecisionUpdated));
                Assert.Equal(ec.Inputs, ac.Inputs);
                Assert.Equal(ec.ActionPoints, ac.ActionPoints);
                Assert.Equal(ec.Attachments, ac.Attachments);
                Assert.Equal(ec.References.Select(r => (r.Case, r.Date, r.DecisionText)), ac.References.Select(r => (r.Case, r.Date, r.DecisionText)));
                Assert.Equal(ec.Sections.Select(s => (s.Kind, s.Text)), ac.Sections.Select(s => (s.Kind, s.Text)));
            }
        }

        // Pages come from the PDF itself: the last case of the 2025 minutes is far down the document.
        Assert.True(actual.Meetings[^1].Cases[^1].Source.Page > 1);
    }

    [Fact]
    public void Utf8_with_and_without_bom_and_utf16_with_bom_are_decoded()
    {
        const string text = "Møte 3/2024 – «æøå»";
        Assert.Equal(text, DocumentReader.ReadText(Encoding.UTF8.GetBytes(text), "a.txt"));
        Assert.Equal(text, DocumentReader.ReadText([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], "b.txt"));
        Assert.Equal(text, DocumentReader.ReadText([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)], "c.txt"));
        Assert.Equal(text, DocumentReader.ReadText([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)], "d.txt"));
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText([], "tom.txt"));
        Assert.Equal("tom.txt: Filen er tom.", ex.Message);
    }

    [Fact]
    public void Binary_data_is_refused()
    {
        byte[] binary = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xFF, 0x10];
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText(binary, "innkalling.docx"));
        Assert.StartsWith("innkalling.docx: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("binærdata", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_in_an_old_code_page_is_refused_as_invalid_encoding()
    {
        var latin1 = Encoding.Latin1.GetBytes("Møte 3/2024\nDato 5. september 2024");
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText(latin1, "gammel.txt"));
        Assert.StartsWith("gammel.txt: Filen er ikke gyldig UTF-8 (ugyldig tegnkoding ved byte 1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_utf16_is_refused()
    {
        byte[] bytes = [0xFF, 0xFE, 0x4D, 0x00, 0x00, 0xD8, 0x41, 0x00]; // a lone high surrogate
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText(bytes, "u16.txt"));
        Assert.Contains("ikke gyldig UTF-16", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_large_file_is_refused_before_reading()
    {
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText(new byte[2048], "stor.pdf", maxBytes: 1024));
        Assert.Equal("stor.pdf: Filen er for stor (2 kB). Største tillatte størrelse er 1 kB. Ingenting er lagret; gjør filen mindre eller del den opp, og prøv igjen.", ex.Message);
    }

    [Fact]
    public void A_file_just_over_the_limit_is_told_in_bytes_not_as_50_MB_over_50_MB()
    {
        // 52,428,832 bytes reads «50 MB», as does the limit: the message gives both in bytes instead.
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText(new byte[52_428_832], "referat.pdf"));
        Assert.Equal("referat.pdf: Filen er for stor (52\u00a0428\u00a0832 byte). Største tillatte størrelse er 52\u00a0428\u00a0800 byte (50 MB). "
            + "Ingenting er lagret; gjør filen mindre eller del den opp, og prøv igjen.", ex.Message);
    }

    [Fact]
    public void Pdf_without_a_text_layer_is_refused()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 300, 200);
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText(builder.Build(), "skannet.pdf"));
        Assert.StartsWith("skannet.pdf: PDF-filen har ikke noe tekstlag", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_pdf_is_refused()
    {
        var pdf = WinAnsiPdf.Build(Read(MinutesFile));
        var half = pdf[..(pdf.Length / 2)];
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText(half, "avkortet.pdf"));
        Assert.StartsWith("avkortet.pdf: PDF-filen er avkortet eller skadet", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pdf_with_a_damaged_body_is_refused()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        var ex = Assert.Throws<InputException>(() => DocumentReader.ReadText(bytes, "skadet.pdf"));
        Assert.StartsWith("skadet.pdf: ", ex.Message, StringComparison.Ordinal);
    }
}
