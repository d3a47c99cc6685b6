using System.Diagnostics;
using System.Text.Json;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Indicators;

public sealed class IndicatorCliTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> Nuit(params string[] args) =>
        AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);

    [Fact]
    public async Task Values_and_targets_set_from_the_command_line_show_in_the_indicator()
    {
        var value = await Nuit("values", "set", "HP-FORNOYD", "--period", "2024", "--value", "61,5", "--source", "Helsepersonellundersøkelsen 2024 (illustrativ)");
        var target = await Nuit("targets", "set", "HP-FORNOYD", "--period", "2024", "--value", "65");
        var shown = await Nuit("indicator", "HP-FORNOYD", "--format", "json");
        var list = await Nuit("indicators");

        Assert.Equal(0, value.ExitCode);
        Assert.Contains("verdi – → 61.5", value.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, target.ExitCode);
        Assert.Contains("Status: Gul.", target.Stdout, StringComparison.Ordinal);
        var period = JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("periods").EnumerateArray().Last();
        Assert.Equal(("2024", 61.5m, 65m, "amber"), (period.GetProperty("period").GetString(), period.GetProperty("value").GetDecimal(),
            period.GetProperty("target").GetDecimal(), period.GetProperty("status").GetString()));
        Assert.Contains(list.Stdout.Split('\n'), l => l.StartsWith("HP-FORNOYD", StringComparison.Ordinal) && l.Contains("61,5 (2024)", StringComparison.Ordinal) && l.Contains("Gul", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_exits_2_and_an_unknown_indicator_3()
    {
        var quarter = await Nuit("values", "set", "HP-FORNOYD", "--period", "2024-Q1", "--value", "1", "--source", "x");
        var notNumber = await Nuit("values", "set", "HP-FORNOYD", "--period", "2024", "--value", "12,5 %", "--source", "x");
        var unknown = await Nuit("indicator", "FINNES-IKKE");

        Assert.Equal(2, quarter.ExitCode);
        Assert.Contains("måles per år", quarter.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, notNumber.ExitCode);
        Assert.Contains("«12,5 %» er ikke et tall", notNumber.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, unknown.ExitCode);
    }

    [Fact]
    public async Task Export_then_import_a_dry_run_then_for_real()
    {
        var file = _folder.File("indikatorer.xlsx");
        var export = await Nuit("export", "indicators", "--out", file, "--goal", "M1", "--from", "2019", "--to", "2025-Q4");
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("3 indikatorer", export.Stdout, StringComparison.Ordinal);

        await File.WriteAllBytesAsync(file, Workbooks.Edit(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), "Verdier", ws =>
        {
            var row = ws.RowsUsed().Single(r => r.Cell(1).GetString() == "HELSENORGE-BESOK" && r.Cell(2).GetString() == "2023");
            row.Cell(4).Value = 120;
        }), TestContext.Current.CancellationToken);

        var dry = await Nuit("import-values", file, "--dry-run");
        var real = await Nuit("import-values", file, "--format", "json");
        var shown = await Nuit("indicator", "HELSENORGE-BESOK");

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("1 ville blitt endret. Ingenting er lagret.", dry.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, real.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(real.Stdout).RootElement.GetProperty("rowsChanged").GetInt32());
        Assert.Contains(shown.Stdout.Split('\n'), l => l.StartsWith("2023", StringComparison.Ordinal) && l.Contains("120", StringComparison.Ordinal) && l.Contains("Gul", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_of_a_bad_file_names_the_cell_and_exits_2()
    {
        var file = _folder.File("indikatorer.xlsx");
        Assert.Equal(0, (await Nuit("export", "indicators", "--out", file)).ExitCode);
        await File.WriteAllBytesAsync(file, Workbooks.Edit(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken), "Verdier",
            ws =>
            {
                ws.Cell("A14").Value = "HP-FORNOYD";
                ws.Cell("B14").Value = 2024;
                ws.Cell("C14").Value = "12,5 %";
            }), TestContext.Current.CancellationToken);

        var result = await Nuit("import-values", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Verdier!C14: «12,5 %» er ikke et tall.", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.Equal(2, (await Nuit("import-values", _folder.File("finnes-ikke.xlsx"))).ExitCode);
    }

    /// <summary>As a real consumer would: LibreOffice opens the export and converts it to CSV, then re-saves it as .xlsx for import.</summary>
    [Fact]
    public async Task LibreOffice_reads_the_numbers_and_its_saved_copy_imports()
    {
        var soffice = LibreOffice.Find();
        Requires.That(soffice is not null, LibreOffice.Missing);

        var file = _folder.File("indikatorer.xlsx");
        Assert.Equal(0, (await Nuit("export", "indicators", "--out", file)).ExitCode);

        // Sheet 2 (Verdier) as UTF-8 CSV, numbers as stored.
        var csvDir = Path.Combine(_folder.Path, "csv");
        await Soffice(soffice!, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2", "--outdir", csvDir, file);
        var lines = await File.ReadAllLinesAsync(Path.Combine(csvDir, "indikatorer-Verdier.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("Indikator,Periode,Verdi,Målverdi,Status,Kilde,Merknad,Målverdi satt i sak,Registrert", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("HELSENORGE-BESOK,2021,140.9,,Uten mål,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("DIGITAL-KONTAKT,2019,33,,Uten mål,", StringComparison.Ordinal));

        // A workbook written by LibreOffice (not SpreadCheetah) imports; nothing changed, so nothing changes.
        var xlsxDir = Path.Combine(_folder.Path, "lo");
        await Soffice(soffice!, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", xlsxDir, file);
        var imported = await Nuit("import-values", Path.Combine(xlsxDir, "indikatorer.xlsx"), "--format", "json");
        Assert.Equal(0, imported.ExitCode);
        var report = JsonDocument.Parse(imported.Stdout).RootElement;
        Assert.Equal(12, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(0, report.GetProperty("rowsChanged").GetInt32());
    }

    private Task Soffice(string soffice, params string[] args) => LibreOffice.RunAsync(soffice, _folder.Path, TestContext.Current.CancellationToken, args);
}
