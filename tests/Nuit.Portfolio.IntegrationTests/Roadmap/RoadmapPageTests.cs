using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using static Nuit.Portfolio.IntegrationTests.Infrastructure.Forms;

namespace Nuit.Portfolio.IntegrationTests.Roadmap;

public sealed class RoadmapPageTests : IDisposable
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

        var bad = await PostAsync(client, "/roadmap/edit/PLL", "/roadmap/edit/PLL?handler=Save", ("Input.Name", "Pasientens legemiddelliste (PLL)"), ("Input.Owner", "Helsedirektoratet"), ("Input.Phase", "Innføring"), ("Input.Status", "aktiv"), ("Input.SubGoals", "1A, 9Z"), ("Input.Aliases", "PLL; pasientens legemiddelliste"));
        var html = await Text(bad);
        Assert.Matches(FieldError("Input.SubGoals", "Delmålet «9Z» finnes ikke"), html);
        Assert.Equal("Pasientens legemiddelliste", await app.WithDbAsync(db => db.Initiatives.Where(i => i.Code == "PLL").Select(i => i.Name).SingleAsync(Ct)));

        var good = await PostAsync(client, "/roadmap/edit/PLL", "/roadmap/edit/PLL?handler=Save", ("Input.Name", "Pasientens legemiddelliste (PLL)"), ("Input.Owner", "Helsedirektoratet"), ("Input.Phase", "Innføring"), ("Input.Status", "aktiv"), ("Input.SubGoals", "1A"), ("Input.Aliases", "PLL; pasientens legemiddelliste"));
        Assert.Contains("PLL er lagret (4 endringer)", await Text(good), StringComparison.Ordinal);

        var page = await Page(client, "/initiatives/PLL");
        Assert.Contains("href=\"/roadmap/edit/PLL\"", page, StringComparison.Ordinal);
        Assert.Contains("Endringshistorikk", page, StringComparison.Ordinal);
        Assert.Contains("<td>navn</td><td>Pasientens legemiddelliste</td><td>Pasientens legemiddelliste (PLL)</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_sub_goal_with_a_wrong_code_is_refused_on_the_code_field()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var bad = await PostAsync(client, "/roadmap/edit?kind=subgoal", "/roadmap/edit?kind=subgoal&handler=Save", ("Input.Code", "3B"), ("Input.Goal", "M2"), ("Input.Name", "Feil kode"));
        Assert.Matches(FieldError("Input.Code", "delmålkoden «3B» skal være målets nummer og en bokstav, f.eks. 2A"), await Text(bad));

        var good = await PostAsync(client, "/roadmap/edit?kind=subgoal", "/roadmap/edit?kind=subgoal&handler=Save", ("Input.Code", "2B"), ("Input.Goal", "M2"), ("Input.Name", "Riktig kode"));
        Assert.Contains("2B er lagret", await Text(good), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Milestones_are_moved_and_retirement_refused_on_the_page_and_the_plan_diff_page_lists_the_changes()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var started = await PostAsync(client, "/roadmap/plans", "/roadmap/plans?handler=Start", ("year", "2026"));
        Assert.Contains("Gjeldende plan er nå Plan for realisering 2026", await Text(started), StringComparison.Ordinal);

        var form = await client.GetStringAsync(new Uri("/roadmap/edit/HTO", UriKind.Relative), Ct);
        var id = Regex.Match(form, "name=\"Milestone.Id\" value=\"(\\d+)\"").Groups[1].Value;
        var version = Regex.Match(form, "name=\"Milestone.Version\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var early = await PostAsync(client, "/roadmap/edit/HTO", "/roadmap/edit/HTO?handler=Milestone", ("Milestone.Id", id), ("Milestone.Version", version), ("Milestone.Name", "Første minimumsordning for godkjenning"), ("Milestone.Planned", "2025-10-01"), ("Milestone.Actual", "2024-01-15"));
        Assert.Contains("mer enn 12 måneder før planlagt dato 2025-10-01", await Text(early), StringComparison.Ordinal);
        var moved = await PostAsync(client, "/roadmap/edit/HTO", "/roadmap/edit/HTO?handler=Milestone", ("Milestone.Id", id), ("Milestone.Version", version), ("Milestone.Name", "Første minimumsordning for godkjenning"), ("Milestone.Planned", "2025-10-01"), ("Milestone.Forecast", "2026-01-15"));
        Assert.Contains("er lagret", await Text(moved), StringComparison.Ordinal);

        var retire = await PostAsync(client, "/roadmap/edit/1A", "/roadmap/edit/1A?handler=Retire", ("reason", "test"));
        Assert.Matches(FieldError("Retire.Code", "1A kan ikke avvikles"), await Text(retire));

        var diff = await Page(client, "/roadmap/plans?from=2025&to=2026");
        Assert.Contains("Milepæler (1)", diff, StringComparison.Ordinal);
        Assert.Contains("15.01.2026", diff, StringComparison.Ordinal);
        Assert.Contains("/api/exports/plan-diff.xlsx?from=2025&to=2026", diff, StringComparison.Ordinal);
    }
}
