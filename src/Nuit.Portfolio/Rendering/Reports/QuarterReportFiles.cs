using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nuit.Portfolio.Rendering.Charts;
using Nuit.Portfolio.Rendering.Workbooks;

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

    public static IReadOnlyList<ChartImage> Charts(QuarterReport report)
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
        Parallel.For(0, jobs.Count, i => charts[i] = jobs[i]());
        return charts;
    }

    public static IReadOnlyList<RenderedFile> Render(QuarterReport report, string edition)
    {
        var charts = Charts(report);
        var files = new List<RenderedFile>
        {
            new(HtmlName(report.Quarter), "text/html; charset=utf-8", Encoding.UTF8.GetBytes(QuarterReportHtml.Build(report, charts, edition))),
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
