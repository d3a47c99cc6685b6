using System.Globalization;
using ClosedXML.Excel;
using static Nuit.Portfolio.Rendering.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Rendering.Workbooks;

/// <summary>A sheet to write: headers and rows of cells (text, number or date; null is an empty cell).</summary>
public sealed record RoadmapSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Sheet and column names of the roadmap workbook, shared by the writer and the reader so an exported
/// workbook always reads back. The reader finds columns by header, so users may reorder them.
/// </summary>
public static class RoadmapWorkbookLayout
{
    public const string GoalSheet = "Mål";
    public const string SubGoalSheet = "Delmål";
    public const string InitiativeSheet = "Tiltak";
    public const string MilestoneSheet = "Milepæler";
    public const string AboutSheet = "Om";

    public const string Code = "Kode";
    public const string Name = "Navn";
    public const string Description = "Beskrivelse";
    public const string Aliases = "Aliaser";
    public const string Goal = "Mål";
    public const string SubGoals = "Delmål";
    public const string Owner = "Eier";
    public const string Phase = "Fase";
    public const string Status = "Status";
    public const string Number = "Nr";
    public const string Initiative = "Tiltak";
    public const string Milestone = "Milepæl";
    public const string Planned = "Planlagt";
    public const string Forecast = "Prognose";
    public const string Actual = "Faktisk";
    public const string Source = "Kilde";

    public static readonly IReadOnlyList<string> GoalHeaders = [Code, Name, Description, Aliases];
    public static readonly IReadOnlyList<string> SubGoalHeaders = [Code, Goal, Name, Description, Aliases];
    public static readonly IReadOnlyList<string> InitiativeHeaders = [Code, Name, Owner, Phase, Status, Goal, SubGoals, Aliases, Description];
    public static readonly IReadOnlyList<string> MilestoneHeaders = [Number, Initiative, Milestone, Planned, Forecast, Actual, Source];

    /// <summary>Aliases may contain commas ("Helsedirektoratet, NHN"), so a list of them is separated by semicolons.</summary>
    public const char AliasSeparator = ';';

    public const string DateFormat = "yyyy-mm-dd";
}

/// <summary>
/// Writes simple tabular workbooks (the roadmap, the plan diff and the audit trail) with ClosedXML: a table per sheet with
/// filter buttons, frozen header, ISO dates as real dates, and text always as text (never a formula).
/// </summary>
public static class RoadmapWorkbookWriter
{
    public static void Write(IReadOnlyList<RoadmapSheet> sheets, IReadOnlyList<(string Key, string Value)> about, string title, Stream output)
    {
        using var workbook = new XLWorkbook();
        foreach (var sheet in sheets) WriteSheet(workbook.AddWorksheet(sheet.Name), sheet);
        var ws = workbook.AddWorksheet(RoadmapWorkbookLayout.AboutSheet);
        ws.Cell(1, 1).SetValue(title).Style.Font.SetBold().Font.SetFontSize(14);
        var r = 3;
        foreach (var (key, value) in about)
        {
            ws.Cell(r, 1).SetValue(key).Style.Font.SetBold();
            ClosedXmlIndicatorWorkbookWriter.Text(ws.Cell(r, 2), value);
            ws.Cell(r, 2).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            r++;
        }
        ws.Column(1).Width = 18;
        ws.Column(2).Width = 100;
        workbook.SaveAs(output);
    }

    private static void WriteSheet(IXLWorksheet ws, RoadmapSheet sheet)
    {
        for (var c = 0; c < sheet.Headers.Count; c++) ws.Cell(1, c + 1).SetValue(sheet.Headers[c]);
        var r = 2;
        foreach (var row in sheet.Rows)
        {
            for (var c = 0; c < row.Count; c++)
            {
                var cell = ws.Cell(r, c + 1);
                switch (row[c])
                {
                    case null: break;
                    case DateOnly d:
                        cell.SetValue(d.ToDateTime(TimeOnly.MinValue));
                        cell.DataType = XLDataType.DateTime;
                        cell.Style.NumberFormat.Format = RoadmapWorkbookLayout.DateFormat;
                        break;
                    case DateTime t:
                        cell.SetValue(t);
                        cell.DataType = XLDataType.DateTime;
                        cell.Style.NumberFormat.Format = AuditWorkbookLayout.DateTimeFormat;
                        break;
                    case int or decimal or double:
                        cell.SetValue(Convert.ToDecimal(row[c], CultureInfo.InvariantCulture));
                        cell.DataType = XLDataType.Number;
                        break;
                    default:
                        ClosedXmlIndicatorWorkbookWriter.Text(cell, Convert.ToString(row[c], CultureInfo.InvariantCulture));
                        break;
                }
            }
            r++;
        }
        var table = ws.Range(1, 1, Math.Max(r - 1, 2), sheet.Headers.Count).CreateTable(TableName(sheet.Name));
        table.Theme = XLTableTheme.TableStyleLight9;
        ws.SheetView.FreezeRows(1);
        for (var c = 0; c < sheet.Headers.Count; c++)
            ws.Column(c + 1).Width = Math.Max(12, Width([sheet.Headers[c], .. sheet.Rows.Select(x => x[c] switch { DateOnly => "2025-01-01", DateTime => "2025-01-01 00:00:00", var v => v?.ToString() })]));
    }

    /// <summary>Table names must be letters, digits and underscores.</summary>
    private static string TableName(string sheet) =>
        "T_" + new string([.. sheet.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit)]);
}
