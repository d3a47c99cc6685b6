using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Turns an uploaded file into text for <see cref="MeetingDocumentParser"/>: a PDF through its text
/// layer, a Word document (.docx) through <see cref="DocxTextReader"/>, anything else as text in UTF-8 (with or without BOM) or UTF-16 with BOM. Every way a file can
/// be unusable ends in an <see cref="InputException"/> that names the file and says what is wrong.
/// </summary>
public static class DocumentReader
{
    public const long DefaultMaxBytes = 50 * 1024 * 1024;

    public const string PdfType = "application/pdf";
    public const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string TextType = "text/plain; charset=utf-8";

    /// <param name="pageRead">For a PDF, told (pages read, pages in all) after each page.</param>
    public static string ReadText(byte[] content, string fileName, long maxBytes = DefaultMaxBytes, Action<int, int>? pageRead = null) =>
        Read(content, fileName, maxBytes, pageRead).Text;

    /// <summary>The text and the kind of file it came from, decided once (a Word check opens the zip).</summary>
    public static (string Text, string ContentType) Read(byte[] content, string fileName, long maxBytes = DefaultMaxBytes, Action<int, int>? pageRead = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
            throw new InputException(fileName, null, "Filen er tom.");
        if (content.Length > maxBytes)
            throw new InputException(fileName, null, FileSizes.TooLarge(content.Length, maxBytes));

        if (PdfTextReader.IsPdf(content)) return (PdfTextReader.Read(content, fileName, pageRead), PdfType);
        if (DocxTextReader.IsDocx(content)) return (DocxTextReader.Read(content, fileName), WordType);
        if (DocxTextReader.IsLegacyWord(content))
            throw new InputException(fileName, null, "Det gamle Word-formatet (.doc) leses ikke. Ingenting er lagret. Lagre dokumentet som .docx eller PDF, og prøv igjen.");
        return (TextDecoder.Decode(content, fileName), TextType);
    }
}
