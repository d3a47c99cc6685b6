using System.Net;
using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using static Nuit.Portfolio.IntegrationTests.Infrastructure.Forms;

namespace Nuit.Portfolio.IntegrationTests.Pages;

/// <summary>The search page looks through everything and reads an item's every name alike (issue 19), through the real host.</summary>
public sealed partial class SearchPageTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_alias_a_start_of_the_name_and_the_code_find_the_same_cases()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Reader);

        var byCode = Cases(await Page(client, "/search?q=SFM"));
        var byName = Cases(await Page(client, "/search?q=" + Uri.EscapeDataString("sentral forskrivning")));
        var byFullName = Cases(await Page(client, "/search?q=" + Uri.EscapeDataString("Sentral forskrivningsmodul")));

        // Every case that touched SFM on the seeded meetings is found, whichever name is typed.
        foreach (var known in new[] { "/cases/NUIT/17-24", "/cases/NUIT/25-24", "/cases/NUIT/31-24", "/cases/NUIT/33-24" })
            Assert.Contains(known, byCode);
        Assert.Equal(byCode, byName);
        Assert.Equal(byCode, byFullName);
    }

    [Fact]
    public async Task Results_are_grouped_by_kind_and_each_leads_to_its_page()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Reader);

        var sfm = await Page(client, "/search?q=SFM");
        Assert.Contains("Søket er lest som SFM (Sentral forskrivningsmodul)", sfm, StringComparison.Ordinal);
        Assert.Matches(new Regex("id=\"treff-elementer\"[\\s\\S]*?href=\"/initiatives/SFM\""), sfm);

        var indicator = await Page(client, "/search?q=" + Uri.EscapeDataString("digital kontakt"));
        Assert.Matches(new Regex("id=\"treff-indikatorer\"[\\s\\S]*?href=\"/indicators/DIGITAL-KONTAKT\""), indicator);

        var meeting = await Page(client, "/search?q=" + Uri.EscapeDataString("3/2024"));
        Assert.Matches(new Regex("id=\"treff-moter\"[\\s\\S]*?href=\"/meetings/NUIT/3-2024\""), meeting);

        var nothing = await Page(client, "/search?q=zzzqqq");
        Assert.Contains("Ingen treff.", nothing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/search?q=%22%2A%28", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>The case links in the «Saker» group, in page order.</summary>
    private static List<string> Cases(string html)
    {
        var at = html.IndexOf("id=\"treff-saker\"", StringComparison.Ordinal);
        Assert.True(at >= 0, "Ingen saker i søkeresultatet");
        return [.. CaseLink().Matches(html[at..]).Select(m => m.Groups[1].Value).Distinct()];
    }

    [GeneratedRegex("href=\"(/cases/[^\"]+)\"")]
    private static partial Regex CaseLink();
}
