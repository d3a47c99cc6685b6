using System.Diagnostics;
using System.Globalization;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Files.Workbooks;

// Timed console harness for the indicator workbook writers (docs/benchmarks.md, issue 5).
//   dotnet run -c Release --project bench/Nuit.Portfolio.Benchmarks -- [rows] [closedxml-rows]
// runs each writer in its own child process, so each peak working set is that writer's alone.
//   ... -- run closedxml|streaming ROWS   is what a child runs.

if (args is ["run", var writer, var n])
{
    var rows = int.Parse(n, CultureInfo.InvariantCulture);
    var model = Bench.Model(rows);
    var file = Path.Combine(Path.GetTempPath(), $"nuit-bench-{writer}-{Environment.ProcessId}.xlsx");
    var clock = Stopwatch.StartNew();
    using (var output = File.Create(file))
    {
        if (writer == "closedxml") ClosedXmlIndicatorWorkbookWriter.Write(model, output);
        else StreamingIndicatorWorkbookWriter.Write(model, output);
    }
    clock.Stop();
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    var size = new FileInfo(file).Length;
    File.Delete(file);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{writer}\t{rows}\t{clock.Elapsed.TotalSeconds:0.0}\t{self.PeakWorkingSet64 / 1024.0 / 1024:0}\t{size / 1024.0 / 1024:0.0}"));
    return 0;
}

var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var closedXmlRows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : total;
Console.WriteLine($"{Environment.ProcessorCount} kjerner, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine("skriver\tverdier\tsekunder\ttopp-MB (working set)\tfil-MB");
foreach (var (name, rows) in new[] { ("streaming", total), ("closedxml", closedXmlRows) })
{
    var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
    psi.ArgumentList.Add(typeof(Bench).Assembly.Location);
    foreach (var a in new[] { "run", name, rows.ToString(CultureInfo.InvariantCulture) }) psi.ArgumentList.Add(a);
    using var child = Process.Start(psi)!;
    var line = await child.StandardOutput.ReadToEndAsync();
    await child.WaitForExitAsync();
    Console.Write(child.ExitCode == 0 ? line : $"{name}\t{rows}\tfeilet (exit {child.ExitCode})\n");
}
return 0;

internal static class Bench
{
    /// <summary>
    /// 1,000 indicators × 1,000 years, produced lazily so the model itself costs no memory: what is
    /// measured is the writer. One decimal, a target on every fourth period, a source on every row.
    /// </summary>
    public static IndicatorWorkbook Model(int rows)
    {
        var indicators = Enumerable.Range(0, 1000).Select(i => new IndicatorSheetRow(
            $"M{i % 5 + 1}", null, $"IND-{i:0000}", $"Indikator {i}", null, "%", "Høyere er bedre", "År", "Benchmark",
            null, null, 0.15m, "2999", 50, 60, "Rød", 1)).ToList();
        var at = new DateTime(2025, 2, 13, 14, 30, 0, DateTimeKind.Unspecified);
        var values = Enumerable.Range(0, rows).Select(i =>
        {
            var target = i % 4 == 0 ? 60m : (decimal?)null;
            return new ValueSheetRow(indicators[i / 1000 % 1000].Code, Period.OfYear(1900 + i % 1000), 40 + i % 300 / 10m, target,
                target is null ? "Uten mål" : "Rød", "Innbyggerundersøkelsen om e-helse (syntetisk)", null, null, at);
        });
        return new IndicatorWorkbook(indicators, values, rows, new WorkbookAbout(at, "bench", "alle"));
    }
}
