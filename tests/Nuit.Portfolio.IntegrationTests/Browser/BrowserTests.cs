using System.Text;
using Microsoft.Playwright;

namespace Nuit.Portfolio.IntegrationTests.Browser;

/// <summary>What the secretariat does in a browser, end to end against the running service.</summary>
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, name + ".png"), FullPage = true });

    [Fact]
    public async Task From_the_dashboard_to_SFM_and_its_cases_and_confirming_one()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oversikt", Exact = true })).ToBeVisibleAsync();
        await Shot(page, "01-oversikt");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sentral forskrivningsmodul" }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/initiatives/SFM$"));
        var timeline = page.Locator("#saker");
        foreach (var c in new[] { "NUIT 17/24", "NUIT 25/24", "NUIT 31/24", "NUIT 33/24" })
            await Assertions.Expect(timeline.GetByRole(AriaRole.Link, new() { Name = c, Exact = true })).ToBeVisibleAsync();
        // Evidence is shown with each case.
        await Assertions.Expect(page.Locator("#sak-NUIT-31-24 .evidence")).ToContainTextAsync("SFM");
        await Shot(page, "02-sfm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft NUIT 31/24" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("NUIT 31/24 er bekreftet for SFM");
        await Assertions.Expect(page.Locator("#sak-NUIT-31-24 .state")).ToHaveTextAsync("Bekreftet");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bekreft NUIT 31/24" })).ToHaveCountAsync(0);
        await Shot(page, "03-bekreftet");
    }

    [Fact]
    public async Task A_meeting_document_uploaded_on_the_import_page_is_previewed_then_imported()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/import");
        var minutes = """
            Referat fra møte i NUIT
            Møte 2/2025

            Dato 22. mai 2025

            Sak Tittel på sak Sakstype

            12/25 Status for <script>alert('x')</script> pasientens prøvesvar Orientering

            Sak Tema

            12/25 Status for <script>alert('x')</script> pasientens prøvesvar

             Helsedirektoratet orienterte om status for pasientens prøvesvar.

             Vedtak:
            NUIT tar saken til orientering.
            """;
        await page.GetByLabel("Fil").SetInputFilesAsync(new FilePayload
        {
            Name = "referat-2-2025.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(minutes),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Forhåndsvis" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forhåndsvisning av referat-2-2025.txt" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("NUIT møte 2/2025, 22. mai 2025 (referat) – opprettes")).ToBeVisibleAsync();
        await Shot(page, "04-forhandsvisning");

        await page.GetByRole(AriaRole.Button, new() { Name = "Bekreft import" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importert" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "NUIT møte 2/2025" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "12/25", Exact = true }).ClickAsync();

        // Text from documents is text: the title shows the tag literally and no script runs.
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("<script>alert('x')</script>");
        Assert.Equal(0, dialogs);
        await Assertions.Expect(page.Locator("script:not([src])")).ToHaveCountAsync(0);
        await Shot(page, "05-importert-sak");
    }

    [Fact]
    public async Task The_indicator_workbook_downloads_from_the_indicators_page()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/indicators");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Last ned indikatorarbeidsbok (Excel)" }).ClickAsync());

        Assert.Matches(@"^indikatorer-\d{4}-Q[1-4]\.xlsx$", download.SuggestedFilename);
        var path = Path.Combine(BrowserFixture.Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 1000);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        await Shot(page, "06-indikatorer");
    }

    [Fact]
    public async Task A_quarterly_report_made_on_the_reports_page_downloads_as_html()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/reports");
        await page.GetByLabel("Kvartal").FillAsync("2025-Q1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lag rapport nå" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rapporten for 1. kvartal 2025 er laget");
        await Shot(page, "08-rapporter");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "report-2025-Q1.html" }).First.ClickAsync());
        Assert.Equal("report-2025-Q1.html", download.SuggestedFilename);
        var path = Path.Combine(BrowserFixture.Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var html = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains("1. kvartal 2025", html, StringComparison.Ordinal);
        Assert.Contains("1/25", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_in_the_navigation_opens()
    {
        var page = await fixture.NewPageAsync();
        foreach (var (link, heading) in new[]
                 {
                     ("Veikart", "Veikart"), ("Møter", "Møter"), ("Indikatorer", "Strategiske indikatorer"),
                     ("Rapporter", "Kvartalsrapporter"), ("Import", "Import av møtedokumenter"), ("Oversikt", "Oversikt"),
                 })
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Hovedmeny" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        }

        await page.GetByLabel("Søk", new() { Exact = true }).FillAsync("ICD-11");
        await page.GetByLabel("Søk", new() { Exact = true }).PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "NUIT 36/24 ICD-11 – En første gjennomgang" })).ToBeVisibleAsync();
        await Shot(page, "07-sok");
    }
}
