using System.Globalization;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Rendering.Reports;
using ScottPlot;

namespace Nuit.Portfolio.Rendering.Charts;

/// <summary>One chart in both forms: PNG for the HTML report and the workbook, SVG for print and slides.</summary>
public sealed record ChartImage(string Key, string Title, byte[] Png, string Svg, int Width, int Height);

/// <summary>
/// The report's charts, built with ScottPlot: pure functions from report data to images. Labels are
/// bokmål with nb-NO numbers, colours from <see cref="ChartPalette"/> with a text label beside each.
/// </summary>
public static class ReportCharts
{
    public const int Width = 900;
    public const int Height = 450;

    private static readonly CultureInfo NbNo = CultureInfo.GetCultureInfo("nb-NO");

    static ReportCharts() => ChartFonts.Apply();

    /// <summary>Indicator values over time with the targets as a dashed line, and the newest value written out.</summary>
    public static ChartImage IndicatorTrend(IndicatorRow indicator, string? title = null)
    {
        var plot = NewPlot(title ?? indicator.Name);
        var periods = indicator.Values.Select(v => v.Period).Concat(indicator.Targets.Select(t => t.Period))
            .Distinct().OrderBy(p => Period.Parse(p)).ToList();
        var x = periods.Select((p, i) => (p, i)).ToDictionary(t => t.p, t => (double)t.i);

        if (indicator.Values.Count > 0)
        {
            var values = plot.Add.Scatter(indicator.Values.Select(v => x[v.Period]).ToArray(), indicator.Values.Select(v => (double)v.Value).ToArray());
            values.Color = ChartPalette.Blue;
            values.LineWidth = 2.5f;
            values.MarkerSize = 8;
            values.MarkerShape = MarkerShape.FilledCircle;
            values.LegendText = "Verdi";
            var last = indicator.Values[^1];
            var label = plot.Add.Text($"{Number(last.Value)} {indicator.Unit}", x[last.Period], (double)last.Value);
            label.LabelFontColor = ChartPalette.Blue;
            label.LabelFontSize = 13;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.LowerRight;
            label.OffsetY = -6;
        }
        if (indicator.Targets.Count > 0)
        {
            var targets = plot.Add.Scatter(indicator.Targets.Select(t => x[t.Period]).ToArray(), indicator.Targets.Select(t => (double)t.Value).ToArray());
            targets.Color = ChartPalette.Orange;
            targets.LineWidth = 2;
            // No dash pattern: Skia's SVG canvas cannot write one and prints "Unsupported path effect" to
            // stdout (breaking the CLI's JSON). Square markers and the legend tell the target from the values.
            targets.MarkerShape = MarkerShape.FilledSquare;
            targets.MarkerSize = 7;
            targets.LegendText = "Mål";
        }
        if (periods.Count == 0)
        {
            var empty = plot.Add.Text("Ingen verdier registrert", 0, 0);
            empty.LabelFontSize = 16;
            empty.LabelAlignment = Alignment.MiddleCenter;
            plot.Axes.SetLimits(-1, 1, -1, 1);
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. periods.Select(p => x[p])], [.. periods.Select(PeriodLabel)]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Number };
        plot.YLabel(indicator.Unit);
        plot.XLabel("Periode");
        plot.Axes.Margins(0.08, 0.15);
        plot.ShowLegend(Alignment.UpperLeft);
        return Finish(plot, $"indikator-{indicator.Code}", title ?? indicator.Name);
    }

    /// <summary>Sub-goals and initiatives per goal by status: one stacked bar per goal, the count written in each part.</summary>
    public static ChartImage RagDistribution(IReadOnlyList<GoalSummary> goals, string quarterText, string? title = null)
    {
        title ??= $"Status per mål, {quarterText}";
        var plot = NewPlot(title);
        var order = new[] { RagStatus.Green, RagStatus.Amber, RagStatus.Red, RagStatus.Grey };
        var bars = new List<Bar>();
        for (var g = 0; g < goals.Count; g++)
        {
            double start = 0;
            foreach (var rag in order)
            {
                var count = goals[g].Counts.Of(rag.ToCode());
                if (count == 0) continue;
                bars.Add(new Bar
                {
                    Position = goals.Count - 1 - g,
                    ValueBase = start,
                    Value = start + count,
                    FillColor = ChartPalette.ForRag(rag),
                    // The status word beside the count, so the bar reads without telling colours apart.
                    Label = $"{ShortRag(rag)} {count.ToString(NbNo)}",
                    CenterLabel = true,
                    Size = 0.6,
                });
                start += count;
            }
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 14;
        barPlot.ValueLabelStyle.Bold = true;
        barPlot.ValueLabelStyle.ForeColor = Colors.Black;

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. goals.Select((_, g) => (double)(goals.Count - 1 - g))], [.. goals.Select(x => x.Code.Length == 0 ? "Uten mål" : x.Code)]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Number, IntegerTicksOnly = true };
        plot.XLabel("Antall delmål og tiltak");
        plot.Axes.Margins(left: 0, right: 0.05, bottom: 0.1, top: 0.1);
        plot.Legend.ManualItems.AddRange(order.Select(r => new LegendItem { LabelText = r.ToDisplayString(), FillColor = ChartPalette.ForRag(r) }));
        plot.ShowLegend(Alignment.LowerRight);
        return Finish(plot, "status-per-mal", title);
    }

    /// <summary>Cases per quarter, stacked by the goal they touched (a case touching two goals counts under both).</summary>
    public static ChartImage CasesPerQuarter(IReadOnlyList<string> quarters, IReadOnlyList<CaseCountSeries> series, string? title = null)
    {
        title ??= "Saker per kvartal per mål";
        var plot = NewPlot(title);
        var bars = new List<Bar>();
        for (var q = 0; q < quarters.Count; q++)
        {
            double start = 0;
            for (var s = 0; s < series.Count; s++)
            {
                var count = series[s].Counts[q];
                if (count == 0) continue;
                bars.Add(new Bar
                {
                    Position = q,
                    ValueBase = start,
                    Value = start + count,
                    FillColor = ChartPalette.Series[s % ChartPalette.Series.Count],
                    Label = count.ToString(NbNo),
                    CenterLabel = true,
                    Size = 0.7,
                });
                start += count;
            }
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 12;
        barPlot.ValueLabelStyle.ForeColor = Colors.White;
        barPlot.ValueLabelStyle.Bold = true;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. quarters.Select((_, i) => (double)i)], [.. quarters.Select(PeriodLabel)]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Number, IntegerTicksOnly = true };
        plot.YLabel("Antall saker");
        plot.Axes.Margins(bottom: 0, top: 0.1);
        plot.Legend.ManualItems.AddRange(series.Select((s, i) => new LegendItem
        {
            LabelText = $"{s.Goal} {Shorten(s.Name, 38)}",
            FillColor = ChartPalette.Series[i % ChartPalette.Series.Count],
        }));
        plot.ShowLegend(Alignment.UpperLeft);
        return Finish(plot, "saker-per-kvartal", title);
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        if (ChartFonts.Family is { } family) plot.Font.Set(family);
        if (title.Length > 0) plot.Title(Shorten(title, 90), size: 18);
        plot.FigureBackground.Color = Colors.White;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.12);
        return plot;
    }

    private static ChartImage Finish(Plot plot, string key, string title) =>
        new(key, title, plot.GetImageBytes(Width, Height, ImageFormat.Png), plot.GetSvgXml(Width, Height), Width, Height);

    private static string ShortRag(RagStatus rag) => rag == RagStatus.Grey ? "Grå" : rag.ToDisplayString();

    private static string Number(double value) => value.ToString("#,##0.##", NbNo);

    private static string Number(decimal value) => value.ToString("#,##0.##", NbNo);

    /// <summary>"2023" stays; "2025-Q1" becomes "1. kv. 2025".</summary>
    private static string PeriodLabel(string period) =>
        Quarter.TryParse(period, out var q) ? string.Create(CultureInfo.InvariantCulture, $"{q.Number}. kv. {q.Year}") : period;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
