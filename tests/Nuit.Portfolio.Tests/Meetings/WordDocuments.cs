using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Nuit.Portfolio.Tests.Meetings;

/// <summary>Writes small .docx files as Word would store them: paragraphs, bullet list items and tables.</summary>
internal static class WordDocuments
{
    /// <summary>One paragraph per line; lines starting with "• " become list items, blocks of "|"-separated lines tables.</summary>
    public static byte[] FromLines(IEnumerable<string> lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            Table? table = null;
            foreach (var line in lines)
            {
                if (line.Contains('|', StringComparison.Ordinal))
                {
                    if (table is null) body.Append(table = new Table());
                    table.Append(new TableRow(line.Split('|').Select(cell => new TableCell(new Paragraph(new Run(new Text(cell.Trim()) { Space = SpaceProcessingModeValues.Preserve }))))));
                    continue;
                }
                table = null;
                body.Append(line.StartsWith("• ", StringComparison.Ordinal)
                    ? new Paragraph(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(new Text(line[2..])))
                    : new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
            }
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }
}
