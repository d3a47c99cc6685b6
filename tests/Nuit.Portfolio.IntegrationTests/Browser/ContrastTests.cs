using Microsoft.Playwright;

namespace Nuit.Portfolio.IntegrationTests.Browser;

/// <summary>
/// Text is readable: every piece of text on the main pages has a contrast of at least 4.5:1 against what is behind it
/// (WCAG 2.1 AA; 3:1 for large text), measured on the colours Chromium actually computes.
/// </summary>
public sealed class ContrastTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // Walks every element with its own text, finds the first opaque background behind it and computes the WCAG ratio.
    private const string Measure = """
        () => {
          const lum = c => {
            const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
          };
          const rgba = s => (s.match(/[\d.]+/g) || []).map(Number);
          const background = el => {
            for (let e = el; e; e = e.parentElement) {
              const c = rgba(getComputedStyle(e).backgroundColor);
              if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
            }
            return [255, 255, 255];
          };
          const failures = [];
          for (const el of document.querySelectorAll('body *')) {
            const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
            const style = getComputedStyle(el);
            if (!own || style.visibility === 'hidden' || style.display === 'none' || el.closest('.visually-hidden, option, script')) continue;
            const rect = el.getBoundingClientRect();
            if (rect.width === 0 || rect.height === 0) continue;
            const fg = rgba(style.color).slice(0, 3), bg = background(el);
            const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
            const ratio = (a + 0.05) / (b + 0.05);
            const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) failures.push(`${el.tagName.toLowerCase()}.${el.className} «${el.textContent.trim().slice(0, 40)}» ${ratio.toFixed(2)}:1 (${style.color} på rgb(${bg.join(',')}))`);
          }
          return failures;
        }
        """;

    [Theory]
    [InlineData("/")]
    [InlineData("/roadmap")]
    [InlineData("/initiatives/SFM")]
    [InlineData("/cases/NUIT/31-24")]
    [InlineData("/indicators/DIGITAL-KONTAKT")]
    [InlineData("/reports")]
    [InlineData("/import")]
    [InlineData("/audit")]
    [InlineData("/admin/users")]
    public async Task Text_on_the_page_has_enough_contrast(string url)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(url);

        var failures = await page.EvaluateAsync<string[]>(Measure);

        Assert.True(failures.Length == 0, $"{url}: for lite kontrast:\n" + string.Join("\n", failures.Distinct().Take(30)));
    }
}
