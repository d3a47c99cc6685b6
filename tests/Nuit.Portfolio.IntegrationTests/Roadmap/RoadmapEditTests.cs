using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Roadmap;

public sealed class RoadmapEditTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_adds_a_sub_goal_an_initiative_serving_it_and_a_milestone_and_each_is_in_the_history()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();

        var sub = await client.PostAsJsonAsync("/api/subgoals", new { code = "2a", goal = "M2", name = "Helsepersonell skal ha digitale verktøy som støtter arbeidet" }, Ct);
        Assert.Equal(HttpStatusCode.Created, sub.StatusCode);
        var added = await client.PostAsJsonAsync("/api/initiatives", new
        {
            code = "ARBEIDSFLATE", name = "Felles arbeidsflate for helsepersonell", owner = "Helsedirektoratet", phase = "Konsept",
            subGoals = new[] { "2A" }, aliases = new[] { "felles arbeidsflate" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var milestone = await client.PostAsJsonAsync("/api/initiatives/ARBEIDSFLATE/milestones", new { name = "Konseptutredning ferdig", planned = "2026-06-30" }, Ct);
        Assert.Equal(HttpStatusCode.Created, milestone.StatusCode);
        var id = (await milestone.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var moved = await client.PatchAsJsonAsync($"/api/milestones/{id}", new { forecast = "2026-09-30", source = "NUIT 31/24" }, Ct);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var goals = await client.GetFromJsonAsync<JsonElement>("/api/goals", Ct);
        var m2 = goals.GetProperty("goals").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "M2");
        var s2a = Assert.Single(m2.GetProperty("subGoals").EnumerateArray());
        Assert.Equal("2A", s2a.GetProperty("code").GetString());
        Assert.Equal("ARBEIDSFLATE", Assert.Single(s2a.GetProperty("initiatives").EnumerateArray()).GetProperty("code").GetString());
        var detail = await client.GetFromJsonAsync<JsonElement>("/api/initiatives/ARBEIDSFLATE", Ct);
        Assert.Equal(("M2", "Konsept"), (detail.GetProperty("goal").GetString(), detail.GetProperty("phase").GetString()));
        var m = Assert.Single(detail.GetProperty("milestones").EnumerateArray());
        Assert.Equal(("2026-06-30", "2026-09-30", true), (m.GetProperty("planned").GetString(), m.GetProperty("forecast").GetString(), m.GetProperty("slipped").GetBoolean()));

        var history = await client.GetFromJsonAsync<JsonElement>("/api/items/ARBEIDSFLATE/history", Ct);
        var fields = history.EnumerateArray().Select(h => h.GetProperty("field").GetString()).ToList();
        Assert.Contains("opprettet", fields);
        Assert.Contains("mål", fields);
        Assert.Contains("milepæl «Konseptutredning ferdig» prognose", fields);
        var forecast = history.EnumerateArray().First(h => h.GetProperty("field").GetString() == "milepæl «Konseptutredning ferdig» prognose");
        Assert.Equal(JsonValueKind.Null, forecast.GetProperty("old").ValueKind);
        Assert.Equal(("2026-09-30", "token:test-Admin"), (forecast.GetProperty("new").GetString(), forecast.GetProperty("changedBy").GetString()));
    }

    [Fact]
    public async Task Renaming_keeps_the_code_records_old_and_new_and_a_stale_edit_is_a_conflict()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var before = await app.WithDbAsync(db => db.Initiatives.SingleAsync(i => i.Code == "SFM", Ct));

        var edit = await client.PatchAsJsonAsync("/api/initiatives/SFM", new { name = "Sentral forskrivningsmodul (SFM)", phase = "Innføring", expectedVersion = before.Version }, Ct);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var result = await edit.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.NotEqual(before.Version, result.GetProperty("version").GetGuid());

        var stale = await client.PatchAsJsonAsync("/api/initiatives/SFM", new { owner = "Helsedirektoratet", expectedVersion = before.Version }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var after = await app.WithDbAsync(db => db.Initiatives.SingleAsync(i => i.Code == "SFM", Ct));
        Assert.Equal(("Sentral forskrivningsmodul (SFM)", InitiativePhase.Innforing, "NHN", before.Id), (after.Name, after.Phase, after.Owner, after.Id));
        var history = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode == "SFM").OrderBy(c => c.Id).ToListAsync(Ct));
        Assert.Equal(["navn", "fase"], history.Select(h => h.Field));
        Assert.Equal(("Sentral forskrivningsmodul", "Sentral forskrivningsmodul (SFM)"), (history[0].OldValue, history[0].NewValue));
        Assert.Equal((null, "Innføring"), (history[1].OldValue, history[1].NewValue));
    }

    [Fact]
    public async Task Indicator_definition_and_goal_edits_are_recorded()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var edit = await client.PatchAsJsonAsync("/api/indicators/HP-FORNOYD", new { amberTolerance = 0.1, source = "Helsepersonellundersøkelsen om e-helse" }, Ct);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var goal = await client.PatchAsJsonAsync("/api/goals/M2", new { description = "Mindre dobbeltarbeid for helsepersonell" }, Ct);
        Assert.Equal(HttpStatusCode.OK, goal.StatusCode);
        var periodicity = await client.PatchAsJsonAsync("/api/indicators/HP-FORNOYD", new { periodicity = "quarter" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, periodicity.StatusCode);
        Assert.Contains("periodisiteten kan ikke endres", await periodicity.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var d = await app.WithDbAsync(db => db.Indicators.SingleAsync(i => i.Code == "HP-FORNOYD", Ct));
        Assert.Equal((0.1m, Periodicity.Year), (d.AmberTolerance, d.Periodicity));
        var fields = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.ItemCode == "HP-FORNOYD" || c.ItemCode == "M2").Select(c => c.ItemCode + " " + c.Field).ToListAsync(Ct));
        Assert.Equal(["HP-FORNOYD kilde", "HP-FORNOYD terskel gul", "M2 beskrivelse"], fields.Order());
    }

    public static TheoryData<string, string, object, string> BadInputs => new()
    {
        { "duplicate code", "/api/initiatives", new { code = "SFM", name = "Noe annet" }, "koden «SFM» er allerede brukt" },
        { "code used by another kind", "/api/indicators", new { code = "M1", goal = "M1", name = "X", unit = "%" }, "koden «M1» er allerede brukt" },
        { "sub-goal code of another goal", "/api/subgoals", new { code = "3A", goal = "M1", name = "Feil nummer" }, "delmålkoden «3A» skal være målets nummer og en bokstav, f.eks. 1A" },
        { "sub-goal code without letter", "/api/subgoals", new { code = "11", goal = "M1", name = "Feil form" }, "delmålkoden «11»" },
        { "alias another item uses", "/api/initiatives", new { code = "LEGEMIDLER", name = "Legemiddelprosjekt", aliases = new[] { "PLL" } }, "Aliaset «PLL» brukes av flere elementer: PLL, LEGEMIDLER" },
        { "name another item has", "/api/initiatives", new { code = "KJ2", name = "Kjernejournal" }, "brukes av flere elementer" },
        { "common word as alias", "/api/initiatives", new { code = "NYTT", name = "Nytt tiltak", aliases = new[] { "helse" } }, "«helse» er et vanlig ord" },
        { "unknown phase", "/api/initiatives", new { code = "NYTT", name = "Nytt tiltak", phase = "Pilot" }, "Ukjent fase «Pilot»" },
        { "unknown sub-goal", "/api/initiatives", new { code = "NYTT", name = "Nytt tiltak", subGoals = new[] { "9Z" } }, "delmålet «9Z» finnes ikke" },
        { "actual long before planned", "/api/initiatives/SFM/milestones", new { name = "Pilot", planned = "2026-03-01", actual = "2024-12-01" }, "mer enn 12 måneder før planlagt dato 2026-03-01" },
        { "actual in the future", "/api/initiatives/SFM/milestones", new { name = "Pilot", actual = "2099-01-01" }, "ligger i fremtiden" },
        { "not a date", "/api/initiatives/SFM/milestones", new { name = "Pilot", planned = "01.03.2026" }, "«01.03.2026» er ikke en dato" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_with_the_reason_and_nothing_is_saved(string what, string url, object body, string reason)
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var (items, milestones, records) = await Counts(app);

        var response = await client.PostAsJsonAsync(url, body, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {response.StatusCode}");
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal((items, milestones, records), await Counts(app));
    }

    [Fact]
    public async Task An_edit_with_one_bad_field_saves_none_of_its_fields()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var response = await client.PatchAsJsonAsync("/api/initiatives/PLL", new { name = "Nytt navn", owner = "Ny eier", subGoals = new[] { "1A", "7Q" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var pll = await app.WithDbAsync(db => db.Initiatives.SingleAsync(i => i.Code == "PLL", Ct));
        Assert.Equal(("Pasientens legemiddelliste", "Helsedirektoratet"), (pll.Name, pll.Owner));
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.ItemCode == "PLL", Ct)));
    }

    [Fact]
    public async Task Retiring_is_refused_while_open_links_current_status_or_active_children_depend_on_the_item()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var linked = await app.WithDbAsync(db => db.CaseLinks.Where(l => l.State != LinkState.Rejected && l.Item is Initiative)
            .Select(l => l.Item!.Code).FirstAsync(Ct));

        var withLinks = await client.PostAsync(new Uri($"/api/initiatives/{linked}/retire", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, withLinks.StatusCode);
        Assert.Contains("åpne koblinger til saker (NUIT", await withLinks.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var withChildren = await client.PostAsync(new Uri("/api/subgoals/1A/retire", UriKind.Relative), null, Ct);
        Assert.Contains("aktive elementer hører til 1A (HELSENORGE)", await withChildren.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var goal = await client.PostAsync(new Uri("/api/goals/M2/retire", UriKind.Relative), null, Ct);
        Assert.Contains("HP-FORNOYD", await goal.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/initiatives", new { code = "KORTLIVET", name = "Kortlivet tiltak" }, Ct)).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var item = await db.Initiatives.SingleAsync(i => i.Code == "KORTLIVET", Ct);
            db.StatusUpdates.Add(new StatusUpdate { ItemId = item.Id, Quarter = Quarter.FromDate(DateTime.UtcNow), Rag = RagStatus.Green, Author = "test", RecordedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });
        var withStatus = await client.PostAsync(new Uri("/api/initiatives/KORTLIVET/retire", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, withStatus.StatusCode);
        Assert.Contains("rapportert status for", await withStatus.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(0, await app.WithDbAsync(db => db.RoadmapItems.CountAsync(i => i.RetiredAt != null, Ct)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(c => c.Field == "avviklet", Ct)));
    }

    [Fact]
    public async Task A_retired_item_leaves_the_roadmap_keeps_its_history_and_its_code_is_not_reused()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/initiatives", new { code = "UTGAAR", name = "Tiltak som utgår", aliases = new[] { "utgående tiltak" } }, Ct)).StatusCode);

        var retire = await client.PostAsJsonAsync("/api/initiatives/UTGAAR/retire", new { reason = "Slått sammen med PLL" }, Ct);
        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/initiatives", Ct);
        Assert.DoesNotContain(list.EnumerateArray(), i => i.GetProperty("code").GetString() == "UTGAAR");
        var again = await client.PostAsync(new Uri("/api/initiatives/UTGAAR/retire", UriKind.Relative), null, Ct);
        Assert.Contains("ble avviklet", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var reuse = await client.PostAsJsonAsync("/api/initiatives", new { code = "UTGAAR", name = "Noe nytt" }, Ct);
        Assert.Contains("(avviklet)", await reuse.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        // The retired item's alias is free for another item.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/initiatives", new { code = "ARVING", name = "Arvtaker", aliases = new[] { "utgående tiltak" } }, Ct)).StatusCode);

        var history = await client.GetFromJsonAsync<JsonElement>("/api/items/UTGAAR/history", Ct);
        Assert.EndsWith("Slått sammen med PLL", history.EnumerateArray().First().GetProperty("new").GetString(), StringComparison.Ordinal);
    }

    private static Task<(int Items, int Milestones, int Records)> Counts(PortfolioApp app) =>
        app.WithDbAsync(async db => (await db.RoadmapItems.CountAsync(Ct), await db.Milestones.CountAsync(Ct), await db.ChangeRecords.CountAsync(c => c.ItemCode != null, Ct)));
}
