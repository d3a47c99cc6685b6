using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Nuit.Portfolio.Rendering.Reports;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Tests.Reports;

public sealed class ReportWorkbookTests
{
    private static byte[] Build()
    {
        var report = SampleReport.Build();
        return ReportWorkbookBuilder.Build(report, QuarterReportFiles.Charts(report), "Publisert, versjon 1");
    }

    [Fact]
    public void The_workbook_has_the_five_sheets_with_their_rows()
    {
        using var wb = new XLWorkbook(new MemoryStream(Build()));

        Assert.Equal(["Sammendrag", "Tiltak", "Indikatorer", "Saker", "Aksjonspunkter"], wb.Worksheets.Select(w => w.Name));
        var cases = wb.Worksheet("Saker");
        Assert.Equal(["NUIT 1/25", "NUIT 4/25"], cases.Range("A2:A3").Cells().Select(c => c.GetString()));
        Assert.Equal(new DateTime(2025, 3, 12), cases.Cell("C2").GetDateTime());
        Assert.Equal("SFM (bekreftet)", cases.Cell("H3").GetString());
        var items = wb.Worksheet("Tiltak");
        var sfm = items.Column(1).CellsUsed().Single(c => c.GetString() == "SFM").WorksheetRow();
        Assert.Equal(("Gul", "Grønn", "Verre"), (sfm.Cell(5).GetString(), sfm.Cell(6).GetString(), sfm.Cell(7).GetString()));
        Assert.Equal(1, sfm.Cell(13).GetValue<int>());
        var indicator = wb.Worksheet("Indikatorer").Row(2);
        Assert.Equal(("DIGITAL-KONTAKT", 57m, 60m, "Gul"), (indicator.Cell(1).GetString(), indicator.Cell(6).GetValue<decimal>(), indicator.Cell(7).GetValue<decimal>(), indicator.Cell(8).GetString()));
        Assert.Equal(207, wb.Worksheet("Aksjonspunkter").Cell("C2").GetValue<int>());
        Assert.Equal(1, wb.Worksheet("Saker").SheetView.SplitRow);
    }

    [Fact]
    public void The_charts_are_pictures_in_the_workbook()
    {
        using var wb = new XLWorkbook(new MemoryStream(Build()));
        Assert.Equal(2, wb.Worksheet("Sammendrag").Pictures.Count);
        Assert.Equal(SampleReport.Build().Indicators.Count, wb.Worksheet("Indikatorer").Pictures.Count);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_stays_text()
    {
        var report = SampleReport.Build();
        var evil = report with { ActionPoints = [new ActionPointRow("NUIT 1/25", "=HYPERLINK(\"http://x\";\"klikk\")", new DateOnly(2025, 3, 12), 19)] };
        using var wb = new XLWorkbook(new MemoryStream(ReportWorkbookBuilder.Build(evil, [], "Utkast")));
        var cell = wb.Worksheet("Aksjonspunkter").Cell("D2");
        Assert.False(cell.HasFormula);
        Assert.True(cell.Style.IncludeQuotePrefix);
    }

    [Fact]
    public void The_open_xml_validator_finds_no_errors()
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(Build()), false);
        var errors = new OpenXmlValidator().Validate(doc, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }
}
