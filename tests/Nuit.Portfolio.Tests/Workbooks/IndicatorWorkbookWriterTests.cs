using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Tests.Workbooks;

/// <summary>The indicator workbook, reopened with the OpenXml SDK and read cell by cell.</summary>
public sealed class IndicatorWorkbookWriterTests
{
    [Fact]
    public void Sheets_are_Indikatorer_Verdier_Om_with_frozen_headers_and_tables()
    {
        using var wb = XlsxBook.Open(SampleWorkbook.Write());
        Assert.Equal(["Indikatorer", "Verdier", "Om"], wb.SheetNames);
        foreach (var name in new[] { "Indikatorer", "Verdier" })
        {
            var ws = wb.Worksheet(name);
            Assert.Equal(1, ws.FrozenRows);
            Assert.Single(ws.Tables);
            Assert.True(ws.HasFilter);
            Assert.All(Enumerable.Range(1, name == "Verdier" ? 9 : 10), c => Assert.InRange(ws.ColumnWidth(c) ?? 0, 9, 61));
        }
        var values = wb.Worksheet("Verdier");
        Assert.Equal("A1:I6", values.Tables.Single());
        Assert.Equal(IndicatorWorkbookLayout.ValueHeaders, Enumerable.Range(1, 9).Select(c => values.Cell(1, c).GetString()));
        // Widths follow the texts: the source column is wider than the period column.
        Assert.True(values.ColumnWidth(6) > values.ColumnWidth(2));
    }

    [Fact]
    public void Numbers_and_dates_are_real_cells_with_norwegian_display_formats()
    {
        using var wb = XlsxBook.Open(SampleWorkbook.Write());
        var ws = wb.Worksheet("Verdier");

        var year = ws.Cell("B3");
        Assert.Equal(XlsxKind.Number, year.Kind);
        Assert.Equal(2023, year.GetDouble());
        Assert.Equal("0", year.Format);   // 2023, not "2 023"

        var value = ws.Cell("C3");
        Assert.Equal(XlsxKind.Number, value.Kind);
        Assert.Equal(57, value.GetDouble());
        Assert.Equal("#,##0", value.Format);
        Assert.Equal(60, ws.Cell("D3").GetDouble());

        var oneDecimal = ws.Cell("C6");
        Assert.Equal(1234.5, oneDecimal.GetDouble());
        Assert.Equal("#,##0.0", oneDecimal.Format);   // Excel shows 1 234,5 in Norway
        Assert.Equal(XlsxKind.Text, ws.Cell("B6").Kind);
        Assert.Equal("2025-Q1", ws.Cell("B6").GetString());

        var recorded = ws.Cell("I2");
        Assert.Equal(XlsxKind.Date, recorded.Kind);
        Assert.Equal(new DateTime(2025, 2, 13, 14, 30, 0), recorded.GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", recorded.Format);

        Assert.True(ws.Cell("C4").IsEmpty());                  // no value reported: empty, not 0
        Assert.Equal("Grå (ikke rapportert)", ws.Cell("E4").GetString());
        Assert.Equal("Gul", ws.Cell("E3").GetString());        // status as text, not colour alone

        var about = wb.Worksheet("Om");
        Assert.Equal(XlsxKind.Date, about.Cell("B3").Kind);
        Assert.Equal("1.0.0-test", about.Cell("B4").GetString());
        Assert.Equal("alle mål; fra 2019", about.Cell("B5").GetString());
        Assert.Equal("0 %", about.Cell("J11").Format);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_written_as_text()
    {
        using var wb = XlsxBook.Open(SampleWorkbook.Write());
        var ws = wb.Worksheet("Verdier");
        foreach (var (address, text) in new[] { ("G3", SampleWorkbook.Injection), ("F5", "-tall fra rapporten"), ("G5", "@bruker"), ("F6", "\tinnrykk") })
        {
            var cell = ws.Cell(address);
            Assert.False(cell.HasFormula, address);
            Assert.Equal(XlsxKind.Text, cell.Kind);
            Assert.Equal(text, cell.GetString());
            Assert.True(cell.IsTextFormatted, address);
        }
        Assert.False(ws.Cell("F2").IsTextFormatted);
        Assert.DoesNotContain(wb.Worksheet("Indikatorer").RowsUsed().SelectMany(r => r.Cells()), c => c.HasFormula);
    }

    [Fact]
    public void The_open_xml_validator_finds_no_errors()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(SampleWorkbook.Write(extraRows: 50)), false);
        var errors = new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Many_rows_stream_into_one_table_and_read_back()
    {
        var bytes = SampleWorkbook.Many(30_000);
        using (var wb = XlsxBook.Open(bytes))
            Assert.Equal("A1:I30001", wb.Worksheet("Verdier").Tables.Single());
        var rows = IndicatorWorkbookReader.Read(bytes, "stor.xlsx").Rows;
        Assert.Equal((30_000, "K29999", 29_999m), (rows.Count, rows[^1].Code, rows[^1].Value));
    }
}
