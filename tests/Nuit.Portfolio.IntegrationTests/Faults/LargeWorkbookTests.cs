using System.Net;
using System.Text.Json;
using Nuit.Portfolio.Files.Workbooks;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using SpreadCheetah;

namespace Nuit.Portfolio.IntegrationTests.Faults;

/// <summary>
/// Very large indicator workbooks (issue 23 item 5), through the real CLI process and the real web host: 33,000
/// distinct codes get one line (no «too many SQL variables», no 500), and a sheet of 1,048,575 rows is refused with
/// one line within 400 MB peak memory (VmHWM of the process), read as a stream and stopped at the row limit.
/// </summary>
public sealed class LargeWorkbookTests : IDisposable
{
    /// <summary>The bound for one upload, in KB.</summary>
    private const long MaxPeakKiloBytes = 400 * 1024;

    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CliResult> Nuit(params string[] args) =>
        AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);

    [Fact]
    public async Task A_workbook_with_33000_unknown_codes_gets_one_line_from_the_cli_and_the_web_host()
    {
        var file = _folder.File("indikatorer.xlsx");
        await WriteValueSheetAsync(file, 33_000, i => $"UKJENT-{i:D5}");
        const string reason = "indikatorer.xlsx, Verdier!A2: ukjent indikator «UKJENT-00001» (og 32\u00a0999 andre ukjente koder). Ingenting er lagret;";

        var cli = await Nuit("import-values", file);

        Assert.Equal(2, cli.ExitCode);
        Assert.StartsWith("Feil: " + reason, OneLine(cli.Stderr), StringComparison.Ordinal);

        var token = await AppProcess.CreateTokenAsync(_folder, "editor");
        await using var server = await WebServer.StartAsync(_folder, "--Reports:Enabled", "false");
        using var client = server.Client(token);
        var response = await Workbooks.PostAsync(client, "/api/indicators/values?dryRun=false", "file", await File.ReadAllBytesAsync(file, Ct), "indikatorer.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("detail").GetString();
        Assert.StartsWith(reason, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("SQL", server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_of_1048575_rows_is_refused_with_one_line_within_400_MB_in_the_cli_and_the_web_host()
    {
        var file = _folder.File("stor.xlsx");
        await WriteValueSheetAsync(file, 1_048_575, i => $"K{i:D7}");
        // Under the upload limit, so it is the reading that must stop it, not the size check.
        Assert.InRange(new FileInfo(file).Length, 1, WorkbookFileGuard.MaxFileBytes);
        var reason = $"stor.xlsx, Verdier!A{IndicatorWorkbookReader.MaxRows + 2}: arket har mer enn 100\u00a0000 rader med verdier. Del det opp i flere filer. Ingenting er lagret.";

        var cli = await Nuit("import-values", file, "--dry-run");

        Assert.Equal(2, cli.ExitCode);
        Assert.Equal("Feil: " + reason, OneLine(cli.Stderr));
        Assert.InRange(cli.PeakKiloBytes, 1, MaxPeakKiloBytes);

        var token = await AppProcess.CreateTokenAsync(_folder, "editor");
        await using var server = await WebServer.StartAsync(_folder, "--Reports:Enabled", "false");
        using var client = server.Client(token);
        var before = server.PeakKiloBytes;
        var response = await Workbooks.PostAsync(client, "/api/indicators/values?dryRun=true", "file", await File.ReadAllBytesAsync(file, Ct), "stor.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(reason, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("detail").GetString());
        var peak = server.PeakKiloBytes;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{new FileInfo(file).Length} byte: CLI {cli.PeakKiloBytes / 1024} MB, web host {before / 1024} MB at start, {peak / 1024} MB after the upload");
        Assert.InRange(peak, 1, MaxPeakKiloBytes);
    }

    /// <summary>
    /// A Verdier sheet as the indicator export has it (code, period, value), written as a stream with SpreadCheetah:
    /// a million rows in a second or two and a few MB of memory.
    /// </summary>
    private static async Task WriteValueSheetAsync(string path, int rows, Func<int, string> code)
    {
        await using var stream = File.Create(path);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, null, Ct);
        await spreadsheet.StartWorksheetAsync(IndicatorWorkbookLayout.ValueSheet, null, Ct);
        await spreadsheet.AddRowAsync(new DataCell[] { new(IndicatorWorkbookLayout.CodeHeader), new(IndicatorWorkbookLayout.PeriodHeader), new(IndicatorWorkbookLayout.ValueHeader) }, Ct);
        var row = new DataCell[3];
        for (var i = 1; i <= rows; i++)
        {
            row[0] = new DataCell(code(i));
            row[1] = new DataCell(2024);
            row[2] = new DataCell(i % 100);
            await spreadsheet.AddRowAsync(row, Ct);
        }
        await spreadsheet.FinishAsync(Ct);
    }

    /// <summary>The whole of stderr is one line: no log line, no trace.</summary>
    private static string OneLine(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, stderr);
        return lines[0].TrimEnd();
    }
}
