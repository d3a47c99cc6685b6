using System.Globalization;
using System.Text;

namespace Nuit.Portfolio.Tests.Meetings;

/// <summary>
/// Writes a plain text PDF in Helvetica with WinAnsiEncoding, the way office programs write Norwegian text
/// with a standard font. PdfPig 0.1.16's PdfDocumentBuilder cannot be used for this: it writes standard
/// fonts with their built-in encoding, which has no "æ", "ø" or "å" ("The font does not contain a character").
/// </summary>
internal static class WinAnsiPdf
{
    private const double FontSize = 10;
    private const double Leading = 12;
    private const int LinesPerPage = 62;

    private static readonly Encoding WinAnsi = CreateWinAnsi();

    /// <summary>
    /// WinAnsi has no "➢" and no narrow no-break space; the test writes "•" and a plain space instead, in
    /// the PDF and in the text it compares with (the parser treats all bullet styles alike).
    /// </summary>
    public static string Encodable(string text) => text.Replace('➢', '•').Replace('\u202F', ' ');

    /// <summary>One text line per PDF line; an empty line is left as vertical space, as a word processor would.</summary>
    public static byte[] Build(string text)
    {
        var lines = Encodable(text).Split('\n');
        var pages = lines.Chunk(LinesPerPage).ToList();

        // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii($"<< /Type /Pages /Kids [{string.Join(" ", pages.Select((_, i) => $"{4 + (2 * i)} 0 R"))}] /Count {pages.Count} >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
        };
        for (var p = 0; p < pages.Count; p++)
        {
            var content = PageContent(pages[p]);
            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + (2 * p)} 0 R >>"));
            objects.Add([.. Ascii($"<< /Length {content.Length} >>\nstream\n"), .. content, .. Ascii("\nendstream")]);
        }

        using var pdf = new MemoryStream();
        Write(pdf, Ascii("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, Ascii($"{i + 1} 0 obj\n"));
            Write(pdf, objects[i]);
            Write(pdf, Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(pdf, Ascii(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] PageContent(string[] lines)
    {
        using var content = new MemoryStream();
        var y = 800.0;
        foreach (var line in lines)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                Write(content, Ascii(string.Create(CultureInfo.InvariantCulture, $"BT /F1 {FontSize} Tf 40 {y} Td (")));
                Write(content, Escape(WinAnsi.GetBytes(line.Trim())));
                Write(content, Ascii(") Tj ET\n"));
            }

            y -= Leading;
        }

        return content.ToArray();
    }

    private static byte[] Escape(byte[] bytes)
    {
        var escaped = new List<byte>(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\') escaped.Add((byte)'\\');
            escaped.Add(b);
        }

        return [.. escaped];
    }

    private static Encoding CreateWinAnsi()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private static void Write(Stream s, byte[] bytes) => s.Write(bytes, 0, bytes.Length);
}
