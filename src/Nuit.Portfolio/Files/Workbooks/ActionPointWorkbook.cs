using Nuit.Portfolio.Features.Ledger;
using static Nuit.Portfolio.Rendering.Reports.ReportFormat;

namespace Nuit.Portfolio.Files.Workbooks;

/// <summary>
/// The carry-over list as a workbook: one sheet «Aksjonspunkter», an Excel table (filter buttons) under a frozen
/// header, in the list's order (overdue first), with real dates and numbers and bokmål headers. Pure: rows in, bytes out.
/// </summary>
public static class ActionPointWorkbook
{
    public const string Sheet = "Aksjonspunkter";

    public static readonly IReadOnlyList<string> Headers =
    [
        "Id", "Sak", "Sakstittel", "Møte", "Møtedato", "Aksjonspunkt", "Ansvarlig", "Frist", "Frist i teksten", "Forfalt", "Status",
        "Alder (møter)", "Alder (dager)", "Lukket", "Lukket av", "Lukket av sak", "Oppfølging", "Merknad",
    ];

    private const string DateFormat = "dd.mm.yyyy";

    public static void Write(IReadOnlyList<ActionPointRow> rows, Stream output)
    {
        using var x = new XlsxWriter(output);
        var date = x.Style(DateFormat);
        var integer = x.Style(XlsxWriter.IntFormat);
        XCell Day(DateOnly? d) => XlsxWriter.Date(d?.ToDateTime(TimeOnly.MinValue), date, DateFormat);
        XCell Count(int? n) => n is { } v ? XlsxWriter.Int(v, integer) : XlsxWriter.Empty;
        var cells = rows.Select(r => (IReadOnlyList<XCell>)
        [
            XlsxWriter.Int(r.Id, integer), x.Text(r.Case), x.Text(r.CaseTitle), x.Text(r.Meeting), Day(r.MeetingDate), x.Text(r.Text),
            x.Text(string.Join(", ", r.Owners)), Day(r.Due), x.Text(r.DueText), x.Text(r.Overdue ? "Ja" : "Nei"), x.Text(ActionStatus(r.Status)),
            Count(r.AgeMeetings), Count(r.AgeDays), Day(r.ClosedOn), x.Text(r.ClosedBy), x.Text(r.ClosedByCase),
            x.Text(string.Join("; ", r.FollowUps.Select(f => $"{f.Case} ({LinkState(f.State)}): {f.Evidence}"))), x.Text(r.Note),
        ]).ToList();
        x.StartSheet(Sheet, XlsxWriter.Widths(Headers, cells), frozenRows: 1);
        x.Table(Sheet, Headers, cells);
        x.Finish();
    }
}
