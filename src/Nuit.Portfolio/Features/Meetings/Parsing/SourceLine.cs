namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// One line after normalisation. <see cref="Number"/> is the 1-based line in the original text, so
/// warnings and source spans point at what the user sees; a very long line that had to be broken up
/// yields several lines with the same number.
/// </summary>
/// <param name="Page">The page from PDF page breaks, or from the last "side N" marker.</param>
/// <param name="MarkersSeen">How many "side N" markers came before this line; -1 when pages come from PDF page breaks.</param>
internal sealed record SourceLine(int Number, string Text, int? Page, int MarkersSeen = -1)
{
    // Asked of every line by every parser pass (issue 17). The normaliser trims each line's end, so a line that does
    // not end in white space is known not to be blank without reading it all.
    public bool IsBlank => Text.Length == 0 || (char.IsWhiteSpace(Text[^1]) && string.IsNullOrWhiteSpace(Text));

    public string Trimmed => Text.Trim();
}
