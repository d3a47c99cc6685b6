using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Tests.Workbooks;

/// <summary>Both writers (ClosedXML and streaming) are held to the same checks by reopening what they wrote.</summary>
public sealed class IndicatorWorkbookWriterTests
{
    public static TheoryData<string> Writers => ["closedxml", "streaming"];

    private static byte[] Write(string writer, int extraRows = 0)
    {
        var model = SampleWorkbook.Create(extraRows);
        return writer == "closedxml" ? SampleWorkbook.ClosedXml(model) : SampleWorkbook.Streaming(model);
    }

    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    [Theory]
    [MemberData(nameof(Writers))]
    public void Sheets_are_Indikatorer_Verdier_Om_with_frozen_headers_and_tables(string writer)
    {
        using var wb = Open(Write(writer));
        Assert.Equal(["Indikatorer", "Verdier", "Om"], wb.Worksheets.Select(w => w.Name));
        foreach (var name in new[] { "Indikatorer", "Verdier" })
        {
            var ws = wb.Worksheet(name);
            Assert.Equal(1, ws.SheetView.SplitRow);
            var table = Assert.Single(ws.Tables);
            Assert.True(table.ShowAutoFilter);
            Assert.Equal(1, table.RangeAddress.FirstAddress.RowNumber);
            Assert.All(Enumerable.Range(1, table.ColumnCount()), c => Assert.InRange(ws.Column(c).Width, 9, 60));
        }
        var values = wb.Worksheet("Verdier");
        Assert.Equal("A1:I6", values.Tables.Single().RangeAddress.ToString());
        Assert.Equal(IndicatorWorkbookLayout.ValueHeaders, Enumerable.Range(1, 9).Select(c => values.Cell(1, c).GetString()));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Numbers_and_dates_are_real_cells_with_norwegian_display_formats(string writer)
    {
        using var wb = Open(Write(writer));
        var ws = wb.Worksheet("Verdier");

        var year = ws.Cell("B3");
        Assert.Equal(XLDataType.Number, year.DataType);
        Assert.Equal(2023, year.GetDouble());
        Assert.Equal("0", year.Style.NumberFormat.Format);   // 2023, not "2 023"

        var value = ws.Cell("C3");
        Assert.Equal(XLDataType.Number, value.DataType);
        Assert.Equal(57, value.GetDouble());
        Assert.Equal("#,##0", value.Style.NumberFormat.Format);
        Assert.Equal(60, ws.Cell("D3").GetDouble());

        var oneDecimal = ws.Cell("C6");
        Assert.Equal(1234.5, oneDecimal.GetDouble());
        Assert.Equal("#,##0.0", oneDecimal.Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Text, ws.Cell("B6").DataType);
        Assert.Equal("2025-Q1", ws.Cell("B6").GetString());

        var recorded = ws.Cell("I2");
        Assert.Equal(XLDataType.DateTime, recorded.DataType);
        Assert.Equal(new DateTime(2025, 2, 13, 14, 30, 0), recorded.GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", recorded.Style.NumberFormat.Format);

        Assert.True(ws.Cell("C4").IsEmpty());                  // no value reported: empty, not 0
        Assert.Equal("Grå (ikke rapportert)", ws.Cell("E4").GetString());
        Assert.Equal("Gul", ws.Cell("E3").GetString());        // status as text, not colour alone

        var about = wb.Worksheet("Om");
        Assert.Equal(XLDataType.DateTime, about.Cell("B3").DataType);
        Assert.Equal("1.0.0-test", about.Cell("B4").GetString());
        Assert.Equal("alle mål; fra 2019", about.Cell("B5").GetString());
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Text_that_looks_like_a_formula_is_written_as_text(string writer)
    {
        using var wb = Open(Write(writer));
        var ws = wb.Worksheet("Verdier");
        foreach (var (address, text) in new[] { ("G3", SampleWorkbook.Injection), ("F5", "-tall fra rapporten"), ("G5", "@bruker"), ("F6", "\tinnrykk") })
        {
            var cell = ws.Cell(address);
            Assert.False(cell.HasFormula, address);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(text, cell.GetString());
            Assert.True(cell.Style.IncludeQuotePrefix, address);
        }
        Assert.False(ws.Cell("F2").Style.IncludeQuotePrefix);
        Assert.DoesNotContain(wb.Worksheet("Indikatorer").Cells(), c => c.HasFormula);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void The_open_xml_validator_finds_no_errors(string writer)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Write(writer, extraRows: 50)), false);
        var errors = new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void The_streaming_writer_gives_the_same_cells_as_ClosedXML()
    {
        var model = SampleWorkbook.Create(extraRows: 300);
        using var a = Open(SampleWorkbook.ClosedXml(model));
        using var b = Open(SampleWorkbook.Streaming(model));
        var wa = a.Worksheet("Verdier");
        var wb = b.Worksheet("Verdier");
        Assert.Equal(wa.LastRowUsed()!.RowNumber(), wb.LastRowUsed()!.RowNumber());
        Assert.Equal(306, wb.LastRowUsed()!.RowNumber());
        Assert.Equal(wa.Tables.Single().RangeAddress.ToString(), wb.Tables.Single().RangeAddress.ToString());
        foreach (var cell in wa.RangeUsed()!.Cells())
        {
            var other = wb.Cell(cell.Address.ToStringRelative());
            Assert.Equal(cell.DataType, other.DataType);
            Assert.Equal(cell.GetString(), other.GetString());
            Assert.Equal(cell.Style.NumberFormat.Format, other.Style.NumberFormat.Format);
        }
        Assert.Equal(wa.Column(6).Width, wb.Column(6).Width);
    }

    [Fact]
    public void The_writer_switches_to_streaming_above_the_threshold()
    {
        var small = SampleWorkbook.Create();
        using var s = new MemoryStream();
        IndicatorWorkbookWriter.Write(small, s);
        // ClosedXML writes shared strings; the streaming writer writes inline strings.
        Assert.DoesNotContain("inlineStr", SheetXml(s.ToArray()), StringComparison.Ordinal);

        var large = small with { ValueCount = IndicatorWorkbookWriter.StreamingThreshold + 1 };
        using var l = new MemoryStream();
        IndicatorWorkbookWriter.Write(large, l);
        Assert.Contains("inlineStr", SheetXml(l.ToArray()), StringComparison.Ordinal);
    }

    private static string SheetXml(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = doc.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(x => x.Name == "Verdier");
        var part = (WorksheetPart)doc.WorkbookPart.GetPartById(sheet.Id!);
        using var reader = new StreamReader(part.GetStream());
        return reader.ReadToEndAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
    }
}
