using System.Globalization;
using ClosedXML.Excel;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using static Nuit.Portfolio.Rendering.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Rendering.Workbooks;

/// <summary>One row of an edited Verdier sheet; empty cells are null (they change nothing).</summary>
public sealed record ValueSheetEntry(
    int Row, string Code, Period Period, decimal? Value, decimal? Target, string? Source, string? Note, string? TargetCase);

/// <summary>The rows read from a workbook, and where each column is, so later checks can name the cell.</summary>
public sealed record ValueSheetContent(string FileName, IReadOnlyList<ValueSheetEntry> Rows, IReadOnlyDictionary<string, string> Columns)
{
    /// <summary>"Verdier!C14" for the cell of a column (by its header) in a row.</summary>
    public string Cell(int row, string header) => $"{ValueSheet}!{Columns.GetValueOrDefault(header, "A")}{row}";
}

/// <summary>
/// Reads the Verdier sheet of an indicator workbook as exported, after editing in Excel or LibreOffice.
/// Columns are found by their headers, so moved or added columns do not matter. Every problem is an
/// <see cref="InputException"/> naming sheet, row and column: <c>Verdier!C14: «12,5 %» er ikke et tall</c>.
/// </summary>
public static class IndicatorWorkbookReader
{
    private static readonly CultureInfo NbNo = CultureInfo.GetCultureInfo("nb-NO");

    public static ValueSheetContent Read(byte[] bytes, string fileName)
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
            if (!workbook.TryGetWorksheet(ValueSheet, out var ws))
                throw new InputException(fileName, $"ark {ValueSheet}", $"arbeidsboken mangler arket «{ValueSheet}». Bruk en eksportert indikatorarbeidsbok som mal.");
            return ReadSheet(ws, fileName);
        }
    }

    private static ValueSheetContent ReadSheet(IXLWorksheet ws, string fileName)
    {
        var (columns, numbers) = HeaderRow.Read(ws, ValueHeaders);
        foreach (var required in new[] { CodeHeader, PeriodHeader, ValueHeader })
            if (!columns.ContainsKey(required))
                throw new InputException(fileName, $"{ValueSheet}!A1", $"mangler kolonnen «{required}» i overskriftsraden.");

        var rows = new List<ValueSheetEntry>();
        var seen = new Dictionary<(string, Period), int>();
        var lastRow = ws.LastRowUsed()?.RowNumber() ?? 1;
        for (var r = 2; r <= lastRow; r++)
        {
            IXLCell? Cell(string header) => numbers.TryGetValue(header, out var c) ? ws.Cell(r, c) : null;
            var code = TextOf(Cell(CodeHeader), fileName);
            var periodCell = Cell(PeriodHeader)!;
            if (code is null && periodCell.IsEmpty() && Cell(ValueHeader)!.IsEmpty() && (Cell(TargetHeader)?.IsEmpty() ?? true)) continue;
            if (code is null) throw new InputException(fileName, Location(Cell(CodeHeader)!), "raden mangler indikatorkode (kolonnen «Indikator»).");
            var period = PeriodOf(periodCell, fileName);
            if (seen.TryGetValue((code.ToUpperInvariant(), period), out var earlier))
                throw new InputException(fileName, Location(periodCell), $"{code} {period} står også i rad {earlier}.");
            seen[(code.ToUpperInvariant(), period)] = r;
            rows.Add(new ValueSheetEntry(
                r, code.ToUpperInvariant(), period, NumberOf(Cell(ValueHeader), fileName), NumberOf(Cell(TargetHeader), fileName),
                TextOf(Cell(SourceHeader), fileName), TextOf(Cell(NoteHeader), fileName), TextOf(Cell(CaseHeader), fileName)));
        }
        return new ValueSheetContent(fileName, rows, columns);
    }

    private static string Location(IXLCell cell) => $"{ValueSheet}!{cell.Address.ToStringRelative()}";

    private static void NoFormula(IXLCell cell, string fileName)
    {
        if (cell.HasFormula)
            throw new InputException(fileName, Location(cell), "cellen inneholder en formel; lim inn verdien i stedet («Lim inn verdier»).");
    }

    private static string? TextOf(IXLCell? cell, string fileName)
    {
        if (cell is null || cell.IsEmpty()) return null;
        NoFormula(cell, fileName);
        var text = cell.DataType == XLDataType.Number ? cell.GetDouble().ToString(CultureInfo.InvariantCulture) : cell.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static decimal? NumberOf(IXLCell? cell, string fileName)
    {
        if (cell is null || cell.IsEmpty()) return null;
        NoFormula(cell, fileName);
        if (cell.DataType == XLDataType.Number)
        {
            var d = cell.GetDouble();
            if (double.IsFinite(d) && Math.Abs(d) < 1e15) return (decimal)d;
            throw new InputException(fileName, Location(cell), $"{d} er utenfor det som kan lagres.");
        }
        var text = cell.GetString().Trim();
        if (text.Length == 0) return null;
        // A number typed into a text-formatted cell is still a number, read the Norwegian way (12,5).
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, NbNo, out var n)) return n;
        throw new InputException(fileName, Location(cell), $"«{text}» er ikke et tall.");
    }

    private static Period PeriodOf(IXLCell cell, string fileName)
    {
        if (cell.IsEmpty()) throw new InputException(fileName, Location(cell), "perioden mangler. Skriv 2024 eller 2025-Q1.");
        NoFormula(cell, fileName);
        if (cell.DataType == XLDataType.Number)
        {
            var d = cell.GetDouble();
            if (d == Math.Floor(d) && d is >= Quarter.MinYear and <= Quarter.MaxYear) return Period.OfYear((int)d);
            throw new InputException(fileName, Location(cell), $"«{d.ToString(NbNo)}» er ikke en periode. Skriv 2024 eller 2025-Q1.");
        }
        var text = cell.GetString().Trim();
        return Period.TryParse(text, out var p)
            ? p
            : throw new InputException(fileName, Location(cell), $"«{text}» er ikke en periode. Skriv 2024 eller 2025-Q1.");
    }
}
