using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Nuit.Portfolio.Rendering.Charts;
using Nuit.Portfolio.Rendering.Reports.Components;

namespace Nuit.Portfolio.Rendering.Reports;

/// <summary>
/// The quarterly report as one self-contained HTML file: charts embedded as data: URIs, styles inline,
/// no scripts, so it can be mailed, archived and printed as it is. Rendered by the Razor components in
/// Components/ (the pages show the same chips with them) through <see cref="HtmlRenderer"/>, which needs no web
/// host, so the CLI and the background job make the same file (ADR 14). Pure: model in, text out.
/// </summary>
public static class QuarterReportHtml
{
    // Escapes markup characters but leaves æøå readable in the source; HtmlRenderer takes its encoder from here.
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    /// <param name="edition">Shown under the title: "Utkast", "Publisert, versjon 2" …</param>
    public static string Build(QuarterReport report, IReadOnlyList<ChartImage> charts, string edition) =>
        // Callers render on a pool thread (Task.Run) without a synchronization context, and every component
        // renders synchronously, so waiting here cannot deadlock.
        BuildAsync(report, charts, edition).GetAwaiter().GetResult();

    private static async Task<string> BuildAsync(QuarterReport report, IReadOnlyList<ChartImage> charts, string edition)
    {
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(QuarterReportDocument.Report)] = report,
            [nameof(QuarterReportDocument.Charts)] = charts.ToDictionary(c => c.Key),
            [nameof(QuarterReportDocument.Edition)] = edition,
        });
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<QuarterReportDocument>(parameters)).ToHtmlString());
    }
}
