using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Reports;
using Nuit.Portfolio.Features.Roadmap;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Pages;

/// <summary>One page the crawl opened: where it was found, how many clicks from the front page, its status, and (for HTML) the parsed document.</summary>
public sealed record CrawledPage(string Url, string From, int Clicks, HttpStatusCode Status, IHtmlDocument? Document);

/// <summary>
/// Follows every same-origin link and every GET form (with the values it shows) from the front page, breadth-first,
/// as an Admin would click through the service. HTML pages are parsed and followed; downloads (workbooks, CSV,
/// charts, API files) are only fetched to see that they answer. Bounded so a growing database cannot make it endless.
/// </summary>
public sealed class SiteCrawl : IAsyncLifetime
{
    public const int MaxPages = 600;
    public const int MaxDownloads = 80;

    /// <summary>Downloads of one kind (same path and handler, e.g. the audit CSV for each item) fetched at most this often.</summary>
    public const int DownloadsOfOneKind = 3;

    private static readonly string[] DownloadExtensions = [".xlsx", ".csv", ".png", ".svg", ".json", ".html", ".pdf", ".txt"];
    private readonly TestFolder _folder = new();
    private PortfolioApp _app = null!;

    public List<CrawledPage> Pages { get; } = [];
    public List<CrawledPage> Downloads { get; } = [];

    public async ValueTask InitializeAsync()
    {
        _app = new PortfolioApp(_folder.DatabasePath);
        await LiveInAsync();
        var client = _app.CreateClient(AccessRole.Admin, followRedirects: false);
        var parser = new HtmlParser();
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From, int Clicks)>([("/", "(start)", 0)]);
        while (queue.TryDequeue(out var next) && Pages.Count < MaxPages)
        {
            var (url, from, clicks) = next;
            if (IsDownload(url))
            {
                var kind = DownloadKind(url);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                if (Downloads.Count < MaxDownloads && kinds[kind] <= DownloadsOfOneKind)
                    Downloads.Add(new CrawledPage(url, from, clicks, await StatusAsync(client, url), null));
                continue;
            }
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var html = response.Content.Headers.ContentType?.MediaType == "text/html";
            var document = html ? await parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync()) : null;
            Pages.Add(new CrawledPage(url, from, clicks, response.StatusCode, document));
            // A redirect is not a click: the page it leads to is as near as the link that led here.
            if (response.Headers.Location is { } location && Local(location.OriginalString, url) is { } redirect && seen.Add(redirect))
                queue.Enqueue((redirect, url, clicks));
            if (document is null) continue;
            foreach (var target in Targets(document).Select(t => Local(t, url)).OfType<string>())
                if (seen.Add(target)) queue.Enqueue((target, url, clicks + 1));
        }
    }

    /// <summary>
    /// A few changes of the kind the secretariat makes, so history tables, the plan diff, statuses and report files
    /// have rows to check (dates among them) and not only their empty states.
    /// </summary>
    private async Task LiveInAsync()
    {
        await _app.SendAsync(new StartPlanYear(2026, null), actingAs: "admin");
        var milestone = await _app.WithDbAsync(db => db.Milestones.Where(m => m.Initiative!.Code == "HTO").Select(m => m.Id).FirstAsync());
        await _app.SendAsync(new EditMilestone(milestone, Forecast: "2026-03-01"), actingAs: "admin");
        await _app.SendAsync(new SetStatus("SFM", "2025-Q1", "amber", "Piloten er utsatt"), actingAs: "admin");
        await _app.SendAsync(new CreateReport("2025-Q1"), actingAs: "admin");
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        return response.StatusCode;
    }

    /// <summary>Links, images and GET forms submitted as they stand (each named field with its shown value).</summary>
    private static IEnumerable<string> Targets(IHtmlDocument document)
    {
        foreach (var a in document.QuerySelectorAll("a[href]")) yield return a.GetAttribute("href")!;
        foreach (var img in document.QuerySelectorAll("img[src]")) yield return img.GetAttribute("src")!;
        foreach (var form in document.QuerySelectorAll<IHtmlFormElement>("form"))
        {
            if (!string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase)) continue;
            var fields = form.Elements.OfType<IElement>()
                .Where(e => e.GetAttribute("name") is { Length: > 0 } && e is IHtmlInputElement { Type: not ("submit" or "button" or "reset" or "file") } or IHtmlSelectElement or IHtmlTextAreaElement)
                .Select(e => $"{Uri.EscapeDataString(e.GetAttribute("name")!)}={Uri.EscapeDataString(Value(e))}");
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : "";
            yield return $"{action.Split('?')[0]}?{string.Join("&", fields)}";
        }
    }

    private static string Value(IElement field) => field switch
    {
        IHtmlSelectElement s => s.Value ?? "",
        IHtmlTextAreaElement t => t.Value,
        IHtmlInputElement i => i.Value,
        _ => "",
    };

    /// <summary>The path and query of a same-origin target, without its fragment; null for other sites and schemes.</summary>
    private static string? Local(string href, string from)
    {
        var baseUri = new Uri(new Uri("http://localhost"), from);
        if (!Uri.TryCreate(baseUri, WebUtility.HtmlDecode(href), out var uri) || uri.Host != "localhost" || uri.Scheme != "http") return null;
        return uri.PathAndQuery;
    }

    private static bool IsDownload(string url)
    {
        var path = url.Split('?')[0];
        return path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal)
            || url.Contains("handler=", StringComparison.OrdinalIgnoreCase)
            || DownloadExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal);
    }

    private static string DownloadKind(string url)
    {
        var parts = url.Split('?', 2);
        var handler = parts.Length > 1 ? parts[1].Split('&').FirstOrDefault(p => p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase)) : null;
        return $"{parts[0]}?{handler}";
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var p in Pages) p.Document?.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }
}
