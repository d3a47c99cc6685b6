using System.Globalization;
using System.Text;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Files;

/// <summary>One audit-trail row as it goes into a file; <see cref="At"/> is in UTC.</summary>
public sealed record AuditFileRow(DateTime At, string? Item, string? Subject, string? Field, string? Old, string? New, string? By, string? Via);

/// <summary>
/// The audit trail as a file: CSV (semicolons and a BOM, as Excel in Norway opens it) or an Excel workbook (one table
/// with the CSV's columns, the time as a real date-time in UTC, an «Om» sheet saying what was exported). Pure:
/// rows in, bytes out. Text that a spreadsheet could run as a formula is defused in both.
/// </summary>
public static class AuditTrailFile
{
    public const string Sheet = "Endringslogg";
    public const string Time = "tidspunkt (UTC)";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm:ss";

    private static readonly string[] Headers = ["tidspunkt", "element", "gjelder", "felt", "gammel verdi", "ny verdi", "endret av", "via"];

    public static byte[] Csv(IEnumerable<AuditFileRow> rows)
    {
        var csv = new StringBuilder();
        Row(csv, Headers);
        foreach (var e in rows)
            Row(csv, e.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), e.Item, e.Subject, e.Field, e.Old, e.New, e.By, e.Via);
        return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Workbook(IReadOnlyList<AuditFileRow> rows, IReadOnlyList<(string Key, string Value)> about)
    {
        // Excel has no time zones: the times are UTC, and the header says so.
        var sheet = new RoadmapSheet(Sheet, [Time, .. Headers[1..]],
            [.. rows.Select(e => (IReadOnlyList<object?>)[e.At, e.Item, e.Subject, e.Field, e.Old, e.New, e.By, e.Via])]);
        using var output = new MemoryStream();
        RoadmapWorkbookWriter.Write([sheet], about, "Endringslogg – Nuit.Portfolio", output);
        return output.ToArray();
    }

    private static void Row(StringBuilder csv, params string?[] cells)
    {
        csv.AppendJoin(';', cells.Select(Cell));
        csv.Append("\r\n");
    }

    /// <summary>Quotes where needed, and defuses text a spreadsheet would run as a formula (the workbooks' own rule).</summary>
    internal static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (IndicatorWorkbookLayout.LooksLikeFormula(value) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
