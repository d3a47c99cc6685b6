using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// Reads the attendance table of a meeting head. Each group starts with its label ("Medlemmer",
/// "Ikke til stede", "Stedfortreder", or "Helsedirektoratet" for the secretariat and presenters); entries
/// are "Name (Organisation)", where the parenthesis may wrap to the next line, or one bare name per line.
/// </summary>
internal static partial class AttendanceParser
{
    public static bool StartsGroup(string line) => GroupLabel().IsMatch(line);

    public static IReadOnlyList<ParsedAttendee> Parse(IEnumerable<string> lines)
    {
        var attendees = new List<ParsedAttendee>();
        (AttendanceRole Role, string? Organisation)? group = null;
        var groupLines = new List<string>();

        foreach (var line in lines)
        {
            var m = GroupLabel().Match(line);
            if (m.Success)
            {
                if (group is { } g) attendees.AddRange(ParseGroup(g.Role, g.Organisation, groupLines));
                group = RoleOf(m.Groups["label"].Value);
                groupLines.Clear();
                groupLines.Add(m.Groups["rest"].Value);
            }
            else if (group is not null)
            {
                groupLines.Add(line);
            }
        }

        if (group is { } last) attendees.AddRange(ParseGroup(last.Role, last.Organisation, groupLines));
        return attendees;
    }

    private static (AttendanceRole, string?) RoleOf(string label) => label.ToLowerInvariant() switch
    {
        "medlemmer" => (AttendanceRole.Member, null),
        "ikke til stede" or "forfall" => (AttendanceRole.Absent, null),
        "stedfortreder" or "stedfortredere" => (AttendanceRole.Deputy, null),
        // In the minutes the secretariat and the directorate's presenters are listed under the
        // directorate's name, without their organisation in parentheses.
        "helsedirektoratet" => (AttendanceRole.Other, "Helsedirektoratet"),
        _ => (AttendanceRole.Other, null),
    };

    private static IEnumerable<ParsedAttendee> ParseGroup(AttendanceRole role, string? defaultOrganisation, List<string> lines)
    {
        var text = string.Join("\n", lines.Select(l => l.Trim()));
        var result = new List<ParsedAttendee>();
        var leftover = new System.Text.StringBuilder();
        var position = 0;
        foreach (Match m in NameWithOrganisation().Matches(text))
        {
            leftover.Append(text, position, m.Index - position).Append('\n');
            position = m.Index + m.Length;
            result.Add(new ParsedAttendee(TextJoiner.CollapseSpaces(m.Groups["name"].Value),
                TextJoiner.Join([m.Groups["org"].Value.Replace('\n', ' ')]), role));
        }

        leftover.Append(text, position, text.Length - position);
        foreach (var raw in leftover.ToString().Split('\n'))
        {
            var entry = TextJoiner.CollapseSpaces(raw);
            if (entry.Length < 2) continue;
            result.Add(BareEntry(entry, role, defaultOrganisation));
        }

        return result;
    }

    private static ParsedAttendee BareEntry(string entry, AttendanceRole role, string? defaultOrganisation)
    {
        if (DeputyFor().Match(entry) is { Success: true } d)
            return new ParsedAttendee(d.Groups["name"].Value.Trim(), d.Groups["org"].Value.Trim(), role) { StandsInFor = d.Groups["for"].Value.Trim() };
        if (NameCommaOrganisation().Match(entry) is { Success: true } c)
            return new ParsedAttendee(c.Groups["name"].Value.Trim(), c.Groups["org"].Value.Trim(), role);
        return new ParsedAttendee(entry, defaultOrganisation, role);
    }

    [GeneratedRegex(@"^\s*(?<label>Medlemmer|Ikke til stede|Forfall|Stedfortredere|Stedfortreder|Andre deltakere|Andre|Observatører|Observatør|Fra sekretariatet|Sekretariatet|Sekretariat|Helsedirektoratet)(?![\p{L}(])\s*:?\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupLabel();

    [GeneratedRegex(@"(?<name>[^()\n]+?)\s*\((?<org>[^()]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex NameWithOrganisation();

    [GeneratedRegex(@"^(?<name>[^,]+),\s*(?<org>[^,]+),\s*for\s+(?<for>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DeputyFor();

    [GeneratedRegex(@"^(?<name>[^,]+),\s*(?<org>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NameCommaOrganisation();
}
