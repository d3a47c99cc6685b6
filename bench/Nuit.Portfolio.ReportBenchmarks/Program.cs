using System.Diagnostics;
using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nuit.Portfolio;
using Nuit.Portfolio.Bench;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Reports;

// Timed console harness for the quarterly report (docs/benchmarks.md, issue 6).
//   dotnet run -c Release --project bench/Nuit.Portfolio.ReportBenchmarks -- [rounds] [case-quarters] [--smoke] [--results DIR]
// Builds a synthetic portfolio in a fresh SQLite file — 100 initiatives, 50 indicators × 40 quarters,
// 1,000 cases per quarter — and times the report for its last quarter: the data query alone, the whole
// render (query, 52 charts, HTML, workbook), and a published report stored in the database.

var numbers = args.Where(a => int.TryParse(a, CultureInfo.InvariantCulture, out _)).ToList();
var smoke = BenchRows.Smoke(args);
var rounds = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : smoke ? 1 : 3;
var caseQuarters = numbers.Count > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : smoke ? 1 : 8;
var file = Path.Combine(Path.GetTempPath(), $"nuit-report-bench-{Environment.ProcessId}.db");
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Path"] = file,
    ["Database:Seed"] = "false",
}).Build();
await using var provider = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddPortfolio(configuration).BuildServiceProvider();
await DatabaseInitializer.InitializeAsync(provider, seed: false);

var report = new Quarter(2025, 1);
var build = Stopwatch.StartNew();
await Synthetic.FillAsync(provider, report, caseQuarters);
Console.WriteLine($"{Environment.ProcessorCount} kjerner, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"Syntetisk portefølje laget på {build.Elapsed.TotalSeconds:0.0} s: 100 tiltak, 50 indikatorer × 40 kvartaler, 1 000 saker per kvartal i {caseQuarters} kvartaler");

async Task<(double Seconds, T Result)> Time<T>(Func<ISender, Task<T>> work)
{
    await using var scope = provider.CreateAsyncScope();
    var sender = scope.ServiceProvider.GetRequiredService<ISender>();
    var clock = Stopwatch.StartNew();
    var result = await work(sender);
    return (clock.Elapsed.TotalSeconds, result);
}

await Time(s => s.Send(new RenderQuarterReport(report.ToString())).AsTask());   // warm-up: JIT, fonts, Skia
var data = new List<double>();
var render = new List<double>();
var publish = new List<double>();
long bytes = 0;
var files = 0;
for (var i = 0; i < rounds; i++)
{
    data.Add((await Time(s => s.Send(new GetQuarterReportData(report.ToString())).AsTask())).Seconds);
    var (seconds, rendered) = await Time(s => s.Send(new RenderQuarterReport(report.ToString())).AsTask());
    render.Add(seconds);
    (bytes, files) = (rendered.Files.Sum(f => (long)f.Content.Length), rendered.Files.Count);
    publish.Add((await Time(s => s.Send(new CreateReport(report.ToString(), Publish: true)).AsTask())).Seconds);
}
using var self = Process.GetCurrentProcess();
self.Refresh();
string Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2).ToString("0.00", CultureInfo.InvariantCulture);
Console.WriteLine("steg\tmedian s\talle runder");
Console.WriteLine($"data\t{Median(data)}\t{string.Join(" ", data.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}");
Console.WriteLine($"rapport (data+diagrammer+HTML+Excel)\t{Median(render)}\t{string.Join(" ", render.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}");
Console.WriteLine($"publiser (rapport + lagring)\t{Median(publish)}\t{string.Join(" ", publish.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))}");
Console.WriteLine($"{files} filer, {bytes / 1024.0 / 1024:0.0} MB; topp working set {self.PeakWorkingSet64 / 1024.0 / 1024:0} MB");

// One indicator chart as the report draws it (PNG and SVG), against ScottPlot alone drawing the same points to PNG
// and SVG with no styling: what the project's chart code adds to the library.
var quarterData = (await Time(s => s.Send(new GetQuarterReportData(report.ToString())).AsTask())).Result;
var indicator = quarterData.Indicators.First(i => i.Values.Count > 0);
var chartRounds = smoke ? 5 : 40;
double ChartSeconds(Action draw)
{
    draw();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < chartRounds; i++) draw();
    return clock.Elapsed.TotalSeconds / chartRounds;
}
var projectChart = ChartSeconds(() => Nuit.Portfolio.Rendering.Charts.ReportCharts.IndicatorTrend(indicator));
var bareChart = ChartSeconds(() =>
{
    var plot = new ScottPlot.Plot();
    plot.Add.Scatter(indicator.Values.Select((_, n) => (double)n).ToArray(), indicator.Values.Select(v => (double)v.Value).ToArray());
    plot.Add.Scatter(indicator.Targets.Select((_, n) => n * 4.0 + 3).ToArray(), indicator.Targets.Select(t => (double)t.Value).ToArray());
    plot.Title(indicator.Name);
    _ = plot.GetImageBytes(Nuit.Portfolio.Rendering.Charts.ReportCharts.Width, Nuit.Portfolio.Rendering.Charts.ReportCharts.Height, ScottPlot.ImageFormat.Png);
    _ = plot.GetSvgXml(Nuit.Portfolio.Rendering.Charts.ReportCharts.Width, Nuit.Portfolio.Rendering.Charts.ReportCharts.Height);
});
var renderMedian = render.Order().ElementAt(render.Count / 2);
BenchRows.Save(args, "report", [
    new BenchRow("rapport: ett indikatordiagram (PNG+SVG)", projectChart * 1000, "ms", "ScottPlot alene", bareChart * 1000, 1.5),
    new BenchRow($"rapport: hel rapport, {files} filer{(smoke ? $" ({caseQuarters} kvartal med saker)" : "")}", renderMedian, "s", "grense 5 s", 5, 1.0,
        Note: string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} kjerner; diagrammene tegnes i parallell")),
]);

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);

internal static class Synthetic
{
    public static async Task FillAsync(IServiceProvider provider, Quarter last, int caseQuarters)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortfolioDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(42);
        var at = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var body = new Body { Code = BodyCode.Nuit, ShortName = "NUIT", Name = "Nasjonalt utvalg for prioritering og IT" };
        var strategy = new Strategy { Name = "Syntetisk strategi", FirstYear = 2015, LastYear = 2030 };
        var goals = Enumerable.Range(1, 5).Select(g => new Goal { Code = $"M{g}", Name = $"Mål {g} med æøå", Strategy = strategy, SortOrder = g }).ToList();
        var initiatives = Enumerable.Range(0, 100).Select(i => new Initiative { Code = $"T{i:000}", Name = $"Tiltak {i}", Goal = goals[i % 5], Owner = "NHN" }).ToList();
        foreach (var (initiative, i) in initiatives.Select((x, i) => (x, i)))
            initiative.Milestones.AddRange([
                new Milestone { Name = "Pilot", PlannedDate = new DateOnly(2025, 3, 1), ForecastDate = i % 3 == 0 ? new DateOnly(2025, 9, 1) : null },
                new Milestone { Name = "Innføring", PlannedDate = new DateOnly(2026, 6, 1) },
            ]);
        var quarters = Enumerable.Range(0, 40).Select(n => Enumerable.Range(0, n).Aggregate(last, (q, _) => q.Previous())).Reverse().ToList();
        var indicators = Enumerable.Range(0, 50).Select(i =>
        {
            var d = new Indicator { Code = $"IND-{i:00}", Name = $"Indikator {i}", Goal = goals[i % 5], Unit = "%", Periodicity = Periodicity.Quarter };
            d.Values.AddRange(quarters.Select((q, n) => new IndicatorValue { Period = q.ToString(), Value = 40 + n + random.Next(0, 5), Source = "syntetisk", RecordedAt = at }));
            d.Targets.AddRange(quarters.Where((_, n) => n % 4 == 3).Select((q, n) => new IndicatorTarget { Period = q.ToString(), Value = 45 + n * 4 }));
            return d;
        }).ToList();
        db.AddRange(body, strategy);
        db.AddRange(goals);
        db.AddRange(initiatives);
        db.AddRange(indicators);
        await db.SaveChangesAsync();

        var items = goals.Cast<RoadmapItem>().Concat(initiatives).ToList();
        foreach (var q in new[] { last.Previous(), last })
            db.StatusUpdates.AddRange(items.Select(i => new StatusUpdate { ItemId = i.Id, Quarter = q, Rag = (RagStatus)random.Next(0, 4), Narrative = "Syntetisk status", Author = "bench", RecordedAt = at }));
        await db.SaveChangesAsync();

        var number = 0;
        foreach (var q in quarters.TakeLast(caseQuarters))
        {
            var date = q.FirstDay.AddDays(40);
            var meeting = new Meeting { Body = body, Number = $"{q.Number}/{q.Year}", Date = date };
            db.Meetings.Add(meeting);
            for (var c = 0; c < 1000; c++)
            {
                number++;
                var @case = new Case
                {
                    Body = body, Meeting = meeting, MeetingDate = date, Number = $"{number}/{q.Year % 100:00}", Year = q.Year, Sequence = number,
                    Title = $"Sak {number} om tiltak og mål", Type = "Drøfting", Decision = "Tatt til orientering",
                };
                foreach (var item in Enumerable.Range(0, 1 + random.Next(0, 3)).Select(_ => items[random.Next(items.Count)]).Distinct())
                    @case.Links.Add(new CaseLink { ItemId = item.Id, MeetingDate = date, Origin = LinkOrigin.Matcher, Score = 0.5 });
                if (c % 4 == 0) @case.ActionPoints.Add(new ActionPoint { Text = $"Følg opp sak {number}", Order = 1 });
                db.Cases.Add(@case);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            db.Attach(body);
        }
    }
}
