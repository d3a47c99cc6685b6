using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Meetings.Parsing;

/// <summary>Which earlier meeting a text points at: the previous one, one in a month ("møtet i november"), or one on a date.</summary>
public sealed record MeetingPointer(bool Previous, int? Month, int? Year, DateOnly? Date);

/// <summary>Something in a later case's text that says it follows up earlier work: a case it names, or a meeting.</summary>
public sealed record FollowUpHint(CaseKey? Case, MeetingPointer? Meeting, string Sentence, int Position);

/// <summary>An action point a later case could follow up: its id, its case and the date of the meeting that set it.</summary>
public sealed record FollowUpCandidate(int ActionPointId, CaseKey Case, DateOnly MeetingDate)
{
    /// <summary>Who is to act; a sentence that names a meeting and some of these narrows the suggestion to them.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];
}

public sealed record DetectedFollowUp(int ActionPointId, string Evidence);

/// <summary>
/// Finds the action points a later case follows up. A case named in its running text ("jf. sak 44/24") suggests
/// every action point of that case; "oppfølging av aksjonspunktet fra møtet i november" or "som NUIT ba om i
/// forrige møte" suggests the action points of that meeting of the same body, unless the same sentence names the
/// case itself. Only earlier meetings count. Pure: the caller gives the candidates and the meeting dates.
/// </summary>
public static partial class FollowUpDetector
{
    /// <summary>
    /// NUIT meets 3–4 times a year. When the last meeting in the register is longer ago than this, the previous meeting
    /// is one the register lacks (minutes not imported), and "forrige møte" must not be read as an older one.
    /// </summary>
    public const int MaxMeetingGapDays = 130;

    public static IReadOnlyList<FollowUpHint> FindHints(string text, int? latestYear = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hints = TextReferenceParser.Find(text, latestYear)
            .Select(r => new FollowUpHint(r.Case, null, r.Sentence, r.Position)).ToList();
        foreach (Match m in MeetingPhrase().Matches(text))
        {
            MeetingPointer pointer;
            if (m.Groups["month"].Success)
                pointer = new MeetingPointer(false, NorwegianDates.MonthNumber(m.Groups["month"].Value),
                    m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : null, null);
            else if (m.Groups["date"].Success && NorwegianDates.TryParseDate(m.Groups["date"].Value, out var date))
                pointer = new MeetingPointer(false, null, null, date);
            else pointer = new MeetingPointer(true, null, null, null);
            hints.Add(new FollowUpHint(null, pointer, TextReferenceParser.Sentence(text, m.Index), m.Index));
        }
        return hints;
    }

    /// <param name="self">The later case, which never follows itself up.</param>
    /// <param name="laterMeetingDate">The later case's meeting date; only earlier meetings' action points are candidates.</param>
    /// <param name="meetingDates">Dates of the later case's body's meetings, to read "forrige møte" and "møtet i november".</param>
    public static IReadOnlyList<DetectedFollowUp> Match(
        IReadOnlyList<FollowUpHint> hints, CaseKey self, DateOnly laterMeetingDate,
        IReadOnlyCollection<DateOnly> meetingDates, IReadOnlyList<FollowUpCandidate> candidates)
    {
        var earlier = candidates.Where(c => c.MeetingDate < laterMeetingDate && c.Case != self).ToList();
        var found = new Dictionary<int, string>();
        var sentencesWithCase = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hint in hints.Where(h => h.Case is not null))
        {
            var matches = earlier.Where(c => c.Case == hint.Case).ToList();
            if (matches.Count > 0) sentencesWithCase.Add(hint.Sentence);
            foreach (var c in matches) found.TryAdd(c.ActionPointId, hint.Sentence);
        }

        var before = meetingDates.Where(d => d < laterMeetingDate).OrderDescending().ToList();
        foreach (var hint in hints.Where(h => h.Meeting is not null && !sentencesWithCase.Contains(h.Sentence)))
        {
            var p = hint.Meeting!;
            DateOnly? target = p.Previous ? before.Where(d => laterMeetingDate.DayNumber - d.DayNumber <= MaxMeetingGapDays).Cast<DateOnly?>().FirstOrDefault()
                : p.Date is { } d ? before.Contains(d) ? d : null
                : before.Where(x => x.Month == p.Month && (p.Year is null || x.Year == p.Year)).Cast<DateOnly?>().FirstOrDefault();
            if (target is null) continue;
            var ofMeeting = earlier.Where(c => c.MeetingDate == target).ToList();
            // "… la fram saken som NUIT ba om i forrige møte" from Oslo kommune: that meeting's action points for Oslo kommune.
            var named = ActionPointParser.ParseOwners(hint.Sentence);
            var owned = ofMeeting.Where(c => c.Owners.Intersect(named, StringComparer.Ordinal).Any()).ToList();
            foreach (var c in owned.Count > 0 ? owned : ofMeeting) found.TryAdd(c.ActionPointId, hint.Sentence);
        }
        return found.Select(f => new DetectedFollowUp(f.Key, f.Value)).ToList();
    }

    private const string MonthNames = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember";

    // "aksjonspunkt(et/ene) fra møtet i november [2024]", "… fra møtet 20. november 2024", "… fra forrige møte",
    // "som NUIT ba om i forrige møte", "oppfølging av aksjonspunktet" (no meeting named: the previous one).
    [GeneratedRegex(
        @"\baksjonspunkt\w*\s+(?:fra|i|på)\s+(?:NUIT-?\s*)?(?:møtet\s+i\s+(?<month>" + MonthNames + @")(?:\s+(?<year>\d{4}))?"
        + @"|møtet\s+(?:den\s+)?(?<date>\d{1,2}\.\s*(?:" + MonthNames + @")\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4})"
        + @"|(?:det\s+)?forrige\s+(?:NUIT-)?møte(?:t)?)"
        + @"|\b(?:NUIT|utvalget)\s+ba\s+om\s+(?:i|på)\s+(?:(?:det\s+)?forrige\s+møte(?:t)?|møtet\s+i\s+(?<month>" + MonthNames + @"))"
        + @"|\b(?:oppfølging\s+av|følger\s+opp)\s+aksjonspunkt\w*(?!\s+(?:fra|i|på)\s)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeetingPhrase();
}
