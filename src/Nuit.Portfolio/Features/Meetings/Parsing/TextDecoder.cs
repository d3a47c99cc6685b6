using System.Buffers;
using System.Text;
using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Decodes a text file strictly. Guessing a legacy code page would silently turn "ø" into "Ã¸" in
/// names and titles, so anything that is not valid UTF-8 or BOM-marked UTF-16 is refused with advice.
/// </summary>
internal static class TextDecoder
{
    private const string SaveAsUtf8 = "Lagre filen som UTF-8 og prøv igjen.";

    public static string Decode(byte[] content, string fileName)
    {
        string text;
        if (StartsWith(content, 0xFF, 0xFE, 0x00, 0x00) || StartsWith(content, 0x00, 0x00, 0xFE, 0xFF))
            throw new InputException(fileName, null, "Filen er kodet som UTF-32, som ikke støttes. " + SaveAsUtf8);
        if (StartsWith(content, 0xEF, 0xBB, 0xBF))
            text = Strict(new UTF8Encoding(false, true), content, 3, fileName, "UTF-8");
        else if (StartsWith(content, 0xFF, 0xFE))
            text = Strict(new UnicodeEncoding(false, false, true), content, 2, fileName, "UTF-16");
        else if (StartsWith(content, 0xFE, 0xFF))
            text = Strict(new UnicodeEncoding(true, false, true), content, 2, fileName, "UTF-16");
        else if (Array.IndexOf(content, (byte)0) >= 0)
            throw Binary(fileName);
        else
            text = Strict(new UTF8Encoding(false, true), content, 0, fileName, "UTF-8");

        if (LooksBinary(text)) throw Binary(fileName);
        if (string.IsNullOrWhiteSpace(text)) throw new InputException(fileName, null, "Filen inneholder ingen tekst.");
        return text;
    }

    private static string Strict(Encoding encoding, byte[] content, int offset, string fileName, string name)
    {
        try
        {
            return encoding.GetString(content, offset, content.Length - offset);
        }
        catch (DecoderFallbackException ex)
        {
            var where = offset + Math.Max(ex.Index, 0);
            throw new InputException(fileName, null,
                $"Filen er ikke gyldig {name} (ugyldig tegnkoding ved byte {where}). Den kan være lagret i en eldre tegnkoding som Windows-1252. {SaveAsUtf8}", ex);
        }
    }

    // Control characters other than line breaks, tabs and page breaks do not occur in documents.
    private static bool LooksBinary(string text)
    {
        // A vectorised search from one such character to the next: a loop over every char cost a tenth of the
        // whole parse (issue 17), and a document has almost none.
        var control = 0;
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAny(Control); at >= 0; at = rest.IndexOfAny(Control))
        {
            control++;
            rest = rest[(at + 1)..];
        }
        return control > 0 && control * 100 > text.Length;
    }

    // What char.IsControl counts (U+0000–U+001F, U+007F–U+009F) but the line breaks, tab and page break.
    private static readonly SearchValues<char> Control = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).Where(c => c is not ('\n' or '\r' or '\t' or '\f'))]);

    private static InputException Binary(string fileName) =>
        new(fileName, null, "Filen inneholder binærdata og er verken tekst eller PDF. Last opp møtedokumentet som PDF eller tekstfil.");

    private static bool StartsWith(byte[] content, params byte[] prefix) =>
        content.Length >= prefix.Length && content.AsSpan(0, prefix.Length).SequenceEqual(prefix);
}
