using System.Globalization;
using System.Text.RegularExpressions;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// The line that numbers a meeting: "Møte 3/2024". Archived copies also have it damaged — "Møte 2/19",
/// "Møte 2/" with the year lost, or "Møte 3/" with "2024" alone on the next line. Those shorter forms also
/// stand in the cover notes' tables ("Møte 3/24"), so they only start a meeting right below a meeting heading.
/// </summary>
internal static partial class MeetingNumberLine
{
    /// <summary>The meeting's running number and, when it can be read, its year (two digits are 20xx).</summary>
    public static bool TryRead(IReadOnlyList<SourceLine> lines, int i, out int sequence, out int? year)
    {
        sequence = 0;
        year = null;
        var m = Pattern().Match(lines[i].Text);
        if (!m.Success) return false;
        sequence = int.Parse(m.Groups["seq"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["year"].Success)
        {
            year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (year < 100) year += 2000;
        }
        else if (DocumentSplitter.NextNonBlank(lines, i) is var next and >= 0 && YearAlone().Match(lines[next].Text) is { Success: true } y)
        {
            year = int.Parse(y.Groups["year"].Value, CultureInfo.InvariantCulture);
        }
        return true;
    }

    /// <summary>True when the line starts a meeting: the full "Møte 3/2024" anywhere, a damaged form only below a heading.</summary>
    /// Both forms start with "Møte" (case matters), so any other line is spared the patterns (issue 17).
    public static bool StartsMeeting(IReadOnlyList<SourceLine> lines, int i, bool belowHeading) =>
        lines[i].Text.AsSpan().TrimStart().StartsWith("Møte", StringComparison.Ordinal)
        && (Full().IsMatch(lines[i].Text) || (belowHeading && Pattern().IsMatch(lines[i].Text)));

    [GeneratedRegex(@"^\s*Møte\s+\d{1,2}/\d{4}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Full();

    [GeneratedRegex(@"^\s*Møte\s+(?<seq>\d{1,2})\s*/\s*(?<year>\d{4}|\d{2})?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^\s*(?<year>(?:19|20)\d{2})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex YearAlone();
}
