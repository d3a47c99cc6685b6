using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Nuit.Portfolio.Tests;

public enum XlsxKind
{
    Empty,
    Text,
    Number,
    Date,
    Boolean,
}

/// <summary>
/// A workbook reopened with the OpenXml SDK, as a test reads (and edits) it: cells with their type and number
/// format, frozen panes, tables, filters and pictures. No ClosedXML: it would open the report's pictures through
/// System.Drawing, which needs libgdiplus. Small workbooks only: the sheets are loaded whole.
/// </summary>
public sealed class XlsxBook : IDisposable
{
    private readonly SpreadsheetDocument document;
    private readonly MemoryStream stream;
    private readonly List<string> sharedStrings;
    private readonly List<string> formats = [];

    private XlsxBook(byte[] bytes, bool editable)
    {
        stream = new MemoryStream();
        stream.Write(bytes);
        stream.Position = 0;
        document = SpreadsheetDocument.Open(stream, editable);
        var workbook = document.WorkbookPart!;
        sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        if (workbook.WorkbookStylesPart?.Stylesheet is { } styles)
        {
            var custom = styles.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
            foreach (var xf in styles.CellFormats?.Elements<CellFormat>() ?? [])
            {
                var id = xf.NumberFormatId?.Value ?? 0;
                formats.Add(custom.TryGetValue(id, out var code) ? code : BuiltIn(id));
            }
        }
        Sheets = [.. workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => new XlsxSheet(this, s.Name!.Value!, (WorksheetPart)workbook.GetPartById(s.Id!.Value!)))];
    }

    public static XlsxBook Open(byte[] bytes) => new(bytes, editable: false);

    public static XlsxBook Open(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Open(copy.ToArray());
    }

    /// <summary>Edits a copy of the workbook as a person would in Excel, and returns the saved bytes.</summary>
    public static byte[] Edit(byte[] bytes, Action<XlsxBook> edit)
    {
        using var book = new XlsxBook(bytes, editable: true);
        edit(book);
        foreach (var sheet in book.Sheets) sheet.Part.Worksheet.Save();
        book.document.Dispose();
        return book.stream.ToArray();
    }

    public IReadOnlyList<XlsxSheet> Sheets { get; }

    public IEnumerable<string> SheetNames => Sheets.Select(s => s.Name);

    public XlsxSheet Worksheet(string name) => Sheets.Single(s => s.Name == name);

    internal string SharedString(int index) => sharedStrings[index];

    internal string Format(uint style) => style < formats.Count ? formats[(int)style] : "General";

    /// <summary>A style the writer made for dates, so an edited date is a real date cell (as Excel makes it).</summary>
    internal uint? DateStyle => formats.FindIndex(f => f == "yyyy-mm-dd") is >= 0 and var i ? (uint)i : null;

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    private static string BuiltIn(uint id) => id switch
    {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        14 => "mm-dd-yy",
        22 => "m/d/yy h:mm",
        49 => "@",
        _ => $"builtin {id}",
    };
}

public sealed class XlsxSheet
{
    private readonly XlsxBook book;

    internal XlsxSheet(XlsxBook book, string name, WorksheetPart part)
    {
        this.book = book;
        Name = name;
        Part = part;
        // Row and cell references are optional in the file (SpreadCheetah leaves them out); give every one its own.
        var r = 0u;
        foreach (var row in Data.Elements<Row>())
        {
            row.RowIndex = r = row.RowIndex?.Value ?? r + 1;
            var c = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                c = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : c + 1;
                cell.CellReference = Reference((int)r, c);
            }
        }
    }

    public string Name { get; }

    internal WorksheetPart Part { get; }

    private SheetData Data => Part.Worksheet.GetFirstChild<SheetData>()!;

    public XlsxCell Cell(int row, int column) => new(book, this, row, column);

    public XlsxCell Cell(string reference)
    {
        var letters = new string([.. reference.TakeWhile(char.IsAsciiLetter)]);
        return Cell(int.Parse(reference[letters.Length..], CultureInfo.InvariantCulture), letters.Aggregate(0, (n, c) => n * 26 + c - 'A' + 1));
    }

    /// <summary>Rows with at least one non-empty cell.</summary>
    public IEnumerable<XlsxRow> RowsUsed() =>
        Data.Elements<Row>().Select(r => new XlsxRow(this, (int)r.RowIndex!.Value)).Where(r => r.Cells().Any(c => !c.IsEmpty())).ToList();

    /// <summary>The cells a row holds in the file.</summary>
    internal IEnumerable<XlsxCell> CellsOf(int row) =>
        Data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == row)?.Elements<Cell>().Select(c => Cell(c.CellReference!.Value!)).ToList() ?? [];

    public XlsxRow? LastRowUsed() => RowsUsed().LastOrDefault();

    public XlsxRow Row(int number) => new(this, number);

    public IEnumerable<XlsxCell> CellsUsed() => RowsUsed().SelectMany(r => r.CellsUsed());

    public IEnumerable<XlsxCell> Column(int column) => RowsUsed().Select(r => r.Cell(column)).Where(c => !c.IsEmpty());

    /// <summary>Rows frozen at the top (0 when none).</summary>
    public int FrozenRows => Part.Worksheet.Descendants<Pane>().FirstOrDefault(p => p.State?.Value == PaneStateValues.Frozen)?.VerticalSplit?.Value is { } y ? (int)y : 0;

    /// <summary>The ranges of the Excel tables, e.g. "A1:I6".</summary>
    public IReadOnlyList<string> Tables => [.. Part.TableDefinitionParts.Select(t => t.Table.Reference!.Value!)];

    /// <summary>Whether every table shows filter buttons (or the sheet has an autofilter).</summary>
    public bool HasFilter => Part.TableDefinitionParts.Any()
        ? Part.TableDefinitionParts.All(t => t.Table.AutoFilter is not null)
        : Part.Worksheet.GetFirstChild<AutoFilter>() is not null;

    /// <summary>Pictures: PNG image parts behind the sheet's drawing.</summary>
    public int Pictures => Part.DrawingsPart?.ImageParts.Count(i => i.ContentType == "image/png") ?? 0;

    public double? ColumnWidth(int column) =>
        Part.Worksheet.GetFirstChild<Columns>()?.Elements<Column>().FirstOrDefault(c => c.Min! <= column && c.Max! >= column)?.Width?.Value;

    internal Cell? Find(int row, int column)
    {
        var reference = Reference(row, column);
        return Data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == row)?.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
    }

    /// <summary>The cell element, created in order if it is not there (editing).</summary>
    internal Cell Create(int row, int column)
    {
        if (Find(row, column) is { } found) return found;
        var data = Data;
        var rowElement = data.Elements<Row>().FirstOrDefault(r => r.RowIndex!.Value >= row);
        if (rowElement?.RowIndex!.Value != (uint)row)
        {
            var created = new Row { RowIndex = (uint)row };
            if (rowElement is null) data.Append(created);
            else data.InsertBefore(created, rowElement);
            rowElement = created;
        }
        var cell = new Cell { CellReference = Reference(row, column) };
        var after = rowElement.Elements<Cell>().FirstOrDefault(c => ColumnOf(c.CellReference!.Value!) > column);
        if (after is null) rowElement.Append(cell);
        else rowElement.InsertBefore(cell, after);
        return cell;
    }

    internal static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26) letters = (char)('A' + (c - 1) % 26) + letters;
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    private static int ColumnOf(string reference) => reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1);
}

public sealed record XlsxRow(XlsxSheet Sheet, int Number)
{
    public XlsxCell Cell(int column) => Sheet.Cell(Number, column);

    public int RowNumber() => Number;

    public IEnumerable<XlsxCell> Cells() => Sheet.CellsOf(Number);

    public IEnumerable<XlsxCell> CellsUsed() => Cells().Where(c => !c.IsEmpty());
}

public sealed class XlsxCell(XlsxBook book, XlsxSheet sheet, int row, int column)
{
    private Cell? Element => sheet.Find(row, column);

    public string Reference => XlsxSheet.Reference(row, column);

    public bool HasFormula => Element?.CellFormula is not null;

    /// <summary>The number format code of the cell's style ("General" when none).</summary>
    public string Format => book.Format(Element?.StyleIndex?.Value ?? 0);

    /// <summary>Whether the cell has the quote prefix (Excel keeps edits as text).</summary>
    public bool IsTextFormatted => Format == "@";

    public XlsxKind Kind
    {
        get
        {
            if (Element is not { } c || (c.CellValue is null && c.InlineString is null)) return XlsxKind.Empty;
            var type = c.DataType?.Value;
            if (type == CellValues.SharedString || type == CellValues.InlineString || type == CellValues.String)
                return GetString().Length == 0 ? XlsxKind.Empty : XlsxKind.Text;
            if (type == CellValues.Boolean) return XlsxKind.Boolean;
            return Format.Contains("yy", StringComparison.Ordinal) || Format.Contains("hh", StringComparison.Ordinal) ? XlsxKind.Date : XlsxKind.Number;
        }
    }

    public bool IsEmpty() => Kind == XlsxKind.Empty;

    /// <summary>The text; a number as invariant text ("2021").</summary>
    public string GetString()
    {
        if (Element is not { } c) return "";
        var type = c.DataType?.Value;
        if (type == CellValues.SharedString) return book.SharedString(int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture));
        if (type == CellValues.InlineString) return c.InlineString?.InnerText ?? "";
        return c.CellValue?.Text ?? "";
    }

    public double GetDouble() => double.Parse(Element!.CellValue!.Text, CultureInfo.InvariantCulture);

    public DateTime GetDateTime() => DateTime.FromOADate(GetDouble());

    /// <summary>Sets a text (inline string) or a number, as typed into Excel; null empties the cell.</summary>
    public object? Value
    {
        set
        {
            var c = sheet.Create(row, column);
            c.CellFormula = null;
            c.InlineString = null;
            c.CellValue = null;
            c.DataType = null;
            switch (value)
            {
                case null: break;
                case DateTime d when book.DateStyle is { } style:
                    c.StyleIndex = style;
                    c.CellValue = new CellValue(d.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    break;
                case DateTime d:
                    c.DataType = CellValues.InlineString;
                    c.InlineString = new InlineString(new Text(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    break;
                case string s:
                    c.DataType = CellValues.InlineString;
                    c.InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve });
                    break;
                default:
                    c.CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    break;
            }
        }
    }

    /// <summary>A formula without its leading '=', as Excel stores it.</summary>
    public string FormulaA1
    {
        set
        {
            Value = null;
            sheet.Create(row, column).CellFormula = new CellFormula(value);
        }
    }
}
