using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>The lines of one case in the body of an agenda or minutes: a header line "31/24 Title Type" up to the next one.</summary>
internal sealed record CaseSegment(CaseNumber Number, string HeaderRest, int HeaderIndex, int EndIndex);

internal static partial class CaseSegmenter
{
    /// <summary>
    /// Cuts lines <paramref name="from"/>..end at lines that start with a case number of the meeting's year.
    /// Older numbers ("NUIT 35/23") never start a line in the body, and the year check keeps
    /// a stray number like "Møte 3/24" from a flattened table from starting a case.
    /// </summary>
    public static IReadOnlyList<CaseSegment> Segment(IReadOnlyList<SourceLine> lines, int from, int year)
    {
        var headers = new List<(int Index, CaseNumber Number, string HeaderRest)>();
        for (var i = Math.Max(from, 0); i < lines.Count; i++)
        {
            // A header starts with a digit; other lines are spared the pattern (issue 17).
            if (!TextNormalizer.StartsWithAny(lines[i].Text, TextNormalizer.Digits)) continue;
            var m = Header().Match(lines[i].Text);
            if (m.Success && CaseNumber.TryParse(m.Groups["num"].Value, out var n) && n.Year == year)
                headers.Add((i, n, m.Groups["rest"].Value.Trim()));
        }

        var segments = new List<CaseSegment>();
        for (var h = 0; h < headers.Count; h++)
        {
            var end = h + 1 < headers.Count ? headers[h + 1].Index : lines.Count;
            segments.Add(new CaseSegment(headers[h].Number, headers[h].HeaderRest, headers[h].Index, end));
        }

        return segments;
    }

    /// <summary>
    /// The header's title, which may wrap onto following lines. With the title from the case table as a
    /// guide, lines are added while they continue it; without one, only a line ending in a hyphen continues.
    /// Returns the index of the last header line.
    /// </summary>
    public static int ReadTitle(IReadOnlyList<SourceLine> lines, CaseSegment segment, string? knownTitle, out string title)
    {
        var parts = new List<string> { segment.HeaderRest };
        var last = segment.HeaderIndex;
        var known = knownTitle is null ? null : Comparable(knownTitle);
        for (var i = segment.HeaderIndex + 1; i < segment.EndIndex; i++)
        {
            if (lines[i].IsBlank) continue;
            var current = Comparable(TextJoiner.Join(parts));
            var candidate = Comparable(TextJoiner.Join([.. parts, lines[i].Text]));
            var continues = known is not null
                ? current.Length < known.Length && known.StartsWith(candidate, StringComparison.Ordinal)
                : parts[^1].TrimEnd().EndsWith('-');
            if (!continues) break;
            parts.Add(lines[i].Text);
            last = i;
        }

        title = TextJoiner.Join(parts);
        return last;
    }

    public static string Comparable(string s) => TextJoiner.CollapseSpaces(s).ToLowerInvariant();

    [GeneratedRegex(@"^\s*(?<num>\d{1,3}/\d{2})(?:\s+(?<rest>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Header();
}
