using System.Globalization;
using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Files.Workbooks;

/// <summary>One row of a roadmap sheet: the text of each known column (null when empty); dates as ISO text.</summary>
public sealed record RoadmapRow(string Sheet, int Row, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, string> Columns)
{
    public string? this[string header] => Values.GetValueOrDefault(header);

    /// <summary>"Tiltak!C7" for a column (by its header) in this row.</summary>
    public string Cell(string header) => $"{Sheet}!{Columns.GetValueOrDefault(header, "A")}{Row}";
}

/// <summary>
/// Reads an edited roadmap workbook: the sheets Mål, Delmål, Tiltak and Milepæler, columns found by header, rows
/// read as a stream (<see cref="XlsxSheetReader"/>). The file passes <see cref="WorkbookFileGuard"/> first (size,
/// macros, zip bombs). Formulas are refused; dates may be real date cells or text yyyy-MM-dd. Every problem names
/// sheet and cell.
/// </summary>
public static class RoadmapWorkbookReader
{
    /// <summary>A roadmap has hundreds of rows; more than this in one sheet is not a roadmap.</summary>
    public const int MaxRows = 20_000;

    public static IReadOnlyDictionary<string, IReadOnlyList<RoadmapRow>> Read(byte[] bytes, string fileName, IReadOnlyDictionary<string, IReadOnlyList<string>> sheets)
    {
        using var workbook = XlsxSheetReader.Open(bytes, fileName);
        if (!sheets.Keys.Any(workbook.HasSheet))
            throw new InputException(fileName, null, $"arbeidsboken har ingen av arkene {string.Join(", ", sheets.Keys)}. Bruk en eksportert veikartarbeidsbok som mal.");
        var result = new Dictionary<string, IReadOnlyList<RoadmapRow>>();
        foreach (var (name, headers) in sheets)
            result[name] = workbook.HasSheet(name) ? ReadSheet(workbook, name, headers, fileName) : [];
        return result;
    }

    private static List<RoadmapRow> ReadSheet(XlsxSheetReader workbook, string sheet, IReadOnlyList<string> headers, string fileName)
    {
        var rows = new List<RoadmapRow>();
        Dictionary<string, int>? numbers = null;
        Dictionary<string, string> columns = [];
        foreach (var row in workbook.Rows(sheet, fileName))
        {
            if (numbers is null)
            {
                numbers = XlsxSheetReader.Columns(row, headers);
                columns = numbers.ToDictionary(c => c.Key, c => XlsxWriter.ColumnLetters(c.Value));
                if (row.Number == 1) continue;
            }
            if (rows.Count >= MaxRows)
                throw new InputException(fileName, $"{sheet}!A{row.Number}", $"arket har mer enn {MaxRows} rader. Ingenting er lagret.");
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var (header, c) in numbers) values[header] = TextOf(row[c], $"{sheet}!{columns[header]}{row.Number}", fileName);
            if (values.Values.All(v => v is null)) continue;
            foreach (var required in headers.Take(1))
                if (!columns.ContainsKey(required))
                    throw new InputException(fileName, $"{sheet}!A1", $"mangler kolonnen «{required}» i overskriftsraden.");
            rows.Add(new RoadmapRow(sheet, row.Number, values, columns));
        }
        return rows;
    }

    private static string? TextOf(SheetCell? cell, string location, string fileName)
    {
        if (cell is null) return null;
        if (cell.HasFormula)
            throw new InputException(fileName, location, "cellen inneholder en formel; lim inn verdien i stedet («Lim inn verdier»).");
        var text = cell.Kind switch
        {
            SheetCellKind.Date => DateOnly.FromDateTime(cell.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SheetCellKind.Number => cell.Number.ToString(CultureInfo.InvariantCulture),
            _ => cell.Text,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
