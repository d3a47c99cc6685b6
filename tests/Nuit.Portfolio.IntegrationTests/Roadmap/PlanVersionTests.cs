using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Roadmap;

public sealed class PlanVersionTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_plan_year_copies_the_current_plan_and_the_diff_shows_what_changed_since()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var icd11 = await client.GetFromJsonAsync<JsonElement>("/api/initiatives/ICD11/milestones", Ct);
        var milestoneId = icd11[0].GetProperty("id").GetInt32();

        var start = await client.PostAsJsonAsync("/api/plans", new { year = 2026 }, Ct);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var started = await start.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("Plan for realisering 2026", "Plan for realisering 2025"), (started.GetProperty("planName").GetString(), started.GetProperty("closedPlanName").GetString()));
        var plans = await client.GetFromJsonAsync<JsonElement>("/api/plans", Ct);
        Assert.Equal([(2025, false), (2026, true)], plans.EnumerateArray().Select(p => (p.GetProperty("year").GetInt32(), p.GetProperty("current").GetBoolean())));

        var unchanged = await client.GetFromJsonAsync<JsonElement>("/api/plans/diff?from=2025&to=2026", Ct);
        Assert.Equal(0, unchanged.GetProperty("added").GetArrayLength() + unchanged.GetProperty("changed").GetArrayLength() + unchanged.GetProperty("milestones").GetArrayLength());

        // The year's changes: a new sub-goal, a retired initiative, a new phase, a moved delivery, a new target.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/subgoals", new { code = "3A", goal = "M3", name = "Helsedata er lett tilgjengelige for forskning" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/initiatives", new { code = "GAMMELT", name = "Gammelt tiltak" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync("/api/initiatives/PLL", new { phase = "Innføring" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/milestones/{milestoneId}", new { forecast = "2024-11-15" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/indicators/DIGITAL-KONTAKT/targets/2026", new { value = 65 }, Ct)).StatusCode);

        var diff = await client.GetFromJsonAsync<JsonElement>("/api/plans/diff?from=2025&to=2026", Ct);
        Assert.Equal(["3A", "GAMMELT"], diff.GetProperty("added").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var change = Assert.Single(diff.GetProperty("changed").EnumerateArray());
        Assert.Equal(("PLL", "fase", "Innføring"), (change.GetProperty("code").GetString(), change.GetProperty("field").GetString(), change.GetProperty("new").GetString()));
        var moved = Assert.Single(diff.GetProperty("milestones").EnumerateArray());
        Assert.Equal(("ICD11", "flyttet", 31), (moved.GetProperty("initiative").GetString(), moved.GetProperty("change").GetString(), moved.GetProperty("daysMoved").GetInt32()));
        var target = Assert.Single(diff.GetProperty("targets").EnumerateArray());
        Assert.Equal(("DIGITAL-KONTAKT", "2026", 65m), (target.GetProperty("indicator").GetString(), target.GetProperty("period").GetString(), target.GetProperty("new").GetDecimal()));

        // Retiring in the new year shows as removed; the frozen 2025 plan itself never changes.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(new Uri("/api/initiatives/GAMMELT/retire", UriKind.Relative), null, Ct)).StatusCode);
        var reverse = await client.GetFromJsonAsync<JsonElement>("/api/plans/diff?from=2026&to=2025", Ct);
        Assert.Equal(["3A"], reverse.GetProperty("removed").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        var snapshot = await app.WithDbAsync(db => db.PlanVersions.SingleAsync(Ct));
        Assert.DoesNotContain("GAMMELT", snapshot.Snapshot, StringComparison.Ordinal);

        var xlsx = await client.GetAsync(new Uri("/api/exports/plan-diff.xlsx?from=2025&to=2026", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("planendringer-2025-2026.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
        using var wb = XlsxBook.Open(await xlsx.Content.ReadAsStreamAsync(Ct));
        Assert.Equal("3A", wb.Worksheet("Nye").Cell(2, 2).GetString());
        var milestones = wb.Worksheet("Milepæler");
        Assert.Equal((new DateTime(2024, 11, 15), 31.0), (milestones.Cell(2, 7).GetDateTime(), milestones.Cell(2, 9).GetDouble()));
        Assert.Equal(65.0, wb.Worksheet("Målverdier").Cell(2, 4).GetDouble());
    }

    [Fact]
    public async Task A_plan_year_must_come_after_the_current_one_and_an_unknown_year_is_not_found()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var same = await client.PostAsJsonAsync("/api/plans", new { year = 2025 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Contains("må komme etter 2025", await same.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var beyond = await client.PostAsJsonAsync("/api/plans", new { year = 2031 }, Ct);
        Assert.Contains("gjelder til 2030", await beyond.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var unknown = await client.GetAsync(new Uri("/api/plans/diff?from=2024&to=2025", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Kjente planår: 2025", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.PlanVersions.CountAsync(Ct)));
    }

    [Fact]
    public async Task Plan_commands_on_the_command_line()
    {
        Task<CliResult> Nuit(params string[] args) => AppProcess.RunCliAsync(_folder.Path, [.. args, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData]);
        var start = await Nuit("plan", "new", "2026");
        Assert.True(start.ExitCode == 0, start.Stderr);
        Assert.Contains("Gjeldende plan er nå Plan for realisering 2026", start.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await Nuit("initiatives", "edit", "SFM", "--owner", "Norsk helsenett SF")).ExitCode);

        var file = _folder.File("diff.xlsx");
        var diff = await Nuit("plan", "diff", "2025", "2026", "--format", "json", "--out", file);
        Assert.True(diff.ExitCode == 0, diff.Stderr);
        var change = Assert.Single(JsonDocument.Parse(diff.Stdout).RootElement.GetProperty("changed").EnumerateArray());
        Assert.Equal(("SFM", "eier", "NHN", "Norsk helsenett SF"), (change.GetProperty("code").GetString(), change.GetProperty("field").GetString(),
            change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
        Assert.True(File.Exists(file));
        var table = await Nuit("plan", "diff", "2025", "2026");
        Assert.Contains("Endret (1)", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, (await Nuit("plan", "new", "2026")).ExitCode);
        Assert.Equal(3, (await Nuit("plan", "diff", "2023", "2026")).ExitCode);
    }
}
