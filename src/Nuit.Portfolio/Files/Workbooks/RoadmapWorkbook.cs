using System.Globalization;
using static Nuit.Portfolio.Files.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Files.Workbooks;

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
/// Writes simple tabular workbooks (the roadmap, the plan diff and the audit trail) with SpreadCheetah: a table per
/// sheet with filter buttons, frozen header, dates as real dates, and text always as text (never a formula).
/// </summary>
public static class RoadmapWorkbookWriter
{
    public static void Write(IReadOnlyList<RoadmapSheet> sheets, IReadOnlyList<(string Key, string Value)> about, string title, Stream output)
    {
        using var x = new XlsxWriter(output);
        foreach (var sheet in sheets)
        {
            var rows = sheet.Rows.Select(row => (IReadOnlyList<XCell>)[.. row.Select(v => Cell(x, v))]).ToList();
            x.StartSheet(sheet.Name, XlsxWriter.Widths(sheet.Headers, rows, min: 12), frozenRows: 1);
            x.Table(TableName(sheet.Name), sheet.Headers, rows);
        }
        x.StartSheet(RoadmapWorkbookLayout.AboutSheet, [18, 100]);
        x.About(title, about.Select(a => (a.Key, x.Wrapped(a.Value))));
        x.Finish();
    }

    private static XCell Cell(XlsxWriter x, object? value) => value switch
    {
        null => XlsxWriter.Empty,
        DateOnly d => x.Date(d.ToDateTime(TimeOnly.MinValue), RoadmapWorkbookLayout.DateFormat),
        DateTime t => x.Date(t, AuditTrailFile.DateTimeFormat),
        int or decimal or double => x.Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture), null),
        _ => x.Text(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>Table names must be letters, digits and underscores.</summary>
    private static string TableName(string sheet) =>
        "T_" + new string([.. sheet.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit)]);
}
