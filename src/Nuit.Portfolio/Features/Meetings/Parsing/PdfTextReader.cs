using System.Text;
using Nuit.Portfolio.Common;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Reads a PDF's text layer with PdfPig, page by page, rebuilding lines from the words' baselines and
/// marking a larger vertical gap as an empty line, so the result reads like the text export of the same
/// document. Pages are separated by a form feed, which <see cref="TextNormalizer"/> counts as page numbers.
/// </summary>
internal static class PdfTextReader
{
    private const string Corrupt = "PDF-filen er avkortet eller skadet og kan ikke leses. Last opp filen på nytt eller eksporter den som PDF igjen.";

    public static bool IsPdf(byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 1024));
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    /// <param name="pageRead">Told (pages read, pages in all) after each page: a long PDF is most of an import's time.</param>
    public static string Read(byte[] content, string fileName, Action<int, int>? pageRead = null)
    {
        // PdfPig can rebuild a document whose end is missing and would return part of it; a half
        // upload must be refused rather than imported as a meeting with cases missing.
        var tail = content.AsSpan(Math.Max(0, content.Length - 2048));
        if (tail.IndexOf("%%EOF"u8) < 0) throw new InputException(fileName, null, Corrupt);

        var pages = new List<string>();
        try
        {
            using var document = PdfDocument.Open(content);
            foreach (var page in document.GetPages())
            {
                pages.Add(PageText(page));
                pageRead?.Invoke(pages.Count, document.NumberOfPages);
            }
        }
        catch (Exception ex) when (ex is not InputException)
        {
            throw new InputException(fileName, null, Corrupt, ex);
        }

        if (pages.All(string.IsNullOrWhiteSpace))
            throw new InputException(fileName, null,
                "PDF-filen har ikke noe tekstlag; den er trolig skannet. Last opp en PDF med tekst (eller kjør tekstgjenkjenning først).");

        return string.Join("\f", pages);
    }

    private static string PageText(Page page)
    {
        var lines = page.GetWords()
            .Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y, 0))
            .OrderByDescending(g => g.Key)
            .Select(g => (Y: g.Key, Size: g.Max(w => w.Letters[0].PointSize), Text: string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))))
            .ToList();

        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
                // Ordinary leading is about 1.2 times the font size; a gap well beyond that is an empty
                // line or paragraph space, which the parsers use to end an attachment title.
                if (lines[i - 1].Y - lines[i].Y > 1.8 * Math.Max(lines[i].Size, 1)) sb.Append('\n');
            }

            sb.Append(lines[i].Text);
        }

        return sb.ToString();
    }
}
