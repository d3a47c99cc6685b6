using System.Globalization;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Web;

/// <summary>nb-NO formats for screens (files and APIs use ISO dates and invariant numbers).</summary>
public static class Format
{
    public static readonly CultureInfo NbNo = CultureInfo.GetCultureInfo("nb-NO");

    public static string Number(decimal value) => value.ToString("#,##0.##", NbNo);

    public static string Score(double value) => value.ToString("0.00", NbNo);

    public static string Date(DateOnly? date) => date?.ToString("d. MMMM yyyy", NbNo) ?? "–";

    public static string ShortDate(DateOnly? date) => date?.ToString("dd.MM.yyyy", NbNo) ?? "–";

    public static string Time(TimeOnly? time) => time?.ToString("HH:mm", NbNo) ?? "";

    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Timestamp(DateTimeOffset? time) =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, Oslo).ToString("dd.MM.yyyy HH:mm", NbNo) : "–";

    /// <summary>A value from the change history as shown: dates (stored ISO) the Norwegian way, "–" for none, anything else as it is.</summary>
    public static string ChangedValue(string? value) =>
        value is null ? "–" : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? ShortDate(d) : value;

    /// <summary>Quarter "2025-Q1" as "1. kvartal 2025".</summary>
    public static string Quarter(string quarter) =>
        Domain.Quarter.TryParse(quarter, out var q) ? q.ToDisplayString() : quarter;

    /// <summary>CSS class for a status; the text always goes beside the colour.</summary>
    public static string RagClass(RagStatus rag) => "rag rag-" + rag.ToCode();

    /// <summary>An action point's status (open, in-progress, closed, dropped) in bokmål.</summary>
    public static string ActionStatus(string status) => Rendering.Reports.ReportFormat.ActionStatus(status);

    public static string LinkState(Domain.LinkState state) => Features.Linking.LinkStates.ToDisplayString(state);

    /// <summary>A link's state said to a reader: a suggestion is the matcher's guess and waits for a person (issue 19).</summary>
    public static string LinkVerdict(Domain.LinkState state) =>
        state == Domain.LinkState.Suggested ? "Forslag – venter på vurdering" : LinkState(state);

    /// <summary>
    /// Splits evidence around the first occurrence of the matched phrase, so a page can mark it; the whole text comes
    /// first when the phrase is unknown or stands inflected («SFM-en» is still found, «forskrivningsmodulen» is not).
    /// </summary>
    public static (string Before, string Hit, string After) Around(string text, string? phrase)
    {
        var at = string.IsNullOrEmpty(phrase) ? -1 : NbNo.CompareInfo.IndexOf(text, phrase, System.Globalization.CompareOptions.IgnoreCase);
        return at < 0 ? (text, "", "") : (text[..at], text.Substring(at, phrase!.Length), text[(at + phrase.Length)..]);
    }

    /// <summary>A follow-up's state as the API writes it ("suggested", "confirmed", "rejected"): the same words as a link's.</summary>
    public static string LinkState(string state) =>
        Enum.TryParse<Domain.LinkState>(state, ignoreCase: true, out var parsed) ? LinkState(parsed) : state;

    public static string KindName(RoadmapItemKind kind) => kind switch
    {
        RoadmapItemKind.Goal => "Mål",
        RoadmapItemKind.SubGoal => "Delmål",
        RoadmapItemKind.Initiative => "Tiltak",
        _ => "Indikator",
    };

    /// <summary>The page of an item: /goals/M1, /subgoals/1A, /initiatives/SFM, /indicators/DIGITAL-KONTAKT.</summary>
    public static string ItemUrl(RoadmapItemKind kind, string code) => kind switch
    {
        RoadmapItemKind.Goal => $"/goals/{code}",
        RoadmapItemKind.SubGoal => $"/subgoals/{code}",
        RoadmapItemKind.Initiative => $"/initiatives/{code}",
        _ => $"/indicators/{code}",
    };

    /// <summary>"NUIT 31/24" → /cases/NUIT/31-24.</summary>
    public static string CaseUrl(string caseKey) =>
        CaseKey.TryParse(caseKey, out var k) ? $"/cases/{Bodies.UrlSegment(k.Body)}/{k.Number.ToUrlSegment()}" : "/search?q=" + Uri.EscapeDataString(caseKey);

    public static string MeetingUrl(string body, string number) =>
        $"/meetings/{(Bodies.TryParse(body, out var b) ? Bodies.UrlSegment(b) : body)}/{number.Replace('/', '-')}";

    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
}
