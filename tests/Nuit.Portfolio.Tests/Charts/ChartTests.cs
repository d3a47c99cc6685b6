using System.Xml.Linq;
using Nuit.Portfolio.Rendering.Charts;
using Nuit.Portfolio.Tests.Reports;
using SkiaSharp;

namespace Nuit.Portfolio.Tests.Charts;

public sealed class ChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static TheoryData<string> ChartKeys => ["trend", "rag", "cases"];

    private static ChartImage Build(string key, string? title = null)
    {
        var report = SampleReport.Build();
        return key switch
        {
            "trend" => ReportCharts.IndicatorTrend(report.Indicators[0], title),
            "rag" => ReportCharts.RagDistribution(report.Goals, report.QuarterText, title),
            _ => ReportCharts.CasesPerQuarter(report.ChartQuarters, report.CasesPerQuarter, title),
        };
    }

    [Fact]
    public void The_machine_has_a_font_with_Norwegian_letters()
    {
        // Without one Skia silently draws no text at all; CI installs fonts-dejavu-core.
        Assert.True(ChartFonts.Family is not null, ChartFonts.Warning);
    }

    [Theory]
    [MemberData(nameof(ChartKeys))]
    public void Every_chart_is_a_PNG_of_the_stated_size_and_an_SVG(string key)
    {
        var chart = Build(key);

        Assert.Equal(PngSignature, chart.Png[..8]);
        using var bitmap = SKBitmap.Decode(chart.Png);
        Assert.Equal((ReportCharts.Width, ReportCharts.Height), (bitmap.Width, bitmap.Height));
        var svg = XDocument.Parse(chart.Svg);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
    }

    [Theory]
    [MemberData(nameof(ChartKeys))]
    public void The_title_is_drawn_as_text(string key)
    {
        using var with = SKBitmap.Decode(Build(key, "Status for æøå ÆØÅ i kvartalet").Png);
        using var without = SKBitmap.Decode(Build(key, "").Png);

        // The title sits in the top band; with no font, both images would be the same there.
        var differing = 0;
        var inked = 0;
        for (var y = 0; y < 30; y++)
            for (var x = 0; x < with.Width; x++)
            {
                var a = with.GetPixel(x, y);
                if (a != without.GetPixel(x, y)) differing++;
                if (a.Red < 128 && a.Green < 128 && a.Blue < 128) inked++;
            }
        Assert.True(differing > 300, $"bare {differing} piksler skiller i tittelfeltet");
        Assert.True(inked > 150, $"bare {inked} mørke piksler i tittelfeltet");
    }

    [Fact]
    public void The_axis_labels_and_legend_are_drawn_as_text()
    {
        // Left of the plot area (tick labels M1, M2) and the legend: dark pixels there can only be text.
        using var rag = SKBitmap.Decode(Build("rag", "").Png);
        var dark = 0;
        for (var y = 40; y < rag.Height - 40; y++)
            for (var x = 0; x < 40; x++)
                if (rag.GetPixel(x, y) is var p && p.Red < 100 && p.Green < 100 && p.Blue < 100) dark++;
        Assert.True(dark > 20, $"bare {dark} mørke piksler der aksetekstene skal stå");
    }

    [Fact]
    public void The_SVG_carries_the_Norwegian_title_and_labels()
    {
        var svg = Build("rag").Svg;
        Assert.Contains("Grønn", svg, StringComparison.Ordinal);
        Assert.Contains("Status per mål, 1. kvartal 2025", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicator_without_values_still_gets_a_chart()
    {
        var chart = ReportCharts.IndicatorTrend(SampleReport.Build().Indicators[1]);
        Assert.Equal(PngSignature, chart.Png[..8]);
        Assert.Contains("Ingen verdier", chart.Svg, StringComparison.Ordinal);
    }
}
