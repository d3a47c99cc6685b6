using System.Diagnostics;
using System.Globalization;
using Nuit.Portfolio.Bench;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Files.Workbooks;
using SpreadCheetah;
using SpreadCheetah.Images;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

// Timed console harness for workbooks (docs/benchmarks.md, issues 15 and 23). Not a timed test.
//   dotnet bench/Nuit.Portfolio.Benchmarks/bin/Release/net10.0/Nuit.Portfolio.Benchmarks.dll [rows | --smoke]
// writes ROWS indicator values (default 1,000,000; --smoke: 10,000) with the project's writer and with SpreadCheetah
// alone, then reads a 1,048,575-row workbook with the project's reader. Each step runs in its own child process
// under /usr/bin/time, so each peak is that step's own resident memory (working set where time is missing).
//   ... -- run project|spreadcheetah|read ROWS FILE   is what a child runs.

if (args is ["run", var what, var n, var file])
{
    var rows = int.Parse(n, CultureInfo.InvariantCulture);
    var clock = Stopwatch.StartNew();
    var outcome = "ok";
    switch (what)
    {
        case "project":
            using (var output = File.Create(file)) IndicatorWorkbookWriter.Write(Bench.Model(rows), output);
            break;
        case "spreadcheetah":
            using (var output = File.Create(file)) await Bench.SpreadCheetahAlone(rows, output);
            break;
        case "read":
            try { outcome = $"{IndicatorWorkbookReader.Read(File.ReadAllBytes(file), Path.GetFileName(file)).Rows.Count} rader lest"; }
            catch (Nuit.Portfolio.Common.InputException ex) { outcome = "avvist: " + ex.Reason; }
            break;
    }
    clock.Stop();
    using var self = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0.00}\t{self.PeakWorkingSet64 / 1024 / 1024}\t{outcome}"));
    return 0;
}

var total = BenchRows.Smoke(args) ? 10_000 : args.FirstOrDefault(a => int.TryParse(a, CultureInfo.InvariantCulture, out _)) is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : 1_000_000;
var folder = Directory.CreateTempSubdirectory("nuit-bench-");
Console.WriteLine($"{Environment.ProcessorCount} kjerner, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"{total:N0} indikatorverdier × 9 kolonner (7 fylt per rad)");
Console.WriteLine("steg\tsekunder\ttopp-MB\tfil-MB");
var results = new Dictionary<string, (double Seconds, double PeakMb, double FileMb)>();
foreach (var name in new[] { "spreadcheetah", "project" })
{
    var target = Path.Combine(folder.FullName, name + ".xlsx");
    var (seconds, peak, _) = await Bench.Child(name, total, target);
    var size = new FileInfo(target).Length / 1024.0 / 1024;
    results[name] = (seconds, peak, size);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{seconds:0.00}\t{peak:0}\t{size:0.0}"));
}
var (p, s) = (results["project"], results["spreadcheetah"]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"forhold prosjekt/SpreadCheetah: tid {p.Seconds / s.Seconds:0.00}× (mål ≤ 1,5), fil {p.FileMb / s.FileMb:0.00}× (mål ≤ 1,5); prosjektets topp {p.PeakMb:0} MB (mål ≤ 100)"));

// Reading: the largest sheet Excel allows, as a person could upload it (issue 23).
var big = Path.Combine(folder.FullName, "1048575-rader.xlsx");
var readRows = BenchRows.Smoke(args) ? 150_000 : 1_048_575;
await using (var output = File.Create(big)) await Bench.Minimal(readRows, output);
var (readSeconds, readPeak, readOutcome) = await Bench.Child("read", readRows, big);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"les {readRows:N0} rader ({new FileInfo(big).Length / 1024.0 / 1024:0.0} MB)\t{readSeconds:0.00}\t{readPeak:0}\t{readOutcome} (mål ≤ 400 MB)"));
folder.Delete(recursive: true);

BenchRows.Save(args, "workbooks", [
    new BenchRow($"arbeidsbok: {total:N0} verdier skrevet (tid)", p.Seconds, "s", "SpreadCheetah alene", s.Seconds, 1.5),
    new BenchRow($"arbeidsbok: {total:N0} verdier skrevet (filstørrelse)", p.FileMb, "MB", "SpreadCheetah alene", s.FileMb, 1.5),
    new BenchRow($"arbeidsbok: {total:N0} verdier skrevet (toppminne)", p.PeakMb, "MB", "grense 100 MB", 100, 1.0),
    new BenchRow($"arbeidsbok: {readRows:N0} rader lest eller avvist (toppminne)", readPeak, "MB", "grense 400 MB", 400, 1.0, Note: readOutcome),
]);
return 0;

internal static class Bench
{
    /// <summary>
    /// 1,000 indicators × 1,000 years, produced lazily so the model itself costs no memory: what is
    /// measured is the writer. One decimal, a target on every fourth period, a source on every row.
    /// </summary>
    public static IndicatorWorkbook Model(int rows)
    {
        var indicators = Indicators();
        var values = Enumerable.Range(0, rows).Select(i =>
        {
            var target = Target(i);
            return new ValueSheetRow(indicators[i / 1000 % 1000].Code, Period.OfYear(Year(i)), Value(i), target,
                target is null ? "Uten mål" : "Rød", Source, null, null, At);
        });
        return new IndicatorWorkbook(indicators, values, rows, new WorkbookAbout(At, "bench", "alle"));
    }

    private const string Source = "Innbyggerundersøkelsen om e-helse (syntetisk)";
    private static readonly DateTime At = new(2025, 2, 13, 14, 30, 0, DateTimeKind.Unspecified);

    private static List<IndicatorSheetRow> Indicators() => [.. Enumerable.Range(0, 1000).Select(i => new IndicatorSheetRow(
        $"M{i % 5 + 1}", null, $"IND-{i:0000}", $"Indikator {i}", null, "%", "Høyere er bedre", "År", "Benchmark",
        null, null, 0.15m, "2999", 50, 60, "Rød", 1))];

    private static int Year(int i) => 1900 + i % 1000;

    private static decimal Value(int i) => 40 + i % 300 / 10m;

    private static decimal? Target(int i) => i % 4 == 0 ? 60m : null;

    /// <summary>
    /// The same Verdier rows written with SpreadCheetah directly, as its documentation shows: the same cells and
    /// number formats, a frozen header, an autofilter and one embedded PNG (a chart as the report has) — the floor
    /// the project's writer is held to.
    /// </summary>
    public static async Task SpreadCheetahAlone(int rows, Stream output)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { CompressionLevel = SpreadCheetahCompressionLevel.Fastest });
        var png = new MemoryStream(Chart());
        var image = await sheet.EmbedImageAsync(png);
        var options = new WorksheetOptions { FrozenRows = 1, AutoFilter = new AutoFilterOptions($"A1:I{rows + 1}") };
        await sheet.StartWorksheetAsync("Verdier", options);
        sheet.AddImage(ImageCanvas.Scaled("K2", 0.6f), image);
        var year = sheet.AddStyle(new Style { Format = NumberFormat.Custom("0") });
        var number = sheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.0") });
        var date = sheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm") });
        await sheet.AddHeaderRowAsync(IndicatorWorkbookLayout.ValueHeaders.ToArray());
        var codes = Indicators().Select(i => i.Code).ToArray();
        var cells = new Cell[9];
        for (var i = 0; i < rows; i++)
        {
            var target = Target(i);
            cells[0] = new Cell(codes[i / 1000 % 1000]);
            cells[1] = new Cell(Year(i), year);
            cells[2] = new Cell(Value(i), number);
            cells[3] = new Cell(target, number);
            cells[4] = new Cell(target is null ? "Uten mål" : "Rød");
            cells[5] = new Cell(Source);
            cells[6] = new Cell((string?)null);
            cells[7] = new Cell((string?)null);
            cells[8] = new Cell(At, date);
            await sheet.AddRowAsync(cells);
        }
        await sheet.FinishAsync();
    }

    /// <summary>A Verdier sheet of code, year and value only: the smallest file that holds this many rows.</summary>
    public static async Task Minimal(int rows, Stream output)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output);
        await sheet.StartWorksheetAsync("Verdier");
        await sheet.AddHeaderRowAsync(["Indikator", "Periode", "Verdi"]);
        var cells = new DataCell[3];
        for (var i = 0; i < rows; i++)
        {
            cells[0] = new DataCell($"K{i % 33_000}");
            cells[1] = new DataCell(2000 + i / 33_000 % 100);
            cells[2] = new DataCell(i % 100);
            await sheet.AddRowAsync(cells);
        }
        await sheet.FinishAsync();
    }

    private static byte[] Chart()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Signal(Enumerable.Range(0, 40).Select(i => Math.Sin(i / 4.0)).ToArray());
        plot.Title("Indikator");
        return plot.GetImageBytes(800, 400, ScottPlot.ImageFormat.Png);
    }

    /// <summary>Runs one step in its own process; peak memory from /usr/bin/time (resident set) where it exists.</summary>
    public static async Task<(double Seconds, double PeakMb, string Outcome)> Child(string what, int rows, string file)
    {
        var time = File.Exists("/usr/bin/time");
        var psi = new ProcessStartInfo(time ? "/usr/bin/time" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (time) foreach (var a in new[] { "-f", "%M", "dotnet" }) psi.ArgumentList.Add(a);
        foreach (var a in new[] { typeof(Bench).Assembly.Location, "run", what, rows.ToString(CultureInfo.InvariantCulture), file }) psi.ArgumentList.Add(a);
        using var child = Process.Start(psi)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = await child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var parts = (await stdout).Trim().Split('\t');
        if (child.ExitCode != 0 || parts.Length < 3) throw new InvalidOperationException($"{what} feilet (exit {child.ExitCode}): {stderr}");
        var peak = time ? double.Parse(stderr.Trim().Split('\n')[^1], CultureInfo.InvariantCulture) / 1024 : double.Parse(parts[1], CultureInfo.InvariantCulture);
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), peak, parts[2]);
    }
}
