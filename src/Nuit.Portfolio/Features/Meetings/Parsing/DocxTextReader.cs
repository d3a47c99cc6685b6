using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Reads a Word document (.docx) as the lines the text parsers know, in document order: a paragraph is a line
/// (headings too), a list item a "• " bullet, and a table row one line with its cells side by side, which is
/// exactly how a case table or an attendance table looks when a PDF of the same document is flattened to text.
/// So one set of parsers serves text, PDF and Word. Streams the document part; nothing is written.
/// </summary>
public static class DocxTextReader
{
    /// <summary>A zip with a Word main document part; the package's own first bytes are "PK".</summary>
    public static bool IsDocx(byte[] content)
    {
        if (content.Length < 4 || !content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The old binary Word format (an OLE compound file), which is not read.</summary>
    public static bool IsLegacyWord(byte[] content) => content.AsSpan().StartsWith(OleSignature);

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static string Read(byte[] content, string fileName)
    {
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new InputException(fileName, null, "Word-dokumentet har ingen tekst. Ingenting er lagret.");
            var text = new StringBuilder(content.Length);
            foreach (var element in body.ChildElements) Append(element, text);
            return text.ToString();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException)
        {
            throw new InputException(fileName, null,
                $"Filen ser ut som et Word-dokument, men kan ikke leses ({ex.Message}). Ingenting er lagret. Lagre den på nytt fra Word som .docx eller PDF, og prøv igjen.", ex);
        }
    }

    private static void Append(OpenXmlElement element, StringBuilder text)
    {
        switch (element)
        {
            case Paragraph p:
                if (p.ParagraphProperties?.NumberingProperties is not null) text.Append("• ");
                AppendRuns(p, text);
                text.Append('\n');
                break;
            case Table table:
                foreach (var row in table.Elements<TableRow>())
                {
                    var cells = row.Elements<TableCell>().Select(CellText).Where(c => c.Length > 0);
                    text.Append(string.Join(" ", cells)).Append('\n');
                }
                text.Append('\n');
                break;
            case SdtBlock or CustomXmlBlock:
                foreach (var child in element.Descendants<SdtContentBlock>().FirstOrDefault()?.ChildElements ?? element.ChildElements)
                    Append(child, text);
                break;
        }
    }

    /// <summary>A cell's paragraphs on one line (a wrapped title in a case table is one title).</summary>
    private static string CellText(TableCell cell)
    {
        var text = new StringBuilder();
        foreach (var p in cell.Descendants<Paragraph>())
        {
            if (text.Length > 0) text.Append(' ');
            AppendRuns(p, text);
        }
        return text.ToString().Trim();
    }

    private static void AppendRuns(Paragraph paragraph, StringBuilder text)
    {
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text t: text.Append(t.Text); break;
                case TabChar: text.Append(' '); break;
                case Break or CarriageReturn: text.Append('\n'); break;
                case NoBreakHyphen: text.Append('-'); break;
            }
        }
    }
}
