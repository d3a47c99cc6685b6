using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Nuit.Portfolio.IntegrationTests.Browser;

/// <summary>
/// Long work shows its progress: a report built from the reports page, followed with the app's own script and, with
/// scripts turned off, by the page reloading itself. The fixture's service takes 200 ms a step, so there is something to see.
/// </summary>
public sealed partial class ProgressTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(true, "2024-Q3")]
    [InlineData(false, "2024-Q4")]
    public async Task A_report_shows_its_progress_and_then_the_finished_report(bool javaScript, string quarter)
    {
        var page = await fixture.NewPageAsync(javaScript);
        var steps = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Url.Contains("/api/jobs/", StringComparison.Ordinal)) steps.Add(r.Url);
        };
        await page.GotoAsync("/reports");
        await page.GetByLabel("Kvartal").FillAsync(quarter);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lag rapport nå" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(JobUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Lager kvartalsrapporten for");
        await Assertions.Expect(page.Locator("progress")).ToHaveCountAsync(1);
        if (javaScript)
        {
            // Updated in place from /api/jobs while the work goes on: «Pågår: Tegner figur 2 av 6 (steg 2 av 9)».
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new Regex(@"Pågår: .+ \(steg \d+ av \d+\)"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "09-fremdrift.png"), FullPage = true });
        }

        await Assertions.Expect(page).ToHaveURLAsync(ReportsUrl(), new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("er laget: utkast");
        Assert.Equal(javaScript, steps.Count > 0);
    }

    [GeneratedRegex("/jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobUrl();

    [GeneratedRegex("/reports#rapport-[0-9]+$")]
    private static partial Regex ReportsUrl();
}
