using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// A meeting's head as read. <see cref="Sequence"/>, <see cref="Year"/> or <see cref="Date"/> is null when a damaged
/// document does not tell it; the import then asks the user (<see cref="MeetingHint"/>).
/// </summary>
internal sealed record MeetingHeader(
    BodyCode? Body,
    int? Sequence,
    int? Year,
    DateOnly? Date,
    TimeOnly? Start,
    TimeOnly? End,
    string? Place,
    DocumentKind Kind,
    IReadOnlyList<ParsedAttendee> Attendees,
    int NumberLineIndex,
    int HeaderEnd)
{
    public string Number => $"{Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}/{Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}";
}

/// <summary>Reads the head of an agenda or minutes: heading, "Møte 3/2024", Dato, Tid, Sted and who attended.</summary>
internal static partial class MeetingHeaderParser
{
    /// <param name="withoutNumber">Read the head even when no "Møte N/ÅÅÅÅ" line is found (the user gives the number).</param>
    public static MeetingHeader? Parse(DocumentBlock block, bool withoutNumber = false)
    {
        var lines = block.Lines;
        var numberIndex = -1;
        int? sequence = null, year = null;
        for (var i = 0; i < lines.Count && numberIndex < 0; i++)
        {
            if (!MeetingNumberLine.TryRead(lines, i, out var seq, out var y)) continue;
            (numberIndex, sequence, year) = (i, seq, y);
        }

        if (numberIndex < 0 && !withoutNumber) return null;

        var heading = lines.Count > 0 && DocumentSplitter.IsMeetingHeading(lines[0].Text) ? lines[0].Trimmed : "";
        var body = ReadBody(heading);
        var kind = heading.StartsWith("Referat", StringComparison.OrdinalIgnoreCase) ? DocumentKind.Minutes : DocumentKind.Agenda;

        var headerEnd = FindHeaderEnd(lines, numberIndex);
        string? dateText = null;
        TimeOnly? start = null, end = null;
        string? place = null;
        var attendanceStart = -1;
        for (var i = numberIndex + 1; i < headerEnd; i++)
        {
            var text = lines[i].Trimmed;
            if (dateText is null && Field("Dato", text) is { } d) dateText = d;
            else if (start is null && Field("Tid", text) is { } t && NorwegianDates.TryParseTimeRange(t, out var s, out var e)) (start, end) = (s, e);
            else if (place is null && Field("Sted", text) is { } p) place = TextJoiner.CollapseSpaces(p);
            else if (attendanceStart < 0 && AttendanceParser.StartsGroup(text)) attendanceStart = i;
        }

        // A year lost from the number is taken from the date, and a date without a year from the number; failing
        // both, either comes from the case numbers ("12/19" is 2019), which always carry their year.
        var caseYear = year is null ? CaseTableParser.LikelyYear(lines, numberIndex) : null;
        DateOnly? date = null;
        if (dateText is not null && NorwegianDates.TryParseHeaderDate(dateText, year ?? caseYear, out var parsed)) date = parsed;
        if (sequence is not null) year ??= date?.Year ?? caseYear;

        var attendees = attendanceStart < 0
            ? []
            : AttendanceParser.Parse(lines.Skip(attendanceStart).Take(headerEnd - attendanceStart).Select(l => l.Trimmed));

        return new MeetingHeader(body, sequence, year, date, start, end, place, kind, attendees, numberIndex, headerEnd);
    }

    /// <summary>The header ends where the case list starts: the table heading "Sak ..." or the first case row.</summary>
    public static int FindHeaderEnd(IReadOnlyList<SourceLine> lines, int from)
    {
        for (var i = from + 1; i < lines.Count; i++)
            if (CaseTableParser.IsTableHeading(lines[i].Text) || CaseTableParser.IsDetailHeading(lines[i].Text) || CaseTableParser.StartsCaseList(lines[i].Text)) return i;
        return lines.Count;
    }

    private static BodyCode? ReadBody(string heading)
    {
        var m = HeadingBody().Match(heading);
        return m.Success && Bodies.TryParse(m.Groups["body"].Value, out var code) ? code : null;
    }

    private static string? Field(string label, string text)
    {
        if (!text.StartsWith(label, StringComparison.Ordinal)) return null;
        var rest = text[label.Length..];
        if (rest.Length == 0 || !(char.IsWhiteSpace(rest[0]) || rest[0] == ':')) return null;
        rest = rest.TrimStart(':', ' ');
        return rest.Length > 0 ? rest : null;
    }

    [GeneratedRegex(@"møte\s+i\s+(?<body>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingBody();
}
