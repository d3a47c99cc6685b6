using System.Net;
using System.Text.RegularExpressions;

namespace Nuit.Portfolio.IntegrationTests.Pages;

/// <summary>
/// The whole service as a signed-in Admin finds it by clicking from the front page (issue 7): every kind of page is
/// reachable, none answers with an error, and every page keeps the accessibility and security rules in <see cref="PageChecks"/>.
/// </summary>
public sealed class NavigationTests(SiteCrawl crawl) : IClassFixture<SiteCrawl>
{
    /// <summary>Each kind of page the issue lists, by its route.</summary>
    private static readonly (string Name, Regex Route)[] Families =
    [
        ("oversikt", new("^/$")),
        ("veikart", new("^/roadmap$")),
        ("tiltak", new("^/initiatives/[^/?]+$")),
        ("mål", new("^/goals/[^/?]+$")),
        ("delmål", new("^/subgoals/[^/?]+$")),
        ("sak", new(@"^/cases/NUIT/\d+-\d{2}(-\d+)?$")),
        ("møter", new("^/meetings$")),
        ("møte", new(@"^/meetings/NUIT/\d+-\d{4}$")),
        ("indikatorer", new("^/indicators$")),
        ("indikator", new("^/indicators/[^/?]+$")),
        ("rapporter", new("^/reports$")),
        ("import", new("^/import$")),
        ("søk", new(@"^/search(\?|$)")),
        ("endringslogg", new(@"^/audit(\?|$)")),
        ("planår", new(@"^/roadmap/plans(\?|$)")),
        ("veikart som arbeidsbok", new(@"^/roadmap/workbook$")),
    ];

    [Fact]
    public void Every_kind_of_page_is_in_the_navigation_or_one_click_from_a_page_that_is()
    {
        var missing = Families.Where(f => !crawl.Pages.Any(p => f.Route.IsMatch(p.Url))).Select(f => $"{f.Name} ({f.Route})").ToList();
        Assert.True(missing.Count == 0, $"Ikke nådd fra forsiden etter {crawl.Pages.Count} sider:\n" + string.Join("\n", missing));

        // The menu is on every page, so a menu page is one click away and anything linked from one is two.
        var far = Families.Select(f => (f.Name, Nearest: crawl.Pages.Where(p => f.Route.IsMatch(p.Url)).MinBy(p => p.Clicks)!))
            .Where(f => f.Nearest.Clicks > 2).Select(f => $"{f.Name}: {f.Nearest.Clicks} klikk ({f.Nearest.Url} fra {f.Nearest.From})").ToList();
        Assert.True(far.Count == 0, string.Join("\n", far));
    }

    [Fact]
    public void No_page_or_download_linked_from_a_page_answers_with_an_error()
    {
        var failed = crawl.Pages.Concat(crawl.Downloads).Where(p => (int)p.Status >= 400)
            .Select(p => $"{(int)p.Status} {p.Url} (lenket fra {p.From})").ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        Assert.Contains(crawl.Downloads, d => d.Url.EndsWith(".xlsx", StringComparison.Ordinal) && d.Status == HttpStatusCode.OK);
    }

    [Fact]
    public void Every_page_is_accessible_and_keeps_the_content_security_policy()
    {
        var problems = crawl.Pages.Where(p => p.Document is not null)
            .SelectMany(p => PageChecks.Problems(p.Document!).Select(problem => $"{p.Url}: {problem}")).ToList();
        Assert.True(problems.Count == 0, $"{problems.Count} feil på {crawl.Pages.Count} sider:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_checks_find_each_kind_of_problem()
    {
        using var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("""
            <html><head><style>p{}</style></head><body>
            <h1>En</h1><h1>To</h1>
            <input name="q" /><img src="/a.png" />
            <form method="post"><button>Lagre</button></form>
            <script>alert(1)</script><p style="color:red" onclick="x()">Møtet 2025-03-14</p>
            <table><tr><td>1</td></tr></table><span class="rag rag-red"> </span>
            </body></html>
            """);
        var problems = string.Join("\n", PageChecks.Problems(page));
        foreach (var expected in new[] { "lang=\"nb\"", "2 <h1>", "felt uten etikett", "bilde uten alt", "antiforgery", "inline <script>", "<style>", "style-attributt", "onclick", "tabell uten <th>", "statusmerke uten tekst", "«2025-03-14»" })
            Assert.Contains(expected, problems, StringComparison.Ordinal);
    }
}
