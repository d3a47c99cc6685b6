using System.Net;
using System.Net.Http.Json;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Status;

public sealed class StatusTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task History_keeps_every_update_and_shows_the_change_from_the_quarter_before()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        await app.SendAsync(new SetStatus("SFM", "2024-Q4", "green", "I rute"), actingAs: "kari");
        await app.SendAsync(new SetStatus("SFM", "2025-Q1", "green", "Først grønn"), actingAs: "ola");
        await app.SendAsync(new SetStatus("sfm", "2025-Q1", "gul", "Piloten er utsatt"), actingAs: "ola");
        await app.SendAsync(new SetStatus("SFM", "2025-Q3", "red", null), actingAs: "kari");

        var history = await app.SendAsync(new GetStatusHistory("SFM"));

        Assert.Equal(["2025-Q3", "2025-Q1", "2024-Q4"], history.Quarters.Select(q => q.Quarter));
        var q1 = history.Quarters[1];
        Assert.Equal(("amber", "Gul", "green", "worse", "Verre"), (q1.Rag, q1.RagText, q1.PreviousRag, q1.Change, q1.ChangeText));
        Assert.Equal(["Piloten er utsatt", "Først grønn"], q1.Revisions.Select(r => r.Narrative));
        // 2025-Q2 had no status, so Q3 has nothing to compare with.
        Assert.Equal(("grey", "new"), (history.Quarters[0].PreviousRag, history.Quarters[0].Change));
        Assert.Equal(("grey", "new"), (history.Quarters[2].PreviousRag, history.Quarters[2].Change));
    }

    [Fact]
    public async Task Pages_read_each_quarters_status_of_record_and_it_agrees_with_the_full_history()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        await app.SendAsync(new SetStatus("SFM", "2024-Q4", "green", "I rute"), actingAs: "kari");
        await app.SendAsync(new SetStatus("SFM", "2025-Q1", "green", "Først grønn"), actingAs: "ola");
        await app.SendAsync(new SetStatus("SFM", "2025-Q1", "red", "Så rød"), actingAs: "ola");
        await app.SendAsync(new SetStatus("SFM", "2025-Q1", "amber", "Til slutt gul"), actingAs: "ola");
        await app.SendAsync(new SetStatus("SFM", "2024-Q4", "amber", "Rettet i ettertid"), actingAs: "kari");

        var full = await app.SendAsync(new GetStatusHistory("SFM"));
        var ofRecord = await app.SendAsync(new GetStatusHistory("SFM", Revisions: false));

        Assert.Equal(full.Quarters.Select(q => (q.Quarter, q.Rag, q.Narrative, q.PreviousRag, q.Change)),
            ofRecord.Quarters.Select(q => (q.Quarter, q.Rag, q.Narrative, q.PreviousRag, q.Change)));
        Assert.Equal([("2025-Q1", "amber", "Til slutt gul"), ("2024-Q4", "amber", "Rettet i ettertid")],
            ofRecord.Quarters.Select(q => (q.Quarter, q.Rag, q.Narrative)));
        Assert.Equal([3, 2], full.Quarters.Select(q => q.Revisions.Count));
        Assert.All(ofRecord.Quarters, q => Assert.Equal(q.Narrative, Assert.Single(q.Revisions).Narrative));

        // The dashboard's and roadmap's figure: the newest quarter's status of record.
        var latest = await app.SendAsync(new GetLatestStatuses());
        Assert.Equal(("2025-Q1", RagStatus.Amber, "Til slutt gul"), (latest["SFM"].Quarter, latest["SFM"].Rag, latest["SFM"].Narrative));
        Assert.DoesNotContain("PLL", latest.Keys);

        // «Since the last meeting» lists each quarter once, with the status that counts.
        var since = await app.SendAsync(new ChangesSinceLastMeeting("SFM"));
        Assert.Equal([("2025-Q1", "amber"), ("2024-Q4", "amber")], since.Statuses.Select(s => (s.Quarter, s.Rag)));
    }

    [Fact]
    public async Task An_indicator_gets_no_hand_set_status_and_bad_input_names_the_field()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var ex = await Assert.ThrowsAsync<InputException>(async () => await app.SendAsync(new SetStatus("DIGITAL-KONTAKT", "2025-Q1", "green", null), actingAs: "kari"));
        Assert.Contains("indikator", ex.Message, StringComparison.Ordinal);

        var client = app.CreateClient();
        var bad = await client.PostAsJsonAsync("/api/status/SFM", new { quarter = "2025-Q9", rag = "lilla" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync(Ct);
        Assert.Contains("er ikke et kvartal", problem, StringComparison.Ordinal);
        Assert.Contains("er ikke en status", problem, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/status/SMF", new { quarter = "2025-Q1", rag = "green" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_API_sets_and_reads_status_and_milestones()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();

        var set = await client.PostAsJsonAsync("/api/status/PLL", new { quarter = "2025-Q1", rag = "amber", text = "Avhenger av SFM" }, Ct);
        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        var milestone = await client.PostAsJsonAsync("/api/initiatives/PLL/milestones", new { name = "Utprøving", planned = "2025-06-01", forecast = "2025-11-01" }, Ct);
        milestone.EnsureSuccessStatusCode();

        var history = (await client.GetFromJsonAsync<StatusHistory>("/api/status/PLL", Ct))!;
        Assert.Equal(("2025-Q1", "amber", "Avhenger av SFM", "token:test-Admin"), (history.Quarters[0].Quarter, history.Quarters[0].Rag, history.Quarters[0].Narrative, history.Quarters[0].Author));
        var m = Assert.Single(history.Milestones);
        Assert.Equal(("Utprøving", new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 1), true), (m.Name, m.Planned, m.Forecast, m.Slipped));
    }

    [Fact]
    public async Task The_CLI_sets_and_shows_status()
    {
        string[] db = ["--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData];
        var set = await AppProcess.RunCliAsync(_folder.Path, [.. db, "status", "set", "ICD11", "--quarter", "2025-Q1", "--rag", "amber", "--text", "Rapport til HOD forsinket"]);
        Assert.True(set.ExitCode == 0, set.Stderr);
        Assert.Equal($"ICD11 2025-Q1: Gul ({Environment.UserName})", set.Stdout.Trim());

        var show = await AppProcess.RunCliAsync(_folder.Path, [.. db, "status", "ICD11"]);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Rapport til HOD forsinket", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("Statusrapport til HOD", show.Stdout, StringComparison.Ordinal);

        var bad = await AppProcess.RunCliAsync(_folder.Path, [.. db, "status", "set", "ICD11", "--quarter", "2025-Q1", "--rag", "lilla"]);
        Assert.Equal(2, bad.ExitCode);
    }
}
