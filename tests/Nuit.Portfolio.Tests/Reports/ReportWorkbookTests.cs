using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Nuit.Portfolio.Files.Workbooks;
using Nuit.Portfolio.Rendering.Reports;

namespace Nuit.Portfolio.Tests.Reports;

public sealed class ReportWorkbookTests
{
    private static byte[] Build()
    {
        var report = SampleReport.Build();
        return ReportWorkbookBuilder.Build(report, QuarterReportFiles.Charts(report), "Publisert, versjon 1");
    }

    [Fact]
    public void The_workbook_has_a_sheet_per_chapter_with_their_rows()
    {
        using var wb = XlsxBook.Open(Build());

        Assert.Equal(["Sammendrag", "Tiltak", "Indikatorer", "Saker", "Aksjonspunkter", "Vedtak", "Oppfølging", "Dekning"], wb.SheetNames);
        Assert.Equal(("M1", "SFM", "NUIT 4/25", "foreslått"), (wb.Worksheet("Vedtak").Cell("A2").GetString(), wb.Worksheet("Vedtak").Cell("C2").GetString(),
            wb.Worksheet("Vedtak").Cell("F2").GetString(), wb.Worksheet("Vedtak").Cell("J2").GetString()));
        Assert.Equal(("Forfalt", XlsxKind.Date), (wb.Worksheet("Oppfølging").Cell("A2").GetString(), wb.Worksheet("Oppfølging").Cell("G2").Kind));
        Assert.Equal(("PLL", "NUIT 20/24"), (wb.Worksheet("Dekning").Cell("A2").GetString(), wb.Worksheet("Dekning").Cell("E2").GetString()));
        var cases = wb.Worksheet("Saker");
        Assert.Equal(["NUIT 1/25", "NUIT 4/25"], new[] { "A2", "A3" }.Select(a => cases.Cell(a).GetString()));
        Assert.Equal((XlsxKind.Date, new DateTime(2025, 3, 12), "dd.mm.yyyy"), (cases.Cell("C2").Kind, cases.Cell("C2").GetDateTime(), cases.Cell("C2").Format));
        Assert.Equal("SFM (bekreftet)", cases.Cell("H3").GetString());
        var items = wb.Worksheet("Tiltak");
        var sfm = items.RowsUsed().Single(r => r.Cell(1).GetString() == "SFM");
        Assert.Equal(("Gul", "Grønn", "Verre"), (sfm.Cell(5).GetString(), sfm.Cell(6).GetString(), sfm.Cell(7).GetString()));
        Assert.Equal((XlsxKind.Number, 1.0, "#,##0"), (sfm.Cell(13).Kind, sfm.Cell(13).GetDouble(), sfm.Cell(13).Format));
        var indicator = wb.Worksheet("Indikatorer");
        Assert.Equal(("DIGITAL-KONTAKT", 57.0, 60.0, "Gul"), (indicator.Cell("A2").GetString(), indicator.Cell("F2").GetDouble(), indicator.Cell("G2").GetDouble(), indicator.Cell("H2").GetString()));
        Assert.Equal(207, wb.Worksheet("Aksjonspunkter").Cell("C2").GetDouble());
        foreach (var sheet in wb.Sheets)
        {
            Assert.Equal(sheet.Name == "Sammendrag" ? 4 : 1, sheet.FrozenRows);
            Assert.Single(sheet.Tables);
            Assert.True(sheet.HasFilter);
        }
        Assert.Equal("A4:H" + (4 + SampleReport.Build().Goals.Count), wb.Worksheet("Sammendrag").Tables.Single());
    }

    [Fact]
    public void The_charts_are_png_pictures_in_the_workbook()
    {
        using var wb = XlsxBook.Open(Build());
        Assert.Equal(2, wb.Worksheet("Sammendrag").Pictures);
        Assert.Equal(SampleReport.Build().Indicators.Count, wb.Worksheet("Indikatorer").Pictures);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_stays_text()
    {
        var report = SampleReport.Build();
        var evil = report with { ActionPoints = [new ActionPointRow("NUIT 1/25", "=HYPERLINK(\"http://x\";\"klikk\")", new DateOnly(2025, 3, 12), 19)] };
        using var wb = XlsxBook.Open(ReportWorkbookBuilder.Build(evil, [], "Utkast"));
        var cell = wb.Worksheet("Aksjonspunkter").Cell("D2");
        Assert.False(cell.HasFormula);
        Assert.Equal(XlsxKind.Text, cell.Kind);
        Assert.True(cell.IsTextFormatted);
    }

    [Fact]
    public void An_empty_quarter_still_has_its_tables()
    {
        var empty = SampleReport.Build() with { ActionPoints = [], Cases = [] };
        using var wb = XlsxBook.Open(ReportWorkbookBuilder.Build(empty, [], "Utkast"));
        Assert.Equal("A1:D2", wb.Worksheet("Aksjonspunkter").Tables.Single());
        Assert.Equal(0, wb.Worksheet("Sammendrag").Pictures);
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
