using Microsoft.Playwright;

namespace Nuit.Portfolio.IntegrationTests.Browser;

/// <summary>
/// Every page a secretary opens must fit a phone (390 px) and a laptop (1,366 px) without sideways scrolling (issue 19):
/// a wide table scrolls in its own box, the page itself never does.
/// </summary>
public sealed class NarrowScreenTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Pages =>
    [
        "/", "/initiatives/SFM", "/goals/M1", "/cases/NUIT/31-24", "/meetings", "/meetings/NUIT/3-2024", "/meetings/NUIT/2-2024",
        "/indicators", "/indicators/DIGITAL-KONTAKT", "/indicators/import", "/reports", "/import", "/roadmap", "/roadmap/plans",
        "/roadmap/workbook", "/roadmap/edit/SFM", "/search?q=legemiddelliste", "/search?q=SFM", "/links/review", "/audit", "/admin/users", "/admin/tokens", "/account/password",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_fits_a_phone_and_a_laptop_without_sideways_scrolling(string url)
    {
        var page = await fixture.NewPageAsync();
        foreach (var (width, height) in new[] { (390, 844), (1366, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            var response = await page.GotoAsync(url);
            Assert.True(response is { Ok: true }, $"{url} svarte {response?.Status}");
            var (scroll, client) = await Widths(page);
            if (scroll > client)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, $"bred-{width}-{Name(url)}.png"), FullPage = true });
                Assert.Fail($"{url} er {scroll} px bred på en skjerm som er {client} px; bredest: {await Widest(page, client)}");
            }
        }
    }

    private static async Task<(int Scroll, int Client)> Widths(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>The elements that reach past the screen's right edge, to say what to fix.</summary>
    private static Task<string> Widest(IPage page, int client) => page.EvaluateAsync<string>("""
        client => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > client + 1)
          .slice(0, 5)
          .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right) + ' px')
          .join(', ')
        """, client);

    private static string Name(string url) => new([.. url.Select(c => char.IsLetterOrDigit(c) ? c : '-')]);
}
