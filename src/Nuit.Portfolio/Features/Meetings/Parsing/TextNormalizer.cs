using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Turns extracted document text into clean lines: unifies line breaks and odd spaces, drops
/// PDF noise (page markers, repeated URLs, a leftover template date), tracks pages, and breaks up
/// text that arrived with almost no line breaks so the line-based parsers still find their anchors.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>Lines at least this long are treated as flattened text and split before known anchors.</summary>
    internal const int ReflowThreshold = 400;

    public static IReadOnlyList<SourceLine> Normalize(string text)
    {
        // A form feed is how DocumentReader separates PDF pages; plain text files rarely have one.
        var hasFormFeeds = text.Contains('\f', StringComparison.Ordinal);
        var lines = new List<SourceLine>(text.Length / 32);
        int? markerPage = null;
        var markersSeen = 0;
        var formFeedPage = 1;
        var number = 1;

        // Where the next character to clean is, found by one vectorised search over the text rather than one per line:
        // most lines have none, and a search per line cost more than the lines' own work (issue 17).
        var nextUnclean = text.AsSpan().IndexOfAny(UncleanInLine);
        foreach (var (start, length, pageBreaksBefore) in SplitLines(text))
        {
            formFeedPage += pageBreaksBefore;
            if (nextUnclean >= 0 && nextUnclean < start)
            {
                var at = text.AsSpan(start).IndexOfAny(UncleanInLine);
                nextUnclean = at < 0 ? -1 : start + at;
            }
            var line = text.AsSpan(start, length);
            var cleaned = nextUnclean >= 0 && nextUnclean < start + length ? CleanSpaces(line) : line.TrimEnd().ToString();
            var lineNumber = number++;

            // Page markers, lone URLs and weekday dates start with one of these letters; other lines skip the patterns,
            // and each pattern is tried only on lines with its own first letters (issue 17).
            if (StartsWithAny(cleaned, "sShHwWmMtToOfFlL"))
            {
                if (StartsWithAny(cleaned, "sS") && PageMarker().Match(cleaned) is { Success: true } marker)
                {
                    markerPage = int.Parse(marker.Groups["page"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    markersSeen++;
                    continue;
                }

                if ((StartsWithAny(cleaned, "hHwW") && UrlOnly().IsMatch(cleaned)) || (StartsWithAny(cleaned, "mMtToOfFlLsS") && StrayWeekdayDate().IsMatch(cleaned)))
                    continue;
            }

            int? page = hasFormFeeds ? formFeedPage : markerPage;
            var seen = hasFormFeeds ? -1 : markersSeen;
            if (cleaned.Length >= ReflowThreshold)
            {
                foreach (var piece in Reflow(cleaned))
                    lines.Add(new SourceLine(lineNumber, piece, page, seen));
            }
            else
            {
                lines.Add(new SourceLine(lineNumber, cleaned, page, seen));
            }
        }

        return lines;
    }

    /// <summary>Splits a flattened text (e.g. scraped from a web viewer) before the words that start headers, rows and bullets.</summary>
    internal static IEnumerable<string> Reflow(string line) =>
        ReflowAnchor().Split(line).Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.TrimEnd());

    // Each line as a stretch of the text, so the only string made per line is the cleaned one; the breaks are
    // found with a vectorised search rather than char by char (issue 17).
    private static IEnumerable<(int Start, int Length, int PageBreaksBefore)> SplitLines(string text)
    {
        var start = 0;
        var pageBreaks = 0;
        // The rare breaks (U+2028, U+2029, U+0085) make the search slower; most texts have none.
        var breaks = text.AsSpan().ContainsAny(RareBreaks) ? Breaks : CommonBreaks;
        for (var i = NextBreak(text, 0, breaks); i >= 0; i = NextBreak(text, i + 1, breaks))
        {
            switch (text[i])
            {
                case '\r':
                    yield return (start, i - start, pageBreaks);
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    start = i + 1;
                    pageBreaks = 0;
                    break;
                case '\f':
                    // A page break ends a line: no line of a PDF continues onto the next page.
                    if (i > start)
                    {
                        yield return (start, i - start, pageBreaks);
                        pageBreaks = 0;
                    }

                    start = i + 1;
                    pageBreaks++;
                    break;
                default: // '\n', '\u2028', '\u2029', '\u0085'
                    yield return (start, i - start, pageBreaks);
                    start = i + 1;
                    pageBreaks = 0;
                    break;
            }
        }

        if (text.Length > start || pageBreaks > 0)
            yield return (start, text.Length - start, pageBreaks);
    }

    private static int NextBreak(string text, int from, SearchValues<char> breaks)
    {
        if (from >= text.Length) return -1;
        var at = text.AsSpan(from).IndexOfAny(breaks);
        return at < 0 ? -1 : from + at;
    }

    private static readonly SearchValues<char> Breaks = SearchValues.Create("\r\n\f\u2028\u2029\u0085");
    private static readonly SearchValues<char> CommonBreaks = SearchValues.Create("\r\n\f");
    private static readonly SearchValues<char> RareBreaks = SearchValues.Create("\u2028\u2029\u0085");

    // The characters CleanSpaces replaces or drops: control characters (tab included), odd spaces, soft hyphen,
    // zero-width space, BOM and the ligatures. (Declared before the two sets made from it: static fields start in order.)
    private static readonly char[] UncleanChars =
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u00A0', '\u202F', '\u2007', '\u2009', '\u200A', '\u3000', '\u00AD', '\u200B', '\uFEFF', .. Enumerable.Range(0xFB00, 7).Select(c => (char)c)];

    private static readonly SearchValues<char> Unclean = SearchValues.Create(UncleanChars);

    // The same without the common line breaks, which every text has between its lines; a rare break (U+0085) found
    // between lines is passed over like any character before the line.
    private static readonly SearchValues<char> UncleanInLine = SearchValues.Create([.. UncleanChars.Where(c => c is not ('\r' or '\n' or '\f'))]);

    internal const string Digits = "0123456789";

    /// <summary>
    /// Whether the line's first non-blank character is one of <paramref name="letters"/>, or outside ASCII (where
    /// case-insensitive patterns may fold letters): a cheap test that spares a line a pattern that cannot match.
    /// </summary>
    internal static bool StartsWithAny(string text, string letters)
    {
        var rest = text.AsSpan().TrimStart();
        return !rest.IsEmpty && (rest[0] >= '\u0080' || letters.Contains(rest[0], StringComparison.Ordinal));
    }

    private static string CleanSpaces(ReadOnlySpan<char> line)
    {
        // Almost every line has none of the characters below: then the line is only trimmed.
        if (!line.ContainsAny(Unclean)) return line.TrimEnd().ToString();

        var sb = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            if (c is '\t' or '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u200A' or '\u3000')
                sb.Append(' ');
            else if (c is '\u00AD' or '\u200B' or '\uFEFF')
                continue; // soft hyphen, zero-width space, stray BOM
            else if (c is >= '\uFB00' and <= '\uFB06')
                sb.Append(Ligatures[c - '\uFB00']); // PDFs printed by browsers and Word keep "ﬁ", "ﬂ" as one glyph
            else if (!char.IsControl(c))
                sb.Append(c);
        }

        return sb.ToString().TrimEnd();
    }

    private static readonly string[] Ligatures = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    [GeneratedRegex(@"^\s*side\s+(?<page>\d{1,4})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageMarker();

    [GeneratedRegex(@"^\s*(?:https?://|www\.)\S+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlOnly();

    // A date field left over in the minutes template ("Onsdag 24. januar 2024"); it is never the meeting date,
    // which always follows "Dato".
    [GeneratedRegex(@"^\s*(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s+\d{1,2}\.\s*\p{L}+\s+\d{4}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrayWeekdayDate();

    [GeneratedRegex("""
        (?<=\s)(?=
            (?:Referat\ fra\ møte\ i|Møte\ i)\s+(?:NUIT|NUFA|Nasjonalt)
          | Møte\s+\d{1,2}/\d{4}\b
          | Dato\s+\d
          | Tid\s+(?:[Kk]l\.?\s*)?\d
          | Sted\s
          | Medlemmer\s
          | Ikke\ til\ stede\s
          | Forfall\s
          | Stedfortreder
          | Sak\s+(?:Agenda|Tittel|Tema)\b
          | (?:Pause|Lunsj|Slutt)\s+\d{1,2}[:.]\d{2}
          | (?<!(?:Møte|NUIT|NUFA|sak|Sak|nr\.|NR)\s)\d{1,3}/\d{2}\s+\p{Lu}
          | Forslag\ til\ vedtak
          | Vedtak(?:\ oppdatert)?:
          | (?:Øvrige\ innspill|Innspill)[^:.]{0,40}:
          | Aksjonspunkt(?:er)?:
          | Vedlegg\s+\d+[A-Z]?:
          | [•➢▪●]\s
          | -\s
        )
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ReflowAnchor();
}
