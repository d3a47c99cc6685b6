using SpreadCheetah;
using SpreadCheetah.Images;
using SpreadCheetah.Styling;
using SpreadCheetah.Tables;
using SpreadCheetah.Worksheets;
using static Nuit.Portfolio.Files.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Files.Workbooks;

/// <summary>A cell to write, with the text its column width is measured by (null: not measured).</summary>
internal readonly record struct XCell(Cell Cell, string? Text);

/// <summary>
/// The one place the workbook writers meet SpreadCheetah, which streams rows straight into the zip (flat memory
/// at any size, no System.Drawing). Synchronous on purpose: the builders are pure (model in, bytes out), and
/// SpreadCheetah's tasks complete at once except when its buffer is flushed to the output stream.
/// Text is always a text cell, never a formula; text a spreadsheet could take for one also gets the
/// Text number format («@»), so editing the cell in Excel keeps it text.
/// </summary>
internal sealed class XlsxWriter : IDisposable
{
    public const string IntFormat = "#,##0";

    private readonly Spreadsheet spreadsheet;
    private readonly Dictionary<(string? Format, bool Bold, double? Size, bool Wrap, bool Top), StyleId> styles = [];
    private readonly StyleId quoted;
    private Cell[] buffer = new Cell[16];

    public XlsxWriter(Stream output)
    {
        // Fastest compression: about twice as fast as the default for a few per cent more bytes.
        spreadsheet = Wait(Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions
        {
            CompressionLevel = SpreadCheetahCompressionLevel.Fastest,
            PreserveStringWhitespace = true,
        }));
        quoted = Style("@");
    }

    public StyleId Style(string? format = null, bool bold = false, double? size = null, bool wrap = false, bool top = false)
    {
        if (styles.TryGetValue((format, bold, size, wrap, top), out var id)) return id;
        var style = new Style();
        if (format is not null) style.Format = SpreadCheetah.Styling.NumberFormat.Custom(format);
        style.Font.Bold = bold;
        if (size is { } s) style.Font.Size = s;
        style.Alignment.WrapText = wrap;
        if (top) style.Alignment.Vertical = VerticalAlignment.Top;
        return styles[(format, bold, size, wrap, top)] = spreadsheet.AddStyle(style);
    }

    /// <summary>Pictures go into the package before any worksheet starts (SpreadCheetah writes parts in order).</summary>
    public EmbeddedImage Embed(byte[] png)
    {
        using var stream = new MemoryStream(png, writable: false);
        return Wait(spreadsheet.EmbedImageAsync(stream));
    }

    public void StartSheet(string name, IReadOnlyList<double> widths, int frozenRows = 0)
    {
        var options = new WorksheetOptions();
        if (frozenRows > 0) options.FrozenRows = frozenRows;
        for (var c = 0; c < widths.Count; c++) options.Column(c + 1).Width = widths[c];
        Wait(spreadsheet.StartWorksheetAsync(name, options));
    }

    /// <summary>
    /// An Excel table (filter buttons, banded rows) over a header row and <paramref name="rows"/>, from the next row.
    /// A table needs a data row; an empty one says "nothing here" better than a missing table.
    /// </summary>
    public void Table(string name, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<XCell>> rows)
    {
        spreadsheet.StartTable(new Table(TableStyle.Light9, name));
        Wait(spreadsheet.AddHeaderRowAsync([.. headers]));
        var any = false;
        foreach (var row in rows)
        {
            Row(row);
            any = true;
        }
        if (!any) Row([Empty]);
        Wait(spreadsheet.FinishTableAsync());
    }

    public void Row(IReadOnlyList<XCell> cells)
    {
        if (buffer.Length < cells.Count) buffer = new Cell[cells.Count];
        for (var c = 0; c < cells.Count; c++) buffer[c] = cells[c].Cell;
        Wait(spreadsheet.AddRowAsync(buffer.AsMemory(0, cells.Count)));
    }

    /// <summary>The «Om» sheet's head: a title, then one bold key and its value per row (see <see cref="Wrapped"/>).</summary>
    public void About(string title, IEnumerable<(string Key, XCell Value)> facts)
    {
        Row([new(new Cell(title, Style(bold: true, size: 14)), null)]);
        Row([]);
        foreach (var (key, value) in facts) Row([Bold(key), value]);
    }

    public XCell Bold(string text) => Text(text, Style(bold: true));

    /// <summary>Text wrapped within its column and aligned to the top, for long explanations.</summary>
    public XCell Wrapped(string? text) => Text(text, Style(wrap: true, top: true));

    /// <summary>A picture at a cell (e.g. "F12"), scaled from its size in pixels.</summary>
    public void Picture(string cell, EmbeddedImage image, float scale) =>
        spreadsheet.AddImage(ImageCanvas.Scaled(cell, scale), image);

    /// <summary>The row the next <see cref="Row"/> writes (1-based), e.g. to place pictures below a table.</summary>
    public int NextRow => (int)spreadsheet.NextRowNumber;

    public void Finish() => Wait(spreadsheet.FinishAsync());

    public void Dispose() => spreadsheet.Dispose();

    public static XCell Empty => new(new Cell((string?)null), null);

    /// <summary>Always a text cell, never a formula, whatever the text starts with (formula injection).</summary>
    public XCell Text(string? text, StyleId? style = null)
    {
        if (text is null) return Empty;
        var clean = CleanText(text);
        return new(LooksLikeFormula(clean) ? new Cell(clean, quoted) : new Cell(clean, style), clean);
    }

    /// <summary>A number; without a format code Excel shows it as General. Its column's width follows the header.</summary>
    public XCell Number(decimal? value, string? format) =>
        format is null ? value is { } v ? new(new Cell(v), null) : Empty : Number(value, Style(format));

    /// <summary>A number in a style made beforehand (<see cref="Style"/>): the fast path for streamed rows.</summary>
    public static XCell Number(decimal? value, StyleId style) => value is { } v ? new(new Cell(v, style), null) : Empty;

    public XCell Int(int value) => Int(value, Style(IntFormat));

    public static XCell Int(int value, StyleId style) => new(new Cell(value, style), null);

    public XCell Date(DateTime? value, string format) => Date(value, Style(format), format);

    /// <summary>A date in a style made beforehand; <paramref name="format"/> is the text its width is measured by.</summary>
    public static XCell Date(DateTime? value, StyleId style, string format) => value is { } v ? new(new Cell(v, style), format) : Empty;

    /// <summary>Column widths in characters from the header and the texts written (or a sample of them); no font needed.</summary>
    public static double[] Widths(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<XCell>> rows, double min = 9, double max = 60)
    {
        var widths = headers.Select(h => Width([h])).ToArray();
        foreach (var row in rows)
            for (var c = 0; c < Math.Min(row.Count, widths.Length); c++)
                if (row[c].Text is { } t) widths[c] = Math.Max(widths[c], Width([t]));
        return [.. widths.Select(w => Math.Clamp(w, min, max))];
    }

    /// <summary>"A", "F", "AB": the letters of a 1-based column number.</summary>
    public static string ColumnLetters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26) letters = (char)('A' + (column - 1) % 26) + letters;
        return letters;
    }

    private static void Wait(ValueTask task)
    {
        if (!task.IsCompletedSuccessfully) task.AsTask().GetAwaiter().GetResult();
    }

    private static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();
}
