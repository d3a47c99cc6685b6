using System.Net;
using Microsoft.Playwright;
using Nuit.Portfolio.Features.Meetings.Parsing;
using Nuit.Portfolio.IntegrationTests.Browser;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using Nuit.Portfolio.Tests.Meetings;
using static Nuit.Portfolio.Tests.Meetings.SeedDocuments;

namespace Nuit.Portfolio.IntegrationTests.Meetings;

/// <summary>
/// Each seed document in the forms it is met in (issue 17). The text file against a PDF that Chromium printed with its
/// own line and page breaks and its ligatures (ﬁ, ﬂ) is here; the Word file (ArchivedDocumentTests), a PDF from another
/// writer and the text flattened to one line (DocumentReaderTests, NoisyTextTests) are in the pure suite. Every form
/// must give the same meetings and cases; a difference is listed by meeting, case and field.
/// </summary>
public sealed class DocumentCorpusTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Files => [AgendaFile, MinutesFile];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_pdf_printed_by_chromium_with_other_line_breaks_gives_the_same_cases(string file)
    {
        Requires.That(File.Exists(BrowserFixture.ChromiumPath), $"Chromium finnes ikke på {BrowserFixture.ChromiumPath} (apt-get install -y chromium).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        // Narrower than the original, in another font: long lines wrap at other places and pages break elsewhere.
        await page.SetContentAsync($"""
            <!doctype html><html lang="nb"><meta charset="utf-8">
            <pre style="white-space: pre-wrap; font: 10pt 'DejaVu Sans', sans-serif; width: 15cm">{WebUtility.HtmlEncode(Read(file))}</pre>
            """);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4" });

        var printed = MeetingDocumentParser.Parse(DocumentReader.ReadText(pdf, "utskrift.pdf"), file);
        ParsedDifferences.AssertSame(file == AgendaFile ? Agenda : Minutes2025, printed);
    }
}
