using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

internal sealed record MeetingHeader(
    BodyCode? Body,
    string Number,
    int Year,
    DateOnly? Date,
    TimeOnly? Start,
    TimeOnly? End,
    string? Place,
    DocumentKind Kind,
    IReadOnlyList<ParsedAttendee> Attendees,
    int NumberLineIndex);

/// <summary>Reads the head of an agenda or minutes: heading, "Møte 3/2024", Dato, Tid, Sted and who attended.</summary>
internal static partial class MeetingHeaderParser
{
    public static MeetingHeader? Parse(DocumentBlock block)
    {
        var lines = block.Lines;
        var numberIndex = -1;
        Match number = Match.Empty;
        for (var i = 0; i < lines.Count && numberIndex < 0; i++)
        {
            number = MeetingNumber().Match(lines[i].Text);
            if (number.Success) numberIndex = i;
        }

        if (numberIndex < 0) return null;

        var heading = DocumentSplitter.IsMeetingHeading(lines[0].Text) ? lines[0].Trimmed : "";
        var body = ReadBody(heading);
        var kind = heading.StartsWith("Referat", StringComparison.OrdinalIgnoreCase) ? DocumentKind.Minutes : DocumentKind.Agenda;

        var headerEnd = FindHeaderEnd(lines, numberIndex);
        DateOnly? date = null;
        TimeOnly? start = null, end = null;
        string? place = null;
        var attendanceStart = -1;
        for (var i = numberIndex + 1; i < headerEnd; i++)
        {
            var text = lines[i].Trimmed;
            if (date is null && Field("Dato", text) is { } d && NorwegianDates.TryParseDate(d, out var parsed)) date = parsed;
            else if (start is null && Field("Tid", text) is { } t && NorwegianDates.TryParseTimeRange(t, out var s, out var e)) (start, end) = (s, e);
            else if (place is null && Field("Sted", text) is { } p) place = TextJoiner.CollapseSpaces(p);
            else if (attendanceStart < 0 && AttendanceParser.StartsGroup(text)) attendanceStart = i;
        }

        var attendees = attendanceStart < 0
            ? []
            : AttendanceParser.Parse(lines.Skip(attendanceStart).Take(headerEnd - attendanceStart).Select(l => l.Trimmed));

        var sequence = number.Groups["seq"].Value;
        var year = int.Parse(number.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new MeetingHeader(body, $"{int.Parse(sequence, System.Globalization.CultureInfo.InvariantCulture)}/{year}", year,
            date, start, end, place, kind, attendees, numberIndex);
    }

    /// <summary>The header ends where the case list starts: the table heading "Sak ..." or the first case row.</summary>
    public static int FindHeaderEnd(IReadOnlyList<SourceLine> lines, int from)
    {
        for (var i = from + 1; i < lines.Count; i++)
            if (CaseTableParser.IsTableHeading(lines[i].Text) || CaseTableParser.IsDetailHeading(lines[i].Text)) return i;
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

    [GeneratedRegex(@"^\s*Møte\s+(?<seq>\d{1,2})/(?<year>\d{4})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingNumber();

    [GeneratedRegex(@"møte\s+i\s+(?<body>.+?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingBody();
}
