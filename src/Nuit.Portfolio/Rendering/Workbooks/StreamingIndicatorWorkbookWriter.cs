using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Nuit.Portfolio.Domain;
using static Nuit.Portfolio.Rendering.Workbooks.IndicatorWorkbookLayout;

namespace Nuit.Portfolio.Rendering.Workbooks;

/// <summary>
/// Writes the indicator workbook with the Verdier sheet streamed row by row, for exports too large for
/// ClosedXML. The layout is not written twice: ClosedXML builds the workbook with a few style rows
/// (one per number of decimals, one with quote-prefixed text), and this writer copies that package,
/// replacing the Verdier sheet with rows written by OpenXmlWriter using the style rows' style indexes,
/// and widening the table to the real rows. OpenXml 2.20 cannot open a write-only package, so the zip
/// is written directly; memory stays flat however many rows there are.
/// </summary>
public static class StreamingIndicatorWorkbookWriter
{
    private const int QuotedStyleRow = MaxDecimals + 1;

    public static void Write(IndicatorWorkbook model, Stream output)
    {
        using var values = model.Values.GetEnumerator();
        var sample = new List<ValueSheetRow>();
        while (sample.Count < 1000 && values.MoveNext()) sample.Add(values.Current);

        using var template = new MemoryStream();
        using (var workbook = ClosedXmlIndicatorWorkbookWriter.Create(model, StyleRows(), sample))
            workbook.SaveAs(template);

        template.Position = 0;
        using var document = SpreadsheetDocument.Open(template, false);
        var workbookPart = document.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == ValueSheet);
        var sheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
        var tablePart = sheetPart.TableDefinitionParts.Single();
        var worksheet = sheetPart.Worksheet;
        var templateRows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var styles = templateRows.Skip(1).Select(r => r.Elements<Cell>().Select(c => c.StyleIndex?.Value ?? 0u).ToArray()).ToList();
        var decimals = model.Indicators.ToDictionary(i => i.Code, i => i.Decimals);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        template.Position = 0;
        using (var source = new ZipArchive(template, ZipArchiveMode.Read, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                if (entry.FullName == EntryName(sheetPart) || entry.FullName == EntryName(tablePart)) continue;
                using var from = entry.Open();
                using var to = zip.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                from.CopyTo(to);
            }
        }

        var written = 0;
        using (var part = zip.CreateEntry(EntryName(sheetPart), CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Worksheet(), [], worksheet.NamespaceDeclarations);
            foreach (var child in worksheet.ChildElements)
            {
                // The template's dimension names its few rows; it is optional, so it is left out.
                if (child is SheetDimension) continue;
                if (child is not SheetData)
                {
                    writer.WriteElement(child);
                    continue;
                }
                writer.WriteStartElement(new SheetData());
                writer.WriteElement(templateRows[0]);
                foreach (var row in sample.Concat(Rest(values)))
                {
                    written++;
                    WriteRow(writer, written + 1, row, styles[Math.Min(decimals.GetValueOrDefault(row.Code), MaxDecimals)], styles[QuotedStyleRow]);
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.Close();
        }

        var table = (Table)tablePart.Table.CloneNode(true);
        var range = $"A1:{ColumnName(ValueHeaders.Count)}{Math.Max(written, 1) + 1}";
        table.Reference = range;
        table.AutoFilter!.Reference = range;
        using (var part = zip.CreateEntry(EntryName(tablePart), CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartDocument();
            writer.WriteElement(table);
            writer.Close();
        }
    }

    private static IEnumerable<ValueSheetRow> Rest(IEnumerator<ValueSheetRow> values)
    {
        while (values.MoveNext()) yield return values.Current;
    }

    /// <summary>Rows 2..5 carry the number styles for 0..3 decimals; row 6 the quote-prefixed text style.</summary>
    private static IEnumerable<ClosedXmlIndicatorWorkbookWriter.StyledRow> StyleRows()
    {
        var row = new ValueSheetRow("X", Period.OfYear(2025), 1, 1, "x", "x", "x", "x", new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Unspecified));
        for (var d = 0; d <= MaxDecimals; d++) yield return new(row, d, false);
        yield return new(row, 0, true);
    }

    private static void WriteRow(OpenXmlWriter writer, int r, ValueSheetRow row, uint[] styles, uint[] quoted)
    {
        var rowRef = r.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowRef)]);
        TextCell(writer, "A", rowRef, row.Code, styles, quoted, 0);
        if (row.Period.IsYear) NumberCell(writer, "B", rowRef, row.Period.Year.ToString(CultureInfo.InvariantCulture), styles[1]);
        else TextCell(writer, "B", rowRef, row.Period.ToString(), styles, quoted, 1);
        if (row.Value is { } v) NumberCell(writer, "C", rowRef, Invariant(v), styles[2]);
        if (row.Target is { } t) NumberCell(writer, "D", rowRef, Invariant(t), styles[3]);
        TextCell(writer, "E", rowRef, row.Status, styles, quoted, 4);
        TextCell(writer, "F", rowRef, row.Source, styles, quoted, 5);
        TextCell(writer, "G", rowRef, row.Note, styles, quoted, 6);
        TextCell(writer, "H", rowRef, row.TargetSetBy, styles, quoted, 7);
        if (row.RecordedAt is { } at)
            NumberCell(writer, "I", rowRef, at.ToOADate().ToString("R", CultureInfo.InvariantCulture), styles[8]);
        writer.WriteEndElement();
    }

    private static void NumberCell(OpenXmlWriter writer, string column, string row, string value, uint style)
    {
        writer.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", column + row), new OpenXmlAttribute("s", "", Style(style))]);
        writer.WriteElement(new CellValue(value));
        writer.WriteEndElement();
    }

    /// <summary>An inline string: text, never a formula; risky leading characters get the quote-prefix style too.</summary>
    private static void TextCell(OpenXmlWriter writer, string column, string row, string? text, uint[] styles, uint[] quoted, int index)
    {
        if (text is null) return;
        var clean = CleanText(text);
        var style = LooksLikeFormula(clean) ? quoted[index] : styles[index];
        writer.WriteStartElement(new Cell(), [
            new OpenXmlAttribute("r", "", column + row), new OpenXmlAttribute("s", "", Style(style)), new OpenXmlAttribute("t", "", "inlineStr")]);
        var value = new Text(clean);
        if (clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]))) value.Space = SpaceProcessingModeValues.Preserve;
        writer.WriteElement(new InlineString(value));
        writer.WriteEndElement();
    }

    private static readonly string[] StyleTexts = [.. Enumerable.Range(0, 256).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    private static string Style(uint style) => style < StyleTexts.Length ? StyleTexts[style] : style.ToString(CultureInfo.InvariantCulture);

    private static string EntryName(OpenXmlPart part) => part.Uri.OriginalString.TrimStart('/');

    private static string ColumnName(int column) => ((char)('A' + column - 1)).ToString();
}
