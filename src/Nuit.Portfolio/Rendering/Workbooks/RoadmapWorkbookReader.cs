using System.Globalization;
using ClosedXML.Excel;
using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Rendering.Workbooks;

/// <summary>One row of a roadmap sheet: the text of each known column (null when empty); dates as ISO text.</summary>
public sealed record RoadmapRow(string Sheet, int Row, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, string> Columns)
{
    public string? this[string header] => Values.GetValueOrDefault(header);

    /// <summary>"Tiltak!C7" for a column (by its header) in this row.</summary>
    public string Cell(string header) => $"{Sheet}!{Columns.GetValueOrDefault(header, "A")}{Row}";
}

/// <summary>
/// Reads an edited roadmap workbook: the sheets Mål, Delmål, Tiltak and Milepæler, columns found by header.
/// The file passes <see cref="WorkbookFileGuard"/> first (size, macros, zip bombs). Formulas are refused;
/// dates may be real date cells or text yyyy-MM-dd. Every problem names sheet and cell.
/// </summary>
public static class RoadmapWorkbookReader
{
    public static IReadOnlyDictionary<string, IReadOnlyList<RoadmapRow>> Read(byte[] bytes, string fileName, IReadOnlyDictionary<string, IReadOnlyList<string>> sheets)
    {
        WorkbookFileGuard.Check(bytes, fileName);
        XLWorkbook workbook;
        try { workbook = new XLWorkbook(new MemoryStream(bytes, writable: false)); }
        catch (Exception ex) when (ex is not InputException and not OutOfMemoryException)
        {
            throw new InputException(fileName, null, "arbeidsboken kan ikke leses (skadet eller ikke et regneark).", ex);
        }
        using (workbook)
        {
            var result = new Dictionary<string, IReadOnlyList<RoadmapRow>>();
            foreach (var (name, headers) in sheets)
                result[name] = workbook.TryGetWorksheet(name, out var ws) ? ReadSheet(ws, name, headers, fileName) : [];
            if (result.Values.All(r => r.Count == 0) && !sheets.Keys.Any(s => workbook.TryGetWorksheet(s, out _)))
                throw new InputException(fileName, null, $"arbeidsboken har ingen av arkene {string.Join(", ", sheets.Keys)}. Bruk en eksportert veikartarbeidsbok som mal.");
            return result;
        }
    }

    private static List<RoadmapRow> ReadSheet(IXLWorksheet ws, string sheet, IReadOnlyList<string> headers, string fileName)
    {
        var (columns, numbers) = HeaderRow.Read(ws, headers);
        var rows = new List<RoadmapRow>();
        var lastRow = ws.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= lastRow; r++)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (header, c) in numbers) values[header] = TextOf(ws.Cell(r, c), $"{sheet}!{columns[header]}{r}", fileName);
            if (values.Values.All(v => v is null)) continue;
            foreach (var required in headers.Take(1))
                if (!columns.ContainsKey(required))
                    throw new InputException(fileName, $"{sheet}!A1", $"mangler kolonnen «{required}» i overskriftsraden.");
            rows.Add(new RoadmapRow(sheet, r, values, columns));
        }
        return rows;
    }

    private static string? TextOf(IXLCell cell, string location, string fileName)
    {
        if (cell.IsEmpty()) return null;
        if (cell.HasFormula)
            throw new InputException(fileName, location, "cellen inneholder en formel; lim inn verdien i stedet («Lim inn verdier»).");
        var text = cell.DataType switch
        {
            XLDataType.DateTime => DateOnly.FromDateTime(cell.GetDateTime()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
            _ => cell.GetString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
