using AngleSharp.Html.Parser;
using Nuit.Portfolio.Rendering.Charts;
using Nuit.Portfolio.Rendering.Reports;

namespace Nuit.Portfolio.Tests.Reports;

public sealed class QuarterReportHtmlTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(QuarterReport? report = null, string edition = "Utkast")
    {
        report ??= SampleReport.Build();
        var html = QuarterReportHtml.Build(report, QuarterReportFiles.Charts(report), edition);
        return new HtmlParser().ParseDocument(html);
    }

    [Fact]
    public void The_report_is_in_bokmal_with_every_section()
    {
        var doc = Parse(edition: "Publisert, versjon 2");

        Assert.Equal("nb", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Oppfølging av Nasjonal e-helsestrategi – 1. kvartal 2025", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal("Publisert, versjon 2", doc.QuerySelector("#edition")!.TextContent);
        Assert.Equal(["sammendrag", "tiltak", "indikatorer", "saker", "vedtak", "aksjonspunkter", "aksjonspunkter-i-kvartalet", "hull"],
            doc.QuerySelectorAll("section").Select(s => s.Id));
        // The cut-off is shown in Norwegian local time: 04:00 UTC on 1 April is 06:00 in Oslo (summer time).
        Assert.Contains("Datagrunnlag per 1. april 2025 kl. 06:00", doc.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_data_is_escaped_never_markup()
    {
        var doc = Parse();

        Assert.Empty(doc.Scripts);
        Assert.Contains("<script>alert(1)</script>", doc.QuerySelector("#aksjonspunkter td:last-child")!.TextContent, StringComparison.Ordinal);
        var m1 = doc.QuerySelector("tr[data-item='M1']")!;
        Assert.Empty(m1.QuerySelectorAll("i"));
        Assert.Contains("Forsinkelser <i>SFM</i> & PLL", m1.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void It_is_self_contained_with_every_chart_embedded_as_a_PNG()
    {
        var doc = Parse();

        var images = doc.Images.ToList();
        Assert.Equal(2 + SampleReport.Build().Indicators.Count, images.Count);
        foreach (var img in images)
        {
            var src = img.GetAttribute("src")!;
            Assert.StartsWith("data:image/png;base64,", src, StringComparison.Ordinal);
            Assert.Equal(PngSignature, Convert.FromBase64String(src["data:image/png;base64,".Length..])[..8]);
            Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
        }
        Assert.Empty(doc.QuerySelectorAll("link[href], script[src], iframe"));
    }

    [Fact]
    public void Statuses_are_written_in_words_beside_their_colour()
    {
        var doc = Parse();
        var sfm = doc.QuerySelector("tr[data-item='SFM']")!;
        var badges = sfm.QuerySelectorAll(".rag").Select(b => (b.ClassName, b.TextContent)).ToList();
        Assert.Equal([("rag rag-amber", "Gul"), ("rag rag-green", "Grønn")], badges);
        Assert.Contains("Verre", sfm.TextContent, StringComparison.Ordinal);

        // The summary row of initiatives not placed under a goal has no status of its own: no empty chip.
        var report = SampleReport.Build();
        var unplaced = Parse(report with { Goals = [.. report.Goals, new GoalSummary("", "Ikke plassert under et mål", "", new RagCounts(0, 0, 0, 1), new RagCounts(0, 0, 0, 1), [])] });
        Assert.Empty(unplaced.QuerySelectorAll("tr[data-goal=''] .rag"));
        Assert.All(unplaced.QuerySelectorAll(".rag"), r => Assert.NotEmpty(r.TextContent));
    }

    [Fact]
    public void Slipped_milestones_numbers_and_dates_are_Norwegian()
    {
        var doc = Parse();
        var slipped = doc.QuerySelector("tr[data-item='SFM'] li.slipped")!;
        Assert.Equal("Pilot i én region (planlagt 01.03.2025, prognose 01.09.2025) – forsinket", slipped.TextContent);
        var indicator = doc.QuerySelector("tr[data-indicator='DIGITAL-KONTAKT']")!;
        Assert.Contains("57 %", indicator.TextContent, StringComparison.Ordinal);
        Assert.Contains("Gul", indicator.TextContent, StringComparison.Ordinal);
        Assert.Contains("207", doc.QuerySelector("#aksjonspunkter td.num")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_are_grouped_by_what_they_touched_and_the_gaps_are_listed()
    {
        var doc = Parse();
        var groups = doc.QuerySelectorAll(".group").ToDictionary(g => g.GetAttribute("data-group")!, g => g.QuerySelectorAll("li").Select(l => l.TextContent).ToList());
        Assert.Equal(["NUIT 4/25 Oppfølging nasjonal e-helsestrategi 1. kvartal 2025 – bekreftet"], groups["SFM"]);
        Assert.Equal(["NUIT 1/25 Godkjenning av innkalling og dagsorden"], groups[""]);
        Assert.Equal("PLL Pasientens legemiddelliste (tiltak) – sist berørt 15.05.2024 (NUIT 20/24)", doc.QuerySelector(".not-discussed li")!.TextContent);
        Assert.Equal("TOM Indikator uten verdier: mangler 2024 (ingen verdier)", doc.QuerySelector(".missing-values li")!.TextContent);
    }

    [Fact]
    public void A_large_number_uses_the_Norwegian_thousands_separator()
    {
        var report = SampleReport.Build();
        var big = report with { Indicators = [report.Indicators[0] with { Latest = new PeriodPoint("2023", 1234567.5m) }] };
        var text = Parse(big).QuerySelector("tr[data-indicator='DIGITAL-KONTAKT']")!.TextContent;
        Assert.Contains("1\u00A0234\u00A0567,5 %", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_stand_in_one_table_per_goal_goal_first_each_starting_a_printed_page()
    {
        var doc = Parse();
        var goals = doc.QuerySelectorAll("#tiltak .goal")
            .Select(g => $"{g.GetAttribute("data-goal")}|{g.QuerySelector("h3")!.TextContent}|{string.Join(",", g.QuerySelectorAll("tr[data-item]").Select(r => r.GetAttribute("data-item")))}");
        Assert.Equal(["M1|M1 Aktiv medvirkning i egen og næres helse|M1,SFM", "M2|M2 Enklere arbeidshverdag|PLL"], goals);
        var style = doc.QuerySelector("style")!.TextContent;
        Assert.Contains("#tiltak .goal { break-before: page; }", style, StringComparison.Ordinal);
        Assert.Contains("thead { display: table-header-group; }", style, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_the_same_report_twice_gives_the_same_bytes()
    {
        var report = SampleReport.Build();
        var charts = QuarterReportFiles.Charts(report);
        Assert.Equal(QuarterReportHtml.Build(report, charts, "Utkast"), QuarterReportHtml.Build(report, charts, "Utkast"));
        // Razor's renderer adds no markers or comments to the file; æøå stay readable in its source.
        var html = QuarterReportHtml.Build(report, charts, "Utkast");
        Assert.DoesNotContain("<!--", html, StringComparison.Ordinal);
        Assert.Contains("Tiltak, mål og delmål", html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_prints_with_a_page_per_section()
    {
        var style = Parse().QuerySelector("style")!.TextContent;
        Assert.Contains("@media print", style, StringComparison.Ordinal);
        Assert.Contains("break-before: page", style, StringComparison.Ordinal);
    }
}
