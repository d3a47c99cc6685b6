using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using static Nuit.Portfolio.IntegrationTests.Infrastructure.Forms;

namespace Nuit.Portfolio.IntegrationTests.Pages;

/// <summary>The dashboard says what to do (issue 19): its counts open the list they count, and an empty state names the next step.</summary>
public sealed class DashboardPageTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task With_nothing_reported_the_dashboard_names_the_next_steps_and_each_count_opens_the_items_it_counts()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);

        var empty = await Page(client, "/");
        Assert.Contains("Ingen status er rapportert ennå.", empty, StringComparison.Ordinal);
        Assert.Contains("«Registrer status»", empty, StringComparison.Ordinal);
        Assert.Matches(new Regex("id=\"uplassert\">\\d+ tiltak er ikke plassert under et mål"), empty);
        Assert.Matches(new Regex("href=\"/roadmap/edit/[A-Z0-9-]+\" aria-label=\"Plasser "), empty);

        await app.SendAsync(new SetStatus("1B", "2025-Q1", "green", "I rute"), actingAs: "kari");
        var dashboard = await Page(client, "/");
        Assert.DoesNotContain("Ingen status er rapportert ennå.", dashboard, StringComparison.Ordinal);
        Assert.Equal(1, Count(dashboard, "grønn", "M1"));

        // Each count leads to a list holding exactly that many items, only under that goal.
        foreach (var (status, word) in new[] { ("green", "grønn"), ("grey", @"grå \(ikke rapportert\)") })
        {
            var expected = Count(dashboard, word, "M1");
            var list = await Page(client, $"/roadmap?goal=M1&status={status}");
            Assert.Contains("id=\"goal-M1\"", list, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"goal-M2\"", list, StringComparison.Ordinal);
            // A sub-goal of another status may stand as the heading of a matching initiative; only the items showing this status count.
            var items = Regex.Matches(list, $"href=\"/(?:initiatives|subgoals)/([^\"]+)\"><span class=\"code\">[^<]*</span>[^<]*</a>\\s*<span class=\"rag rag-{status}\">")
                .Select(m => m.Groups[1].Value).Distinct().Count();
            Assert.Equal(expected, items);
            Assert.True(expected > 0, $"Ingen {word} under M1");
        }
        Assert.Contains("href=\"/subgoals/1B\"", await Page(client, "/roadmap?goal=M1&status=green"), StringComparison.Ordinal);
        Assert.Contains("Viser det som er «pølse»", await Page(client, "/roadmap?status=p%C3%B8lse"), StringComparison.Ordinal);
    }

    /// <summary>The count in the dashboard's link "N grønn under M1"; zero when there is no link.</summary>
    private static int Count(string html, string word, string goal)
    {
        var m = Regex.Match(html, $"aria-label=\"(\\d+) {word} under {goal}\"");
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
