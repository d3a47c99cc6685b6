using System.IO.Compression;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Tests.Workbooks;

public sealed class IndicatorWorkbookReaderTests
{
    private static byte[] Edit(byte[] workbook, Action<XlsxSheet> edit) => XlsxBook.Edit(workbook, wb => edit(wb.Worksheet("Verdier")));

    private static InputException Fails(byte[] bytes, string name = "indikatorer.xlsx") =>
        Assert.Throws<InputException>(() => IndicatorWorkbookReader.Read(bytes, name));

    [Fact]
    public void An_exported_workbook_reads_back_as_written()
    {
        var bytes = SampleWorkbook.Write();

        var content = IndicatorWorkbookReader.Read(bytes, "indikatorer.xlsx");

        Assert.Equal(5, content.Rows.Count);
        var row = content.Rows[1];
        Assert.Equal(new ValueSheetEntry(3, "DIGITAL-KONTAKT", Period.OfYear(2023), 57, 60, "Innbyggerundersøkelsen om e-helse 2023",
            SampleWorkbook.Injection, "NUIT 31/24"), row);
        Assert.Equal(Period.Parse("2025-Q1"), content.Rows[4].Period);
        Assert.Equal(1234.5m, content.Rows[4].Value);
        Assert.Null(content.Rows[2].Value);
    }

    [Fact]
    public void Edits_moved_columns_and_new_rows_are_read()
    {
        var bytes = Edit(SampleWorkbook.Write(), ws =>
        {
            ws.Cell("C2").Value = 55.5;
            ws.Cell("A7").Value = "digital-kontakt";
            ws.Cell("B7").Value = 2024;
            ws.Cell("C7").Value = 61;
            // Swap the Status and Kilde columns (by header): the reader goes by header, not by position.
            ws.Cell("F1").Value = "Midlertidig";
            ws.Cell("E1").Value = "Kilde";
            ws.Cell("F1").Value = "Status";
            ws.Cell("E7").Value = "Innbyggerundersøkelsen 2024";
            ws.Cell("B8").Value = "";
        });

        var content = IndicatorWorkbookReader.Read(bytes, "x.xlsx");

        Assert.Equal(55.5m, content.Rows[0].Value);
        var added = content.Rows[^1];
        Assert.Equal(("DIGITAL-KONTAKT", Period.OfYear(2024), 61m, "Innbyggerundersøkelsen 2024"), (added.Code, added.Period, added.Value!.Value, added.Source!));
        Assert.Equal("Verdier!E7", content.Cell(7, IndicatorWorkbookLayout.SourceHeader));
    }

    [Fact]
    public void Text_that_is_not_a_number_names_sheet_cell_and_text()
    {
        var bytes = Edit(SampleWorkbook.Write(), ws => ws.Cell("C14").Value = "12,5 %");
        var ex = Fails(Edit(bytes, ws => { ws.Cell("A14").Value = "DIGITAL-KONTAKT"; ws.Cell("B14").Value = 2024; }));
        Assert.Equal("indikatorer.xlsx, Verdier!C14: «12,5 %» er ikke et tall.", ex.Message);
    }

    [Fact]
    public void A_number_typed_as_text_is_read_the_norwegian_way()
    {
        var bytes = Edit(SampleWorkbook.Write(), ws => ws.Cell("C2").Value = "12,5");
        Assert.Equal(12.5m, IndicatorWorkbookReader.Read(bytes, "x.xlsx").Rows[0].Value);
    }

    [Theory]
    [InlineData("B2", "2024-13", "Verdier!B2: «2024-13» er ikke en periode")]
    [InlineData("D3", "ja", "Verdier!D3: «ja» er ikke et tall")]
    public void Bad_cells_name_their_place(string cell, string text, string expected)
    {
        var bytes = Edit(SampleWorkbook.Write(), ws => ws.Cell(cell).Value = text);
        Assert.Contains(expected, Fails(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formulas_are_refused()
    {
        var bytes = Edit(SampleWorkbook.Write(), ws => ws.Cell("C2").FormulaA1 = "1+1");
        Assert.Contains("Verdier!C2: cellen inneholder en formel", Fails(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_period_and_a_missing_column_are_refused()
    {
        var twice = Edit(SampleWorkbook.Write(), ws => { ws.Cell("A7").Value = "DIGITAL-KONTAKT"; ws.Cell("B7").Value = 2022; });
        Assert.Contains("Verdier!B7: DIGITAL-KONTAKT 2022 står også i rad 2", Fails(twice).Message, StringComparison.Ordinal);

        var noValue = Edit(SampleWorkbook.Write(), ws => ws.Cell("C1").Value = "Tall");
        Assert.Contains("Verdier!A1: mangler kolonnen «Verdi»", Fails(noValue).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_without_the_Verdier_sheet_is_refused()
    {
        var roadmapLike = new MemoryStream();
        RoadmapWorkbookWriter.Write([new RoadmapSheet("Ark1", ["x"], [])], [], "Ark", roadmapLike);
        Assert.Contains("mangler arket «Verdier»", Fails(roadmapLike.ToArray()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Macro_enabled_files_are_refused_by_name_and_by_content()
    {
        var workbook = SampleWorkbook.Write();
        Assert.Contains("makro", Fails(workbook, "indikatorer.xlsm").Message, StringComparison.Ordinal);

        var withVba = AddEntry(workbook, "xl/vbaProject.bin", new byte[100]);
        Assert.Contains("makroer (VBA)", Fails(withVba).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversize_files_zip_bombs_and_non_workbooks_are_refused()
    {
        var big = new byte[WorkbookFileGuard.MaxFileBytes + 1];
        big[0] = (byte)'P';
        big[1] = (byte)'K';
        Assert.Contains("Største tillatte størrelse er 20\u00a0971\u00a0520 byte (20 MB).", Fails(big).Message, StringComparison.Ordinal);

        // 60 MB of zeros packs to about 60 KB: a thousand to one.
        var bomb = AddEntry(SampleWorkbook.Write(), "xl/media/zeros.bin", new byte[60 * 1024 * 1024]);
        Assert.True(bomb.Length < 1024 * 1024);
        Assert.Contains("zip-bombe", Fails(bomb).Message, StringComparison.Ordinal);

        Assert.Contains("ikke en Excel-arbeidsbok", Fails("Indikator;Periode;Verdi\n"u8.ToArray(), "indikatorer.csv").Message, StringComparison.Ordinal);
        var truncated = SampleWorkbook.Write()[..2000];
        Assert.Contains("skadet", Fails(truncated).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_bad_cells_are_named_together_up_to_a_limit()
    {
        var bytes = Edit(SampleWorkbook.Write(extraRows: 30), ws =>
        {
            for (var r = 2; r <= 36; r++) ws.Cell(r, 3).Value = "mye";
        });
        var message = Fails(bytes).Message;
        Assert.StartsWith("indikatorer.xlsx, Verdier!C2: «mye» er ikke et tall. Også (de første 10): Verdier!C3: «mye» er ikke et tall.", message, StringComparison.Ordinal);
        Assert.Contains("Verdier!C11:", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Verdier!C12:", message, StringComparison.Ordinal);
        Assert.EndsWith("Ingenting er lagret.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sheet_with_more_rows_than_the_limit_is_refused_while_reading()
    {
        var bytes = SampleWorkbook.Many(IndicatorWorkbookReader.MaxRows + 1);
        var message = Fails(bytes).Message;
        var limit = IndicatorWorkbookReader.MaxRows.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("nb-NO"));
        Assert.Contains($"Verdier!A{IndicatorWorkbookReader.MaxRows + 2}: arket har mer enn {limit} rader", message, StringComparison.Ordinal);
    }

    private static byte[] AddEntry(byte[] workbook, string name, byte[] content)
    {
        using var s = new MemoryStream();
        s.Write(workbook);
        using (var zip = new ZipArchive(s, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var e = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            e.Write(content);
        }
        return s.ToArray();
    }
}
