using System.Globalization;
using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>
/// A due date read from an action point. <see cref="Date"/> is null for "innen neste møte" until the next meeting
/// is known; for "til møtet i mai" it is the month's last day until a meeting in that month is known.
/// </summary>
public sealed record ParsedDue(ActionPointDue Kind, DateOnly? Date, string Phrase);

/// <summary>
/// Reads who is to act and by when from an action point's text ("NHN og KS følger opp innen neste møte").
/// Owners are organisations and roles as the ledger names them: NHN, KS, RHF (or a named health region),
/// FHI, HOD, Helsedirektoratet, Sekretariatet, Kommunene, or a named municipality ("Oslo kommune").
/// An organisation that only receives something ("sendes til departementet") is not an owner.
/// </summary>
public static partial class ActionPointParser
{
    private static readonly (Regex Pattern, string Owner)[] Owners =
    [
        (new(@"\b(?:NHN|Norsk\s+helsenett(?:\s+SF)?)\b", RegexOptions.CultureInvariant), "NHN"),
        (new(@"\bKS\b", RegexOptions.CultureInvariant), "KS"),
        (new(@"\b(?:FHI|Folkehelseinstituttet)\b", RegexOptions.CultureInvariant), "FHI"),
        (new(@"\b(?:HOD|[Hh]else-\s?og\s+omsorgsdepartementet|[Dd]epartementet)\b", RegexOptions.CultureInvariant), "HOD"),
        (new(@"\b(?:Hdir|Helsedirektoratet)\b", RegexOptions.CultureInvariant), "Helsedirektoratet"),
        (new(@"\b[Ss]ekretariatet\b", RegexOptions.CultureInvariant), "Sekretariatet"),
        (new(@"\b[Kk]ommunene\b", RegexOptions.CultureInvariant), "Kommunene"),
        (new(@"\bRHF(?:-?ene)?\b|\b[Rr]egionale\s+helseforetak(?:ene)?\b", RegexOptions.CultureInvariant), "RHF"),
        (new(@"\bHelse\s+(?<region>Sør-Øst|Vest|Midt-Norge|Midt|Nord)\s+RHF\b", RegexOptions.CultureInvariant), "Helse {region} RHF"),
        (new(@"\b(?<town>\p{Lu}[\p{L}-]+)\s+kommune\b", RegexOptions.CultureInvariant), "{town} kommune"),
    ];

    public static IReadOnlyList<string> ParseOwners(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(int Index, string Owner)>();
        foreach (var (pattern, owner) in Owners)
            foreach (Match m in pattern.Matches(text))
            {
                var before = text[..m.Index];
                if (Recipient().IsMatch(before)) continue;
                if (owner == "RHF" && NamedRegion().IsMatch(before)) continue;
                var name = owner.Replace("{region}", m.Groups["region"].Value, StringComparison.Ordinal)
                    .Replace("{town}", m.Groups["town"].Value, StringComparison.Ordinal);
                found.Add((m.Index, name));
            }
        return found.OrderBy(f => f.Index).Select(f => f.Owner).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Reads the first due date in <paramref name="text"/>; <paramref name="meetingDate"/> is the date of the meeting that set it.</summary>
    public static ParsedDue ParseDue(string text, DateOnly meetingDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (NextMeeting().Match(text) is { Success: true } next)
            return new ParsedDue(ActionPointDue.NextMeeting, null, Clean(next.Value));
        if (ByDate().Match(text) is { Success: true } byDate && NorwegianDates.TryParseDate(byDate.Groups["date"].Value, out var date))
            return new ParsedDue(ActionPointDue.Date, date, Clean(byDate.Value));
        if (EndOf().Match(text) is { Success: true } end)
        {
            var year = end.Groups["year"].Success ? int.Parse(end.Groups["year"].Value, CultureInfo.InvariantCulture) : meetingDate.Year;
            if (end.Groups["quarter"].Success)
            {
                var q = int.Parse(end.Groups["quarter"].Value, CultureInfo.InvariantCulture);
                if (q is >= 1 and <= 4) return new ParsedDue(ActionPointDue.Date, LastDay(year, q * 3), Clean(end.Value));
            }
            else if (end.Groups["month"].Success)
            {
                var month = Month(end.Groups["month"].Value);
                if (month > 0)
                {
                    if (!end.Groups["year"].Success && month < meetingDate.Month) year++;
                    return new ParsedDue(ActionPointDue.Date, LastDay(year, month), Clean(end.Value));
                }
            }
            else return new ParsedDue(ActionPointDue.Date, new DateOnly(year, 12, 31), Clean(end.Value));
        }
        if (MeetingInMonth().Match(text) is { Success: true } inMonth && Month(inMonth.Groups["month"].Value) is > 0 and var m)
        {
            // "til møtet i mai": the next May after the meeting that asked.
            var year = inMonth.Groups["year"].Success ? int.Parse(inMonth.Groups["year"].Value, CultureInfo.InvariantCulture)
                : m > meetingDate.Month ? meetingDate.Year : meetingDate.Year + 1;
            return new ParsedDue(ActionPointDue.MeetingInMonth, LastDay(year, m), Clean(inMonth.Value));
        }
        return new ParsedDue(ActionPointDue.None, null, "");
    }

    /// <summary>The date a due rule gives once the council's later meetings are known (dates of the same body's meetings).</summary>
    public static DateOnly? Resolve(ParsedDue due, DateOnly meetingDate, IEnumerable<DateOnly> meetingDates) => due.Kind switch
    {
        ActionPointDue.NextMeeting => meetingDates.Where(d => d > meetingDate).Order().Select(d => (DateOnly?)d).FirstOrDefault(),
        ActionPointDue.MeetingInMonth => meetingDates.Where(d => d.Year == due.Date!.Value.Year && d.Month == due.Date.Value.Month && d > meetingDate)
            .Order().Select(d => (DateOnly?)d).FirstOrDefault() ?? due.Date,
        _ => due.Date,
    };

    private static DateOnly LastDay(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static int Month(string name) => NorwegianDates.MonthNumber(name);

    private static string Clean(string s) => Whitespace().Replace(s, " ").Trim();

    // "… sendes til departementet", "… komme tilbake til NUIT": the organisation right after "til"/"for"/"fra" receives.
    [GeneratedRegex(@"\b(?:til|for|fra|hos|med)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Recipient();

    [GeneratedRegex(@"\b(?:innen|til|på|i|før)\s+(?:det\s+)?neste\s+(?:NUIT-)?møte(?:t)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NextMeeting();

    [GeneratedRegex(@"\b(?:innen|senest|før|til|frist)\s+(?:den\s+)?(?<date>\d{1,2}\.\s*\p{L}+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByDate();

    [GeneratedRegex(@"\b(?:innen|før|til)\s+(?:utgangen\s+av|slutten\s+av)\s+(?:(?<quarter>[1-4])\.\s*kvartal(?:\s+(?<year>\d{4}))?|(?<month>januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)(?:\s+(?<year>\d{4}))?|(?:året|(?<year>\d{4})))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndOf();

    [GeneratedRegex(@"\b(?:til|innen|på)\s+(?:NUIT-)?møtet\s+i\s+(?<month>januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember)(?:\s+(?<year>\d{4}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeetingInMonth();

    [GeneratedRegex(@"\bHelse\s+[\p{L}-]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedRegion();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
