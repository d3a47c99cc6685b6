using System.Net;
using System.Text.RegularExpressions;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using static Nuit.Portfolio.IntegrationTests.Infrastructure.Forms;

namespace Nuit.Portfolio.IntegrationTests.Pages;

/// <summary>The meeting page a secretary prepares from (issue 19): times when known, the originals to open, what each case touched.</summary>
public sealed partial class MeetingPageTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_agenda_times_the_stored_originals_and_the_items_each_case_touched_are_on_the_meeting_page()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Reader);
        var page = await Page(client, "/meetings/NUIT/3-2024");

        // The agenda of 3/2024 gives a time per case: 31/24 at 09:45.
        Assert.Contains("<th scope=\"col\">Tid</th>", page, StringComparison.Ordinal);
        Assert.Matches(new Regex(">31/24</a></td>\\s*<td>09:45</td>"), page);
        // The items each case touched, as links to their pages.
        Assert.Matches(new Regex(">31/24</a>[\\s\\S]*?<td class=\"touched\">[\\s\\S]*?href=\"/initiatives/SFM\""), page);

        // The original the meeting was read from opens as it was imported.
        var link = DocumentLink().Match(page);
        Assert.True(link.Success, "Ingen lenke til originaldokumentet");
        Assert.Equal("Innkalling", link.Groups[2].Value);
        var original = await client.GetAsync(new Uri(link.Groups[1].Value, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        Assert.Contains("31/24 Plan for realisering av Nasjonal e-helsestrategi 2025", await original.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/documents/999999", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_meeting_whose_cases_have_no_time_shows_no_empty_time_column()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Reader);
        var noTimes = await app.WithDbAsync(async db => await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Meetings.Where(m => m.Cases.Count > 0 && m.Cases.All(c => c.TimeSlot == null)).Select(m => m.Number), Ct));
        var page = await Page(client, "/meetings/NUIT/" + noTimes.Replace('/', '-'));
        Assert.DoesNotContain("<th scope=\"col\">Tid</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Berører</th>", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"(/documents/\\d+)\">(\\w+)</a>")]
    private static partial Regex DocumentLink();
}
