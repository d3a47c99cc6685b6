using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nuit.Portfolio.Rendering.Charts;
using Nuit.Portfolio.Files.Workbooks;

namespace Nuit.Portfolio.Rendering.Reports;

public sealed record RenderedFile(string Name, string ContentType, byte[] Content);

/// <summary>
/// Every file of a quarterly report, built in memory: the HTML report, the workbook, each chart as PNG and
/// SVG, and the data snapshot they were made from. Nothing is written anywhere until the caller stores
/// the whole set, so a failure half-way leaves nothing behind.
/// </summary>
public static class QuarterReportFiles
{
    public static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string HtmlName(string quarter) => $"report-{quarter}.html";

    public static string WorkbookName(string quarter) => $"report-{quarter}.xlsx";

    public static string SnapshotName(string quarter) => $"data-{quarter}.json";

    public static IReadOnlyList<ChartImage> Charts(QuarterReport report) => Charts(report, null);

    /// <param name="drawn">Called after each chart with the number drawn so far and the total, from any thread.</param>
    private static IReadOnlyList<ChartImage> Charts(QuarterReport report, Action<int, int>? drawn)
    {
        var jobs = new List<Func<ChartImage>>
        {
            () => ReportCharts.RagDistribution(report.Goals, report.QuarterText),
            () => ReportCharts.CasesPerQuarter(report.ChartQuarters, report.CasesPerQuarter),
        };
        jobs.AddRange(report.Indicators.Select(i => (Func<ChartImage>)(() => ReportCharts.IndicatorTrend(i))));
        // Charts are independent and each takes tens of milliseconds; with 50 indicators, in parallel they
        // are most of the saving between a slow and a fast report.
        var charts = new ChartImage[jobs.Count];
        var done = 0;
        Parallel.For(0, jobs.Count, i =>
        {
            charts[i] = jobs[i]();
            drawn?.Invoke(Interlocked.Increment(ref done), jobs.Count);
        });
        return charts;
    }

    /// <param name="progress">
    /// Told (step, steps, what) as the work goes: step 0 is fetching the data (the caller's), then each chart, the HTML
    /// and the workbook; the last step is left to the caller, who stores the files. Charts are drawn in parallel, so it
    /// may be called from several threads.
    /// </param>
    public static IReadOnlyList<RenderedFile> Render(QuarterReport report, string edition, Action<int, int, string>? progress = null)
    {
        var steps = 0;
        var charts = Charts(report, (drawn, count) =>
        {
            steps = count + 3;
            progress?.Invoke(drawn, steps, $"Tegner figur {drawn} av {count}");
        });
        progress?.Invoke(steps - 2, steps, "Lager HTML-rapporten");
        var html = Encoding.UTF8.GetBytes(QuarterReportHtml.Build(report, charts, edition));
        progress?.Invoke(steps - 1, steps, "Lager regnearket");
        var files = new List<RenderedFile>
        {
            new(HtmlName(report.Quarter), "text/html; charset=utf-8", html),
            new(WorkbookName(report.Quarter), IndicatorWorkbookLayout.ContentType, ReportWorkbookBuilder.Build(report, charts, edition)),
            new(SnapshotName(report.Quarter), "application/json", JsonSerializer.SerializeToUtf8Bytes(report, SnapshotJson)),
        };
        foreach (var c in charts)
        {
            files.Add(new($"chart-{c.Key}-{report.Quarter}.png", "image/png", c.Png));
            files.Add(new($"chart-{c.Key}-{report.Quarter}.svg", "image/svg+xml", Encoding.UTF8.GetBytes(c.Svg)));
        }
        return files;
    }
}
