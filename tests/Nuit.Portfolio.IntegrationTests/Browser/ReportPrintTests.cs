using System.Text;
using Microsoft.Playwright;
using Nuit.Portfolio.Features.Reports;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;

namespace Nuit.Portfolio.IntegrationTests.Browser;

/// <summary>
/// The quarterly report file as a reader gets it (issue 19): it fits a laptop screen, and printed to PDF from
/// Chromium on A4 each goal's initiatives start a page and nothing is cut off at the right edge.
/// </summary>
public sealed class ReportPrintTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_report_fits_390_and_1366_px_and_prints_to_A4_with_a_page_per_goal_and_every_initiative_and_milestone_on_the_paper()
    {
        var page = await fixture.NewPageAsync();
        await using var app = new PortfolioApp(_folder.DatabasePath);
        // A comment with a long unbroken address, the kind of text that pushed «Milepæler» off the screen.
        await app.SendAsync(new SetStatus("SFM", "2025-Q1", "amber",
            "Piloten er utsatt, se https://www.ehelse.no/strategi/nasjonal-e-helsestrategi/oppfolging-av-sentral-forskrivningsmodul-2025-forste-kvartal"), actingAs: "kari");
        var rendered = await app.SendAsync(new RenderQuarterReport("2025-Q1"));
        var html = Encoding.UTF8.GetString(rendered.Files.Single(f => f.Name == "report-2025-Q1.html").Content);

        await page.SetContentAsync(html);
        // On a phone a table may scroll in its own box, but the page itself never scrolls sideways; on a laptop
        // the initiatives' tables fit as they are.
        foreach (var (width, height) in new[] { (390, 844), (1366, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            var widths = await page.EvaluateAsync<int[]>("""
                () => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                       Math.ceil(Math.max(...[...document.querySelectorAll('#tiltak table')].map(t => t.getBoundingClientRect().right)))]
                """);
            Assert.True(widths[0] <= widths[1], $"Rapporten er {widths[0]} px bred på en skjerm som er {widths[1]} px");
            if (width == 1366) Assert.True(widths[2] <= widths[1], $"Tiltakstabellen når {widths[2]} px på en skjerm som er {widths[1]} px");
        }

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.Screenshots, "kvartalsrapport-2025-Q1.pdf"), pdf, Ct);
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.True(pages.Count >= rendered.Data.Goals.Count, $"{pages.Count} sider for {rendered.Data.Goals.Count} mål");
        // A4 is 595.3 × 841.9 points; Chromium rounds it to whole CSS pixels (595.9 × 842.9).
        Assert.All(pages, p => Assert.True(Math.Abs(p.Width - 595.3) < 2 && Math.Abs(p.Height - 841.9) < 2, $"Side {p.Number} er {p.Width} × {p.Height} pt, ikke A4"));

        // Nothing printed past the paper's right edge (text that would be cut off is still in the file, outside the page).
        foreach (var p in pages)
        {
            var outside = p.Letters.Where(l => l.BoundingBox.Right > p.Width + 0.5 || l.BoundingBox.Left < -0.5).ToList();
            Assert.True(outside.Count == 0, $"Side {p.Number}: tekst utenfor arket: «{string.Concat(outside.Take(40).Select(l => l.Value))}»");
        }

        // The chapter «Tiltak, mål og delmål» starts a page (as every chapter does) and runs until «Indikatorer» starts the next.
        var texts = pages.Select(p => Squash(p.Text)).ToList();
        var first = texts.FindIndex(t => t.StartsWith(Squash("Tiltak, mål og delmål"), StringComparison.Ordinal));
        var end = texts.FindIndex(first + 1, t => t.StartsWith("Indikatorer", StringComparison.Ordinal));
        Assert.True(first >= 0 && end > first, $"Fant ikke kapittelet om tiltak i PDF-en (sider {first}–{end})");
        var chapter = texts[first..end];

        // Each goal's table starts its own page: its heading is the first text on a page (the first goal's follows the chapter title).
        var groups = rendered.Data.Items.Select(i => i.Kind == "goal" ? i.Code : i.Goal ?? "").Distinct().ToList();
        foreach (var goal in groups)
        {
            var heading = Squash(goal.Length == 0 ? "Ikke plassert under et mål" : $"{goal} {rendered.Data.Goals.Single(g => g.Code == goal).Name}");
            Assert.Contains(chapter, t => t.StartsWith(heading, StringComparison.Ordinal) || t.StartsWith(Squash("Tiltak, mål og delmål") + heading, StringComparison.Ordinal));
        }
        Assert.True(chapter.Count >= groups.Count, $"{chapter.Count} sider for {groups.Count} mål");

        var all = string.Concat(chapter);
        var initiatives = rendered.Data.Items.Where(i => i.Kind == "initiative").ToList();
        Assert.NotEmpty(initiatives);
        Assert.All(initiatives, i => Assert.Contains(Squash(i.Code), all, StringComparison.Ordinal));
        var milestones = rendered.Data.Items.SelectMany(i => i.Milestones).ToList();
        Assert.NotEmpty(milestones);
        Assert.All(milestones, m => Assert.Contains(Squash(m.Name), all, StringComparison.Ordinal));
        Assert.Contains(Squash("forskrivningsmodul-2025-forste-kvartal"), all, StringComparison.Ordinal);
    }

    /// <summary>Text without white space: a line break inside a table cell must not count as text missing.</summary>
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
