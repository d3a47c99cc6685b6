using System.Text;

namespace Nuit.Portfolio.Features.Linking.Matching;

/// <summary>Cuts the text around a hit for display.</summary>
internal static class Snippets
{
    public const int MaxLength = 200;

    /// <summary>
    /// Up to <see cref="MaxLength"/> characters centred on the hit, widened to one side when the other runs out,
    /// then shrunk to whole words, with whitespace runs (PDF line breaks) collapsed to one space.
    /// A hit longer than the limit is returned whole.
    /// </summary>
    public static string Cut(string text, int index, int length)
    {
        var room = Math.Max(0, MaxLength - length);
        var start = index - room / 2;
        var end = index + length + (room - room / 2);
        if (start < 0) { end -= start; start = 0; }
        if (end > text.Length) { start = Math.Max(0, start - (end - text.Length)); end = text.Length; }

        // Never start or end inside a word; the hit itself is kept whole.
        if (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            while (start < index && !char.IsWhiteSpace(text[start])) start++;
        if (end < text.Length && !char.IsWhiteSpace(text[end]))
            while (end > index + length && !char.IsWhiteSpace(text[end - 1])) end--;

        return CollapseWhitespace(text.AsSpan(start, end - start));
    }

    private static string CollapseWhitespace(ReadOnlySpan<char> span)
    {
        var sb = new StringBuilder(span.Length);
        var pendingSpace = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c)) { pendingSpace = sb.Length > 0; continue; }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
