using System.Globalization;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using static Nuit.Portfolio.Files.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Files.Workbooks;

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
/// Reads the Verdier sheet of an indicator workbook as exported, after editing in Excel or LibreOffice, row by row
/// (<see cref="XlsxSheetReader"/>), so a huge upload is refused after <see cref="MaxRows"/> rows instead of being
/// loaded whole. Columns are found by their headers, so moved or added columns do not matter. Every problem is an
/// <see cref="InputException"/> naming sheet, row and column: <c>Verdier!C14: «12,5 %» er ikke et tall</c>; reading
/// goes on to the first <see cref="MaxErrors"/> problems, so one upload shows a person most of what to fix.
/// </summary>
public static class IndicatorWorkbookReader
{
    /// <summary>Far above a real portfolio (50 indicators × 40 quarters is 2,000 rows), far below what fills memory.</summary>
    public const int MaxRows = 100_000;

    public const int MaxErrors = 10;

    private static readonly CultureInfo NbNo = CultureInfo.GetCultureInfo("nb-NO");

    public static ValueSheetContent Read(byte[] bytes, string fileName)
    {
        using var workbook = XlsxSheetReader.Open(bytes, fileName);
        if (!workbook.HasSheet(ValueSheet))
            throw new InputException(fileName, $"ark {ValueSheet}", $"arbeidsboken mangler arket «{ValueSheet}». Bruk en eksportert indikatorarbeidsbok som mal.");

        using var sheetRows = workbook.Rows(ValueSheet, fileName).GetEnumerator();
        var header = sheetRows.MoveNext() ? sheetRows.Current : null;
        var numbers = XlsxSheetReader.Columns(header, ValueHeaders);
        var columns = numbers.ToDictionary(c => c.Key, c => XlsxWriter.ColumnLetters(c.Value));
        foreach (var required in new[] { CodeHeader, PeriodHeader, ValueHeader })
            if (!numbers.ContainsKey(required))
                throw new InputException(fileName, $"{ValueSheet}!A1", $"mangler kolonnen «{required}» i overskriftsraden.");

        var rows = new List<ValueSheetEntry>();
        var errors = new List<InputException>();
        var seen = new Dictionary<(string, Period), int>();
        var read = 0;
        foreach (var row in Rest(sheetRows))
        {
            if (++read > MaxRows)
                throw new InputException(fileName, $"{ValueSheet}!A{row.Number}",
                    $"arket har mer enn {MaxRows.ToString("N0", NbNo)} rader med verdier. Del det opp i flere filer. Ingenting er lagret.");
            try
            {
                if (ReadRow(row, numbers, seen, fileName) is { } entry) rows.Add(entry);
            }
            catch (InputException ex)
            {
                errors.Add(ex);
                if (errors.Count == MaxErrors) break;
            }
        }
        if (errors.Count == 1) throw errors[0];
        if (errors.Count > 1)
            throw new InputException(fileName, errors[0].Location, errors[0].Reason
                + $" Også{(errors.Count == MaxErrors ? $" (de første {MaxErrors})" : "")}: "
                + string.Join("; ", errors.Skip(1).Select(e => $"{e.Location}: {e.Reason}")) + " Ingenting er lagret.");
        return new ValueSheetContent(fileName, rows, columns);
    }

    private static IEnumerable<SheetRow> Rest(IEnumerator<SheetRow> rows)
    {
        while (rows.MoveNext()) yield return rows.Current;
    }

    private static ValueSheetEntry? ReadRow(SheetRow row, Dictionary<string, int> numbers, Dictionary<(string, Period), int> seen, string fileName)
    {
        var r = row.Number;
        SheetCell? Cell(string header) => numbers.TryGetValue(header, out var c) ? row[c] : null;
        string Location(string header) => $"{ValueSheet}!{XlsxWriter.ColumnLetters(numbers[header])}{r}";
        var code = TextOf(Cell(CodeHeader), fileName);
        var periodCell = Cell(PeriodHeader);
        if (code is null && periodCell is null && Cell(ValueHeader) is null && Cell(TargetHeader) is null) return null;
        if (code is null) throw new InputException(fileName, Location(CodeHeader), "raden mangler indikatorkode (kolonnen «Indikator»).");
        var period = periodCell is null
            ? throw new InputException(fileName, Location(PeriodHeader), "perioden mangler. Skriv 2024 eller 2025-Q1.")
            : PeriodOf(periodCell, fileName);
        if (seen.TryGetValue((code.ToUpperInvariant(), period), out var earlier))
            throw new InputException(fileName, Location(PeriodHeader), $"{code} {period} står også i rad {earlier}.");
        seen[(code.ToUpperInvariant(), period)] = r;
        return new ValueSheetEntry(
            r, code.ToUpperInvariant(), period, NumberOf(Cell(ValueHeader), fileName), NumberOf(Cell(TargetHeader), fileName),
            TextOf(Cell(SourceHeader), fileName), TextOf(Cell(NoteHeader), fileName), TextOf(Cell(CaseHeader), fileName));
    }

    private static string Location(SheetCell cell) => $"{ValueSheet}!{cell.Reference}";

    private static void NoFormula(SheetCell cell, string fileName)
    {
        if (cell.HasFormula)
            throw new InputException(fileName, Location(cell), "cellen inneholder en formel; lim inn verdien i stedet («Lim inn verdier»).");
    }

    private static string? TextOf(SheetCell? cell, string fileName)
    {
        if (cell is null) return null;
        NoFormula(cell, fileName);
        var text = cell.Kind switch
        {
            SheetCellKind.Number => cell.Number.ToString(CultureInfo.InvariantCulture),
            SheetCellKind.Date => cell.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => cell.Text,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static decimal? NumberOf(SheetCell? cell, string fileName)
    {
        if (cell is null) return null;
        NoFormula(cell, fileName);
        if (cell.Kind is SheetCellKind.Number or SheetCellKind.Date)
        {
            var d = cell.Number;
            if (double.IsFinite(d) && Math.Abs(d) < 1e15) return (decimal)d;
            throw new InputException(fileName, Location(cell), $"{d} er utenfor det som kan lagres.");
        }
        var text = cell.Text.Trim();
        if (text.Length == 0) return null;
        // A number typed into a text-formatted cell is still a number, read the Norwegian way (12,5).
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, NbNo, out var n)) return n;
        throw new InputException(fileName, Location(cell), $"«{text}» er ikke et tall.");
    }

    private static Period PeriodOf(SheetCell cell, string fileName)
    {
        NoFormula(cell, fileName);
        if (cell.Kind is SheetCellKind.Number)
        {
            var d = cell.Number;
            if (d == Math.Floor(d) && d is >= Quarter.MinYear and <= Quarter.MaxYear) return Period.OfYear((int)d);
            throw new InputException(fileName, Location(cell), $"«{d.ToString(NbNo)}» er ikke en periode. Skriv 2024 eller 2025-Q1.");
        }
        var text = cell.Text.Trim();
        if (text.Length == 0) throw new InputException(fileName, Location(cell), "perioden mangler. Skriv 2024 eller 2025-Q1.");
        return Period.TryParse(text, out var p)
            ? p
            : throw new InputException(fileName, Location(cell), $"«{text}» er ikke en periode. Skriv 2024 eller 2025-Q1.");
    }
}
