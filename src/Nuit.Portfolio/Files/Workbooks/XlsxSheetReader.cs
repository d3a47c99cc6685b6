using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nuit.Portfolio.Common;

namespace Nuit.Portfolio.Files.Workbooks;

internal enum SheetCellKind
{
    Text,
    Number,
    Date,
    Boolean,
    Error,
}

/// <summary>
/// One non-empty cell as stored: its text (shared, inline or formula result), or its number. <see cref="SheetCellKind.Date"/>
/// is a number whose style formats it as a date (Excel stores dates as days since 1899-12-30).
/// </summary>
internal sealed record SheetCell(int Column, int Row, SheetCellKind Kind, string Text, double Number, bool HasFormula)
{
    /// <summary>"C14".</summary>
    public string Reference => $"{XlsxWriter.ColumnLetters(Column)}{Row}";

    public DateTime Date => DateTime.FromOADate(Number);
}

/// <summary>A row's non-empty cells by column number (1-based).</summary>
internal sealed record SheetRow(int Number, IReadOnlyDictionary<int, SheetCell> Cells)
{
    public SheetCell? this[int column] => Cells.GetValueOrDefault(column);
}

/// <summary>
/// Reads worksheets row by row with the OpenXml SDK's <see cref="OpenXmlReader"/>: only one row is in memory at a
/// time (plus the shared strings and the styles), so a sheet of a million rows does not become a million objects
/// before the first is checked. No System.Drawing: pictures in the workbook are never opened.
/// </summary>
internal sealed class XlsxSheetReader : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly Dictionary<string, string> sheetIds;
    private readonly List<string> sharedStrings = [];
    private readonly List<bool> dateStyles = [];

    private XlsxSheetReader(SpreadsheetDocument document, string fileName)
    {
        this.document = document;
        var workbook = document.WorkbookPart ?? throw new InputException(fileName, null, "filen er ikke en Excel-arbeidsbok (.xlsx).");
        sheetIds = workbook.Workbook.Sheets?.Elements<Sheet>()
            .Where(s => s.Name?.Value is not null && s.Id?.Value is not null)
            .DistinctBy(s => s.Name!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(s => s.Name!.Value!, s => s.Id!.Value!, StringComparer.OrdinalIgnoreCase) ?? [];
        if (workbook.SharedStringTablePart is { } strings)
        {
            using var reader = OpenXmlReader.Create(strings);
            while (reader.Read())
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                    sharedStrings.Add(TextOf((SharedStringItem)reader.LoadCurrentElement()!));
        }
        if (workbook.WorkbookStylesPart?.Stylesheet is { } styles)
        {
            var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
                .Where(f => f.NumberFormatId?.Value is not null)
                .DistinctBy(f => f.NumberFormatId!.Value)
                .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
            foreach (var format in styles.CellFormats?.Elements<CellFormat>() ?? [])
            {
                var id = format.NumberFormatId?.Value ?? 0;
                dateStyles.Add(custom.TryGetValue(id, out var code) ? IsDateFormat(code) : IsBuiltInDate(id));
            }
        }
    }

    /// <summary>Checks the file (<see cref="WorkbookFileGuard"/>) and opens it; a broken file is an <see cref="InputException"/>.</summary>
    public static XlsxSheetReader Open(byte[] bytes, string fileName)
    {
        WorkbookFileGuard.Check(bytes, fileName);
        try
        {
            return new XlsxSheetReader(SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false), fileName);
        }
        catch (Exception ex) when (ex is not InputException and not OutOfMemoryException)
        {
            throw new InputException(fileName, null, "arbeidsboken kan ikke leses (skadet eller ikke et regneark).", ex);
        }
    }

    public bool HasSheet(string name) => sheetIds.ContainsKey(name);

    /// <summary>The rows that hold something, in order, read as they come. The caller may stop at any row.</summary>
    public IEnumerable<SheetRow> Rows(string sheet, string fileName)
    {
        if (!sheetIds.TryGetValue(sheet, out var id) || document.WorkbookPart!.GetPartById(id) is not WorksheetPart part)
            yield break;
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        while (Next(reader, fileName))
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            rowNumber = (int?)row.RowIndex?.Value ?? rowNumber + 1;
            var cells = new Dictionary<int, SheetCell>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : column + 1;
                if (Read(cell, column, rowNumber) is { } read) cells[column] = read;
            }
            if (cells.Count > 0) yield return new SheetRow(rowNumber, cells);
        }
    }

    /// <summary>
    /// Where the known columns are, found by their header text in row 1 (any case), so people can move or add
    /// columns in Excel. The first column with a given header wins.
    /// </summary>
    public static Dictionary<string, int> Columns(SheetRow? header, IReadOnlyCollection<string> known)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        if (header is not { Number: 1 }) return columns;
        foreach (var (column, cell) in header.Cells.OrderBy(c => c.Key))
        {
            var text = cell.Kind == SheetCellKind.Text ? cell.Text.Trim() : "";
            if (known.FirstOrDefault(h => string.Equals(h, text, StringComparison.OrdinalIgnoreCase)) is { } name)
                columns.TryAdd(name, column);
        }
        return columns;
    }

    public void Dispose() => document.Dispose();

    private static bool Next(OpenXmlReader reader, string fileName)
    {
        // The sheet is inflated as it is read, so a damaged zip entry or broken XML shows up here, not at opening.
        try { return reader.Read(); }
        catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException)
        {
            throw new InputException(fileName, null, "arbeidsboken kan ikke leses (skadet eller ikke et regneark).", ex);
        }
    }

    private SheetCell? Read(Cell cell, int column, int row)
    {
        var formula = cell.CellFormula is not null;
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString) return Text(cell.InlineString is { } inline ? TextOf(inline) : raw);
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sharedStrings.Count
                ? Text(sharedStrings[i]) : null;
        if (raw is null) return formula ? new SheetCell(column, row, SheetCellKind.Text, "", 0, true) : null;
        if (type == CellValues.String) return Text(raw);
        if (type == CellValues.Boolean) return new SheetCell(column, row, SheetCellKind.Boolean, raw == "1" ? "TRUE" : "FALSE", raw == "1" ? 1 : 0, formula);
        if (type == CellValues.Error) return new SheetCell(column, row, SheetCellKind.Error, raw, 0, formula);
        if (type == CellValues.Date)
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? new SheetCell(column, row, SheetCellKind.Date, raw, date.ToOADate(), formula) : Text(raw);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return Text(raw);
        var style = (int)(cell.StyleIndex?.Value ?? 0);
        var kind = style < dateStyles.Count && dateStyles[style] && number is > -657435 and < 2958466 ? SheetCellKind.Date : SheetCellKind.Number;
        return new SheetCell(column, row, kind, raw, number, formula);

        // An empty text cell is an empty cell, as Excel treats it.
        SheetCell? Text(string? text) => string.IsNullOrEmpty(text) && !formula ? null : new(column, row, SheetCellKind.Text, text ?? "", 0, formula);
    }

    /// <summary>The text of a shared or inline string, without phonetic hints (rPh).</summary>
    private static string TextOf(OpenXmlCompositeElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    /// <summary>1 for "A7", 28 for "AB7".</summary>
    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return column;
    }

    /// <summary>Excel's built-in date and time formats (ECMA-376 part 1, 18.8.30), with the East Asian ones.</summary>
    private static bool IsBuiltInDate(uint id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    /// <summary>A custom format code shows a date or time when it has d, m, y, h or s outside quotes, escapes and brackets.</summary>
    internal static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c == '\\' || c == '_' || c == '*') i++;
            else if (c == '[') bracket = true;
            else if (c == ']') bracket = false;
            else if (!bracket && char.ToLowerInvariant(c) is 'd' or 'm' or 'y' or 'h' or 's') return true;
        }
        return false;
    }
}
