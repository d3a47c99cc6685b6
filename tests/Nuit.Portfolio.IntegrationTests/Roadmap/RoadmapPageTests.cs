using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Roadmap;

public sealed partial class RoadmapPageTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_edit_form_shows_a_refusal_next_to_its_field_and_saves_nothing_then_saves_a_good_edit_into_the_history()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var form = await client.GetStringAsync(new Uri("/roadmap/edit/PLL", UriKind.Relative), Ct);
        Assert.Contains("value=\"Pasientens legemiddelliste\"", form, StringComparison.Ordinal);

        var bad = await Post(client, "/roadmap/edit/PLL?handler=Save", form, new()
        {
            ["Input.Name"] = "Pasientens legemiddelliste (PLL)", ["Input.Owner"] = "Helsedirektoratet", ["Input.Phase"] = "Innføring",
            ["Input.Status"] = "aktiv", ["Input.SubGoals"] = "1A, 9Z", ["Input.Aliases"] = "PLL; pasientens legemiddelliste",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await Html(bad);
        Assert.Matches(FieldError("Input.SubGoals", "Delmålet «9Z» finnes ikke"), html);
        Assert.Equal("Pasientens legemiddelliste", await app.WithDbAsync(db => db.Initiatives.Where(i => i.Code == "PLL").Select(i => i.Name).SingleAsync(Ct)));

        var good = await Post(client, "/roadmap/edit/PLL?handler=Save", form, new()
        {
            ["Input.Name"] = "Pasientens legemiddelliste (PLL)", ["Input.Owner"] = "Helsedirektoratet", ["Input.Phase"] = "Innføring",
            ["Input.Status"] = "aktiv", ["Input.SubGoals"] = "1A", ["Input.Aliases"] = "PLL; pasientens legemiddelliste",
        });
        Assert.Contains("PLL er lagret (4 endringer)", await Html(good), StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/initiatives/PLL", UriKind.Relative), Ct));
        Assert.Contains("href=\"/roadmap/edit/PLL\"", page, StringComparison.Ordinal);
        Assert.Contains("Endringshistorikk", page, StringComparison.Ordinal);
        Assert.Contains("<td>navn</td><td>Pasientens legemiddelliste</td><td>Pasientens legemiddelliste (PLL)</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_sub_goal_with_a_wrong_code_is_refused_on_the_code_field()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var form = await client.GetStringAsync(new Uri("/roadmap/edit?kind=subgoal", UriKind.Relative), Ct);
        var bad = await Post(client, "/roadmap/edit?kind=subgoal&handler=Save", form, new() { ["Input.Code"] = "3B", ["Input.Goal"] = "M2", ["Input.Name"] = "Feil kode" });
        Assert.Matches(FieldError("Input.Code", "delmålkoden «3B» skal være målets nummer og en bokstav, f.eks. 2A"), await Html(bad));

        var good = await Post(client, "/roadmap/edit?kind=subgoal&handler=Save", form, new() { ["Input.Code"] = "2B", ["Input.Goal"] = "M2", ["Input.Name"] = "Riktig kode" });
        Assert.Contains("2B er lagret", await Html(good), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Milestones_are_moved_and_retirement_refused_on_the_page_and_the_plan_diff_page_lists_the_changes()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var plans = await client.GetStringAsync(new Uri("/roadmap/plans", UriKind.Relative), Ct);
        var started = await Post(client, "/roadmap/plans?handler=Start", plans, new() { ["year"] = "2026" });
        Assert.Contains("Gjeldende plan er nå Plan for realisering 2026", await Html(started), StringComparison.Ordinal);

        var form = await client.GetStringAsync(new Uri("/roadmap/edit/HTO", UriKind.Relative), Ct);
        var id = Regex.Match(form, "name=\"Milestone.Id\" value=\"(\\d+)\"").Groups[1].Value;
        var version = Regex.Match(form, "name=\"Milestone.Version\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var early = await Post(client, "/roadmap/edit/HTO?handler=Milestone", form, new()
        {
            ["Milestone.Id"] = id, ["Milestone.Version"] = version, ["Milestone.Name"] = "Første minimumsordning for godkjenning",
            ["Milestone.Planned"] = "2025-10-01", ["Milestone.Actual"] = "2024-01-15",
        });
        Assert.Contains("mer enn 12 måneder før planlagt dato 2025-10-01", await Html(early), StringComparison.Ordinal);
        var moved = await Post(client, "/roadmap/edit/HTO?handler=Milestone", form, new()
        {
            ["Milestone.Id"] = id, ["Milestone.Version"] = version, ["Milestone.Name"] = "Første minimumsordning for godkjenning",
            ["Milestone.Planned"] = "2025-10-01", ["Milestone.Forecast"] = "2026-01-15",
        });
        Assert.Contains("er lagret", await Html(moved), StringComparison.Ordinal);

        var retire = await Post(client, "/roadmap/edit/1A?handler=Retire", form, new() { ["reason"] = "test" });
        Assert.Matches(FieldError("Retire.Code", "1A kan ikke avvikles"), await Html(retire));

        var diff = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/roadmap/plans?from=2025&to=2026", UriKind.Relative), Ct));
        Assert.Contains("Milepæler (1)", diff, StringComparison.Ordinal);
        Assert.Contains("15.01.2026", diff, StringComparison.Ordinal);
        Assert.Contains("/api/exports/plan-diff.xlsx?from=2025&to=2026", diff, StringComparison.Ordinal);
    }

    /// <summary>The page as text: Razor encodes æøå and «» as character references.</summary>
    private static async Task<string> Html(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    private static Regex FieldError(string field, string text) =>
        new($"data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>[^<]*{Regex.Escape(text)}");

    private static async Task<HttpResponseMessage> Post(HttpClient client, string url, string formPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Token().Match(formPage).Groups[1].Value;
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
