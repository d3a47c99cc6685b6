using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using Nuit.Portfolio.Tests;

namespace Nuit.Portfolio.IntegrationTests.Ledger;

/// <summary>The follow-up ledger on the seeded register (meetings 2/2024, 3/2024, 1/2025) and on minutes of a later meeting.</summary>
public sealed partial class LedgerTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Minutes of a meeting after 1/2025, written as the council writes them, that follow up two of its action points.</summary>
    private const string MayMinutes = """
        Referat fra møte i NUIT
        Møte 2/2025

        Dato 20. mai 2025

        Tid 09:00 – 15:00

        Sted Helsedirektoratet, Oslo

        Sak Tittel på sak Sakstype

        12/25 Bedre leverandørdialog Drøfting

        13/25 Digital hjemmeoppfølging og digitalt hjemmesykehus Orientering

        14/25 Kapasitet i sektoren Drøfting

        Sak Tema

        12/25 Bedre leverandørdialog

         Sekretariatet innledet. Saken følger opp aksjonspunktet fra møtet i februar (sak 3/25). Om lag 1/3 av
        kommunene melder om lange ventetider hos leverandørene.

        Aksjonspunkt:

        • NHN og KS følger opp innen neste møte.

         Vedtak:
        NUIT drøftet saken.

        13/25 Digital hjemmeoppfølging og digitalt hjemmesykehus

         Oslo kommune, Bergen kommune og Helse Sør-Øst RHF la fram saken som NUIT ba om i forrige møte.

         Vedtak:
        NUIT tar saken til orientering.

        14/25 Kapasitet i sektoren

         Tjenestene må være tilgjengelige 24/7, og fristen 13/2 ble holdt. Møtet 05.09.2024 drøftet dette.

         Vedtak:
        NUIT drøftet saken.
        """;

    private async Task<PortfolioApp> SeededWithMayAsync()
    {
        var app = new PortfolioApp(_folder.DatabasePath);
        await app.SendAsync(new ImportDocument("referat-2025-05-20.txt", Encoding.UTF8.GetBytes(MayMinutes)));
        return app;
    }

    [Fact]
    public async Task The_seeded_action_points_have_owners_and_no_follow_ups_because_no_later_case_names_them()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var rows = await app.SendAsync(new ListActionPoints { Today = new DateOnly(2025, 3, 1) });

        Assert.Equal(["NUIT 17/24", "NUIT 17/24", "NUIT 3/25", "NUIT 4/25"], rows.Select(r => r.Case).Order());
        Assert.Equal(["NHN"], rows.Single(r => r.Text.StartsWith("Norsk helsenett SF skal komme tilbake", StringComparison.Ordinal)).Owners);
        Assert.Equal(["Oslo kommune", "Bergen kommune", "Helse Sør-Øst RHF"], rows.Single(r => r.Case == "NUIT 4/25").Owners);
        Assert.All(rows, r => Assert.Empty(r.FollowUps));
        Assert.All(rows, r => Assert.Equal("open", r.Status));
        Assert.Equal(2, rows.Single(r => r.Case == "NUIT 17/24" && r.Owners.Count > 0).AgeMeetings);
        // "Sak 21/24 NUFA 28.08.24" in the 34/24 cover note is NUFA's case, already in the table: no NUIT 21/24 from running text.
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseReferences.CountAsync(r => r.Kind == ReferenceKind.Text && r.ReferencedBody == BodyCode.Nuit && r.ReferencedNumber == "21/24")));
    }

    [Fact]
    public async Task A_database_from_before_the_ledger_migrates_and_its_action_points_get_owners()
    {
        // The schema is rewound with SQLite's own SQL; the PostgreSQL migration runs in every test of that pass.
        TestDatabase.RequireSqlite("spoler databasen tilbake med SQLite-SQL før migreringen");
        await using (var app = new PortfolioApp(_folder.DatabasePath))
        {
            // Back to the schema before the ledger, as a database made by the previous version would be.
            await app.WithDbAsync(async db =>
            {
                await db.GetService<IMigrator>().MigrateAsync("BackgroundWork");
                return await db.Database.ExecuteSqlRawAsync("DELETE FROM AppliedSeeds WHERE Key = 'ledger:1'");
            });
            Assert.DoesNotContain("FollowUpLedger", await app.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList()));
        }

        await using var again = new PortfolioApp(_folder.DatabasePath);
        var rows = await again.SendAsync(new ListActionPoints());
        Assert.Equal(4, rows.Count);
        Assert.Equal(["NHN"], rows.Single(r => r.Text.StartsWith("Norsk helsenett SF skal komme tilbake", StringComparison.Ordinal)).Owners);
        Assert.All(rows, r => Assert.Equal("open", r.Status));
        Assert.All(rows, r => Assert.NotEqual(Guid.Empty, r.Version));
    }

    [Fact]
    public async Task A_later_case_that_says_it_follows_up_an_action_point_is_suggested_with_its_sentence()
    {
        await using var app = await SeededWithMayAsync();
        var rows = await app.SendAsync(new ListActionPoints { Today = new DateOnly(2025, 6, 1) });

        var supplier = rows.Single(r => r.Case == "NUIT 3/25");
        var f = Assert.Single(supplier.FollowUps);
        Assert.Equal(("NUIT 12/25", "suggested", "Saken følger opp aksjonspunktet fra møtet i februar (sak 3/25)."), (f.Case, f.State, f.Evidence));
        Assert.NotEqual(Guid.Empty, f.Version);
        // "som NUIT ba om i forrige møte" with the owners named: the 4/25 action point only, not 3/25's.
        var home = Assert.Single(rows.Single(r => r.Case == "NUIT 4/25").FollowUps);
        Assert.Equal("NUIT 13/25", home.Case);
        Assert.StartsWith("Oslo kommune, Bergen kommune og Helse Sør-Øst RHF la fram saken", home.Evidence, StringComparison.Ordinal);
        // Fractions, 24/7, 13/2 and dates are no references; 2/2024's action points are not followed up by anything.
        Assert.Empty(await app.WithDbAsync(db => db.CaseReferences.Where(r => r.Case!.Number == "14/25").ToListAsync()));
        Assert.All(rows.Where(r => r.Case == "NUIT 17/24"), r => Assert.Empty(r.FollowUps));

        var added = rows.Single(r => r.Case == "NUIT 12/25");
        Assert.Equal(["NHN", "KS"], added.Owners);
        Assert.Null(added.Due);
        Assert.Equal("innen neste møte", added.DueText);
    }

    [Fact]
    public async Task A_running_text_reference_joins_the_case_and_its_treatment_chain()
    {
        await using var app = await SeededWithMayAsync();
        var c = await app.SendAsync(new GetCase("NUIT 12/25"));
        Assert.Contains(c.References, r => r.Case == "NUIT 3/25");
        var chain = await app.SendAsync(new GetTreatmentChain("NUIT 12/25"));
        Assert.Contains(chain, t => t.Case == "NUIT 3/25" && t.InRegister && t.ReferredFrom == "NUIT 12/25");
    }

    [Fact]
    public async Task A_rejected_follow_up_is_never_suggested_again_and_reimporting_changes_nothing()
    {
        await using var app = await SeededWithMayAsync();
        await app.WithDbAsync(async db =>
        {
            var f = await db.FollowUps.SingleAsync(x => x.Case!.Number == "12/25");
            f.State = LinkState.Rejected;
            return await db.SaveChangesAsync();
        });
        await app.SendAsync(new RefreshLinks());
        var again = await app.SendAsync(new ImportDocument("referat-2025-05-20.txt", Encoding.UTF8.GetBytes(MayMinutes)));

        Assert.Equal("unchanged", Assert.Single(again.Meetings).Status);
        var states = await app.WithDbAsync(db => db.FollowUps.Where(x => x.Case!.Number == "12/25").Select(x => x.State).ToListAsync());
        Assert.Equal([LinkState.Rejected], states);
    }

    [Fact]
    public async Task Next_meeting_becomes_the_due_date_once_that_meeting_is_imported()
    {
        await using var app = await SeededWithMayAsync();
        var next = MayMinutes.Replace("Møte 2/2025", "Møte 3/2025", StringComparison.Ordinal).Replace("20. mai 2025", "4. september 2025", StringComparison.Ordinal)
            .Replace("12/25", "22/25", StringComparison.Ordinal).Replace("13/25", "23/25", StringComparison.Ordinal).Replace("14/25", "24/25", StringComparison.Ordinal);
        await app.SendAsync(new ImportDocument("referat-2025-09-04.txt", Encoding.UTF8.GetBytes(next)));

        var rows = await app.SendAsync(new ListActionPoints { OpenOnly = true, Today = new DateOnly(2025, 10, 1) });
        var fromMay = rows.Single(r => r.Case == "NUIT 12/25");
        Assert.Equal(new DateOnly(2025, 9, 4), fromMay.Due);
        Assert.True(fromMay.Overdue);
        Assert.Equal(fromMay.Id, rows[0].Id);
        Assert.Equal(1, fromMay.AgeMeetings);
    }

    [Fact]
    public async Task The_api_the_cli_and_the_pages_list_the_open_action_points()
    {
        await using (var app = await SeededWithMayAsync())
        {
            using var client = app.CreateClient();
            var json = await client.GetFromJsonAsync<JsonElement>("/api/actions?open=true&owner=nhn", TestContext.Current.CancellationToken);
            // Without due dates, oldest meeting first.
            Assert.Equal(["NUIT 17/24", "NUIT 12/25"], json.EnumerateArray().Select(r => r.GetProperty("case").GetString()));

            var html = await client.GetStringAsync("/actions", TestContext.Current.CancellationToken);
            var doc = new HtmlParser().ParseDocument(html);
            Assert.Equal(5, doc.QuerySelectorAll("table.action-points tbody tr").Length);
            Assert.Contains(doc.QuerySelectorAll("nav a, header a"), a => a.GetAttribute("href") == "/actions");

            var meeting = new HtmlParser().ParseDocument(await client.GetStringAsync("/meetings/NUIT/2-2025", TestContext.Current.CancellationToken));
            Assert.Contains(meeting.QuerySelectorAll("h2"), h => h.TextContent == "Oppfølging av aksjonspunkter");
            Assert.Contains(meeting.QuerySelectorAll("table.action-points td a"), a => a.TextContent == "NUIT 13/25");
        }

        var cli = await AppProcess.RunCliAsync(_folder.Path, ["actions", "--open", "--item", "DHO", "--format", "json", .. TestDatabase.CliArgs(_folder.DatabasePath), "--seed-data", RepoRoot.SeedData]);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        var rows = JsonDocument.Parse(cli.Stdout).RootElement.EnumerateArray().ToList();
        var dho = Assert.Single(rows, r => r.GetProperty("case").GetString() == "NUIT 4/25");
        Assert.Equal("1/2025", dho.GetProperty("meeting").GetString());
        Assert.Equal("open", dho.GetProperty("status").GetString());
        Assert.Equal(["Oslo kommune", "Bergen kommune", "Helse Sør-Øst RHF"], dho.GetProperty("owners").EnumerateArray().Select(o => o.GetString()));
        var follow = Assert.Single(dho.GetProperty("followUps").EnumerateArray().ToList());
        Assert.Equal(("NUIT 13/25", "suggested"), (follow.GetProperty("case").GetString(), follow.GetProperty("state").GetString()));
        Assert.True(dho.TryGetProperty("due", out _) && dho.TryGetProperty("closedOn", out _) && dho.TryGetProperty("id", out _));
    }

    [Fact]
    public async Task Decisions_per_item_run_oldest_to_newest_and_coverage_gaps_list_what_no_case_touched()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var decisions = await app.SendAsync(new DecisionsForItem("SFM"));
        Assert.NotEmpty(decisions);
        Assert.Equal(decisions.OrderBy(d => d.MeetingDate).Select(d => d.Case), decisions.Select(d => d.Case));
        Assert.All(decisions, d => Assert.False(string.IsNullOrWhiteSpace(d.Decision)));

        // In the second quarter of 2025 the last four quarters reach back to 2024-Q3: 3/2024 and 1/2025 count, 2/2024 does not.
        var gaps = await app.SendAsync(new CoverageGaps(4, new DateOnly(2025, 6, 1)));
        Assert.Equal(("2024-Q3", "2025-Q2"), (gaps.FromQuarter, gaps.ToQuarter));
        var touched = await app.WithDbAsync(db => db.CaseLinks.Where(l => l.State != LinkState.Rejected && l.MeetingDate >= new DateOnly(2024, 7, 1))
            .Select(l => l.Item!.Code).Distinct().ToListAsync());
        var expected = await app.WithDbAsync(db => db.RoadmapItems
            .Where(i => i.RetiredAt == null && (i is Initiative || i is SubGoal) && !touched.Contains(i.Code))
            .OrderBy(i => i.Code).Select(i => i.Code).ToListAsync());
        Assert.NotEmpty(expected);
        Assert.Equal(expected, gaps.Gaps.Select(g => g.Code));

        using var client = app.CreateClient();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/items/SFM/decisions", TestContext.Current.CancellationToken);
        Assert.Equal(decisions.Count, api.GetArrayLength());
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/initiatives/SFM", TestContext.Current.CancellationToken));
        Assert.Equal(decisions.Count, page.QuerySelectorAll("ol.decisions li").Length);
        var home = new HtmlParser().ParseDocument(await client.GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.NotNull(home.QuerySelector("#dekning"));
        var gapsApi = await client.GetFromJsonAsync<JsonElement>("/api/coverage-gaps?quarters=2", TestContext.Current.CancellationToken);
        Assert.True(gapsApi.GetProperty("gaps").GetArrayLength() > 0);
    }

    [Fact]
    public async Task An_action_point_is_given_owners_and_a_due_date_closed_with_a_case_and_reopened_from_the_cli_with_an_audit_trail()
    {
        int id;
        Guid version;
        await using (var app = await SeededWithMayAsync())
        {
            var row = (await app.SendAsync(new ListActionPoints())).Single(r => r.Case == "NUIT 3/25");
            (id, version) = (row.Id, row.Version);
        }
        string[] db = [.. TestDatabase.CliArgs(_folder.DatabasePath), "--seed-data", RepoRoot.SeedData];
        var nr = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var set = await AppProcess.RunCliAsync(_folder.Path, [.. db, "actions", "set", nr, "--owner", "Sekretariatet,NHN", "--due", "2025-06-30", "--expected-version", version.ToString()]);
        Assert.True(set.ExitCode == 0, set.Stderr);
        var stale = await AppProcess.RunCliAsync(_folder.Path, [.. db, "actions", "set", nr, "--status", "dropped", "--expected-version", version.ToString()]);
        Assert.Equal(5, stale.ExitCode);
        var close = await AppProcess.RunCliAsync(_folder.Path, [.. db, "actions", "close", nr, "--by-case", "NUIT 12/25", "--note", "Lagt fram i mai"]);
        Assert.True(close.ExitCode == 0, close.Stderr);
        var confirm = await AppProcess.RunCliAsync(_folder.Path, [.. db, "followups", "confirm", "--action", nr, "--case", "NUIT 12/25"]);
        Assert.True(confirm.ExitCode == 0, confirm.Stderr);

        await using (var app = new PortfolioApp(_folder.DatabasePath))
        {
            var row = (await app.SendAsync(new ListActionPoints())).Single(r => r.Id == id);
            Assert.Equal(["Sekretariatet", "NHN"], row.Owners);
            Assert.Equal(new DateOnly(2025, 6, 30), row.Due);
            Assert.Equal(("closed", "NUIT 12/25", "Lagt fram i mai"), (row.Status, row.ClosedByCase, row.Note));
            Assert.NotNull(row.ClosedOn);
            Assert.Equal("confirmed", Assert.Single(row.FollowUps).State);
            var fields = await app.WithDbAsync(d => d.ChangeRecords.Where(c => c.Subject == $"NUIT 3/25 aksjonspunkt {id}").Select(c => c.Field).ToListAsync());
            Assert.Equal(["ansvarlig", "frist", "merknad", "lukket av sak", "status", "oppfølging NUIT 12/25"], fields);

            // A re-read of the texts leaves a person's owners and due date alone.
            await app.SendAsync(new RefreshLinks());
            Assert.Equal(["Sekretariatet", "NHN"], (await app.SendAsync(new ListActionPoints())).Single(r => r.Id == id).Owners);

            using var client = app.CreateClient();
            var reopened = await client.PatchAsJsonAsync($"/api/actions/{id}", new { status = "open" }, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, reopened.StatusCode);
            var stalePatch = await client.PatchAsJsonAsync($"/api/actions/{id}", new { note = "x", expectedVersion = version }, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Conflict, stalePatch.StatusCode);
            var after = (await app.SendAsync(new ListActionPoints())).Single(r => r.Id == id);
            Assert.Equal(("open", null, null), (after.Status, after.ClosedOn, after.ClosedByCase));
        }
    }
}
