using System.Globalization;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Rendering.Reports;

/// <summary>nb-NO text for the report (HTML and workbook); files and APIs keep ISO forms.</summary>
public static class ReportFormat
{
    public static readonly CultureInfo NbNo = CultureInfo.GetCultureInfo("nb-NO");

    private static readonly TimeZoneInfo Oslo = FindOslo();

    public static string Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", NbNo) ?? "";

    public static string LongDate(DateOnly date) => date.ToString("d. MMMM yyyy", NbNo);

    /// <summary>Norwegian local time: a cut-off at 04:00 UTC is "06:00" to the secretariat.</summary>
    public static string DateTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Oslo).ToString("d. MMMM yyyy 'kl.' HH:mm", NbNo);

    public static string Number(decimal? value) => value?.ToString("#,##0.##", NbNo) ?? "";

    public static string Number(int value) => value.ToString("#,##0", NbNo);

    public static string Rag(string code) => RagStatuses.TryParse(code, out var r) ? r.ToDisplayString() : code switch
    {
        "no-target" => "Uten mål",
        _ => code,
    };

    public static string Change(string code) => code switch
    {
        "new" => "Ny",
        "better" => "Bedre",
        "worse" => "Verre",
        "unchanged" => "Uendret",
        "not-reported" => "Ikke rapportert",
        _ => code,
    };

    public static string Kind(string kind) => kind switch
    {
        "goal" => "Mål",
        "subgoal" => "Delmål",
        "initiative" => "Tiltak",
        "indicator" => "Indikator",
        _ => kind,
    };

    public static string LinkState(string state) => state switch
    {
        "confirmed" => "bekreftet",
        "suggested" => "foreslått",
        _ => state,
    };

    /// <summary>An action point's status (open, in-progress, closed, dropped) in bokmål.</summary>
    public static string ActionStatus(string status) =>
        ActionPointStatuses.TryParse(status, out var s) ? ActionPointStatuses.Label(s) : status;

    public static string ActionEvent(string name) => name switch
    {
        "opened" => "Ny",
        "closed" => "Lukket",
        "overdue" => "Forfalt",
        _ => name,
    };

    public static string Period(string period) =>
        Quarter.TryParse(period, out var q) ? q.ToDisplayString() : period;

    public static string Milestone(MilestoneRow m)
    {
        var parts = new List<string>();
        if (m.Planned is { } p) parts.Add($"planlagt {Date(p)}");
        if (m.Forecast is { } f) parts.Add($"prognose {Date(f)}");
        if (m.Actual is { } a) parts.Add($"ferdig {Date(a)}");
        var dates = parts.Count == 0 ? "uten dato" : string.Join(", ", parts);
        return $"{m.Name} ({dates}){(m.Slipped ? " – forsinket" : "")}";
    }

    private static TimeZoneInfo FindOslo()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }
}
