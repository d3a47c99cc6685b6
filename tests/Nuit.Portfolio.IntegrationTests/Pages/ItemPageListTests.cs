using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Pages;

/// <summary>
/// An item page shows the newest 50 of a list that grows with the register, says how many there are, and «Vis alle»
/// reaches every one a hundred to a page (issue 18): through the real host on a register with more cases than that.
/// </summary>
public sealed partial class ItemPageListTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_item_with_more_than_50_cases_shows_the_newest_50_says_how_many_and_Vis_alle_reaches_every_case()
    {
        TestDatabase.RequireSqlite("nuit synth skriver SQLite-filer.");
        await using var app = new PortfolioApp(_folder.DatabasePath);
        await app.SendAsync(new SynthesizeRegister(Cases: 160, Links: 1_000));
        var links = await app.WithDbAsync(db => db.CaseLinks.Where(l => l.Item!.Code == "SFM")
            .Select(l => new { l.Case!.Body!.Code, l.Case.Number, l.State }).ToListAsync(Ct));
        var every = links.Select(l => $"{Bodies.ShortName(l.Code)} {l.Number}").ToHashSet();
        Assert.True(every.Count > ListItemCases.PageSize, $"SFM har bare {every.Count} saker");
        using var client = app.CreateClient(AccessRole.Reader);
        var parser = new HtmlParser();

        var page = parser.ParseDocument(await client.GetStringAsync("/initiatives/SFM", Ct));
        var shown = Keys(page.QuerySelectorAll("#saker ol.timeline > li h3 a"));
        Assert.Equal(50, shown.Count);
        Assert.Equal($"Viser de 50 nyeste av {every.Count} saker. Vis alle", Squeeze(page.QuerySelector("#saker p.shown")!.TextContent));
        // Counted in SQL over all the links, not over the 50 shown.
        Assert.Equal($"Til vurdering: {links.Count(l => l.State == LinkState.Suggested)}", page.QuerySelector("#saker .to-review strong")!.TextContent);

        var url = page.QuerySelector("#saker p.shown a")!.GetAttribute("href");
        var all = new List<string>();
        var pages = 0;
        while (url is not null)
        {
            var list = parser.ParseDocument(await client.GetStringAsync(url, Ct));
            Assert.Empty(PageChecks.Problems(list));
            var rows = Keys(list.QuerySelectorAll("ol.timeline > li > a"));
            Assert.InRange(rows.Count, 1, ListItemCases.PageSize);
            all.AddRange(rows);
            pages++;
            Assert.Equal(pages > 1, list.QuerySelector("a[rel=prev]")?.TextContent == "Forrige");
            url = list.QuerySelector("a[rel=next]") is { } next ? Assert.IsType<string>(next.GetAttribute("href")) : null;
            if (url is not null) Assert.Equal("Neste", list.QuerySelector("a[rel=next]")!.TextContent);
        }

        Assert.Equal((every.Count + ListItemCases.PageSize - 1) / ListItemCases.PageSize, pages);
        Assert.Equal(every.Count, all.Count);
        Assert.Equal(every, all.ToHashSet());
        // The full list begins where the item page's list does.
        Assert.Equal(shown, all.Take(50));
    }

    private static List<string> Keys(AngleSharp.Dom.IHtmlCollection<AngleSharp.Dom.IElement> anchors) => [.. anchors.Select(a => a.TextContent.Trim())];

    private static string Squeeze(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
