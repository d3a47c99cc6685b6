using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Ledger;
using Nuit.Portfolio.Features.Reports;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Ledger;

/// <summary>The ledger's report chapters, carry-over workbook, action-point page with its forms, and changes since the last meeting.</summary>
public sealed partial class LedgerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_quarterly_report_has_the_decisions_action_point_and_coverage_chapters_in_html_workbook_and_published_edition()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        // Meeting 1/2025 (13 February) set the action points of 3/25 and 4/25; one is closed in March, one passed its due date.
        var (closedId, overdueId) = await app.WithDbAsync(async db =>
        {
            var points = await db.ActionPoints.Where(a => a.Case!.Number == "3/25" || a.Case!.Number == "4/25").OrderBy(a => a.Id).ToListAsync(Ct);
            (points[0].Status, points[0].ClosedOn) = (ActionPointStatus.Closed, new DateOnly(2025, 3, 20));
            (points[^1].DueOn, points[^1].EditedByPerson) = (new DateOnly(2025, 3, 1), true);
            await db.SaveChangesAsync(Ct);
            return (points[0].Id, points[^1].Id);
        });

        var data = await app.SendAsync(new GetQuarterReportData("2025-Q1"));
        Assert.NotEmpty(data.Decisions);
        Assert.All(data.Decisions, d => Assert.Matches(@"^NUIT \d+/25$", d.Case));
        var opened = data.ActionPointEvents.Where(e => e.Event == "opened").Select(e => e.Case).Distinct().Order().ToList();
        Assert.Equal(["NUIT 3/25", "NUIT 4/25"], opened);
        Assert.Equal([closedId], data.ActionPointEvents.Where(e => e.Event == "closed").Select(e => e.Id));
        Assert.Equal([overdueId], data.ActionPointEvents.Where(e => e.Event == "overdue").Select(e => e.Id));
        // One rule for "not discussed": the report's gaps are CoverageGaps over the report's quarters.
        var gaps = await app.SendAsync(new CoverageGaps(data.GapQuarters, new DateOnly(2025, 3, 31)));
        Assert.Equal(gaps.Gaps.Select(g => (g.Code, g.LastCase)), data.ItemsNotDiscussed.Select(g => (g.Item, g.LastCase)));

        var rendered = await app.SendAsync(new RenderQuarterReport("2025-Q1"));
        var html = new HtmlParser().ParseDocument(Encoding.UTF8.GetString(rendered.Files.Single(f => f.Name == "report-2025-Q1.html").Content));
        Assert.Equal(data.Decisions.Count, html.QuerySelectorAll("#vedtak li[data-case]").Length);
        Assert.Equal(opened.Count, html.QuerySelectorAll("#aksjonspunkter-i-kvartalet table[data-event='opened'] tr[data-action]").Select(r => r.Children[0].TextContent).Distinct().Count());
        Assert.NotNull(html.QuerySelector($"#aksjonspunkter-i-kvartalet table[data-event='closed'] tr[data-action='{closedId}']"));
        Assert.NotNull(html.QuerySelector($"#aksjonspunkter-i-kvartalet table[data-event='overdue'] tr[data-action='{overdueId}']"));
        Assert.Equal(data.ItemsNotDiscussed.Count, html.QuerySelectorAll("#hull .not-discussed li").Length);

        void CheckWorkbook(byte[] bytes)
        {
            using var wb = XlsxBook.Open(bytes);
            var decisions = wb.Worksheet("Vedtak");
            Assert.Equal((1, true), (decisions.FrozenRows, decisions.HasFilter));
            Assert.Equal("Mål", decisions.Cell(1, 1).GetString());
            Assert.Equal(data.Decisions.Count + 1, decisions.RowsUsed().Count());
            Assert.Equal(XlsxKind.Date, decisions.Cell(2, 7).Kind);
            var events = wb.Worksheet("Oppfølging");
            Assert.Equal(data.ActionPointEvents.Count + 1, events.RowsUsed().Count());
            Assert.Contains(events.Column(1), c => c.GetString() == "Forfalt");
            Assert.Equal(data.ItemsNotDiscussed.Count + 1, wb.Worksheet("Dekning").RowsUsed().Count());
        }
        CheckWorkbook(rendered.Files.Single(f => f.Name == "report-2025-Q1.xlsx").Content);

        // The published, frozen edition stores the same chapters.
        var published = (await app.SendAsync(new CreateReport("2025-Q1", Publish: true))).Report;
        var stored = await app.WithDbAsync(db => db.Set<ReportFile>().Where(f => f.ReportId == published.Id).ToDictionaryAsync(f => f.Name, f => f.Content, Ct));
        CheckWorkbook(stored["report-2025-Q1.xlsx"]);
        Assert.Contains("id=\"vedtak\"", Encoding.UTF8.GetString(stored["report-2025-Q1.html"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_carry_over_list_downloads_as_a_workbook_from_the_api_the_page_and_the_cli()
    {
        int rows;
        await using (var app = await SeededWithMayAsync())
        {
            using var client = app.CreateClient();
            var json = await client.GetFromJsonAsync<JsonElement>("/api/actions?open=true", Ct);
            rows = json.GetArrayLength();
            var response = await client.GetAsync(new Uri("/api/actions.xlsx?open=true", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var wb = XlsxBook.Open(await response.Content.ReadAsStreamAsync(Ct));
            var sheet = wb.Worksheet("Aksjonspunkter");
            Assert.Equal((1, true), (sheet.FrozenRows, sheet.HasFilter));
            Assert.Equal(["Id", "Sak", "Sakstittel", "Møte", "Møtedato"], sheet.Row(1).Cells().Take(5).Select(c => c.GetString()));
            Assert.Equal(rows + 1, sheet.RowsUsed().Count());
            Assert.Equal(json[0].GetProperty("case").GetString(), sheet.Cell(2, 2).GetString());
            Assert.Equal(XlsxKind.Date, sheet.Cell(2, 5).Kind);
            Assert.Equal(XlsxKind.Number, sheet.Cell(2, 1).Kind);

            var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/actions", Ct));
            Assert.Equal("/api/actions.xlsx?open=true", page.QuerySelector("a.download")!.GetAttribute("href"));
        }

        var file = Path.Combine(_folder.Path, "aksjonspunkter.xlsx");
        var cli = await AppProcess.RunCliAsync(_folder.Path, ["actions", "--open", "--out", file, .. TestDatabase.CliArgs(_folder.DatabasePath), "--seed-data", Tests.RepoRoot.SeedData]);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        using var fromCli = XlsxBook.Open(await File.ReadAllBytesAsync(file, Ct));
        Assert.Equal(rows + 1, fromCli.Worksheet("Aksjonspunkter").RowsUsed().Count());
    }

    [Fact]
    public async Task An_editor_sets_closes_and_reopens_an_action_point_on_its_page_confirms_a_follow_up_and_a_stale_form_is_refused()
    {
        await using var app = await SeededWithMayAsync();
        var row = (await app.SendAsync(new ListActionPoints())).Single(r => r.Case == "NUIT 3/25");
        var page = $"/actions/{row.Id}";
        using var client = app.CreateClient();

        var list = new HtmlParser().ParseDocument(await client.GetStringAsync("/actions", Ct));
        Assert.Contains(list.QuerySelectorAll("table.action-points a.action-link"), a => a.GetAttribute("href") == page);
        var meeting = new HtmlParser().ParseDocument(await client.GetStringAsync("/meetings/NUIT/2-2025", Ct));
        Assert.Contains(meeting.QuerySelectorAll("table.action-points a.action-link"), a => a.GetAttribute("href") == page);

        var shown = await Forms.Page(client, page);
        Assert.Contains(row.Text, shown, StringComparison.Ordinal);
        Assert.Contains("NUIT 12/25", shown, StringComparison.Ordinal);

        var set = await Forms.PostAsync(client, page, $"{page}?handler=Set", ("Input.Owners", "Sekretariatet, NHN"), ("Input.Due", "2025-06-30"),
            ("Input.Status", "in-progress"), ("Input.Note", ""), ("Input.Version", row.Version.ToString()));
        await Forms.Text(set);
        var after = (await app.SendAsync(new ListActionPoints { Id = row.Id })).Single();
        Assert.Equal(["Sekretariatet", "NHN"], after.Owners);
        Assert.Equal((new DateOnly(2025, 6, 30), "in-progress"), (after.Due, after.Status));

        // The same form again with the version the page showed first: someone else has changed it since.
        var stale = await Forms.PostAsync(client, page, $"{page}?handler=Set", ("Input.Owners", "KS"), ("Input.Due", ""),
            ("Input.Status", "dropped"), ("Input.Note", ""), ("Input.Version", row.Version.ToString()));
        Assert.Contains(Outcomes.StaleEdit, await Forms.Text(stale, HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal("in-progress", (await app.SendAsync(new ListActionPoints { Id = row.Id })).Single().Status);

        var confirmed = await Forms.PostAsync(client, page, $"{page}?handler=FollowUp", ("followUpCase", "NUIT 12/25"), ("decision", "confirm"));
        var offer = await Forms.Text(confirmed);
        Assert.Contains("Vil du lukke aksjonspunktet med NUIT 12/25", offer, StringComparison.Ordinal);
        var closeForm = new HtmlParser().ParseDocument(offer).QuerySelector("form.action-close")!;
        Assert.Equal("NUIT 12/25", closeForm.QuerySelector("input[name='Input.Case']")!.GetAttribute("value"));
        var version = closeForm.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

        await Forms.Text(await Forms.PostAsync(client, page, $"{page}?handler=Close", ("Input.Case", "NUIT 12/25"), ("Input.Note", "Lagt fram i mai"), ("Input.Version", version)));
        var closed = (await app.SendAsync(new ListActionPoints { Id = row.Id })).Single();
        Assert.Equal(("closed", "NUIT 12/25", "confirmed"), (closed.Status, closed.ClosedByCase, closed.FollowUps.Single().State));

        var reopenedPage = await Forms.Text(await Forms.PostAsync(client, page, $"{page}?handler=Reopen", ("Input.Version", closed.Version.ToString())));
        Assert.Equal("open", (await app.SendAsync(new ListActionPoints { Id = row.Id })).Single().Status);
        var history = new HtmlParser().ParseDocument(reopenedPage).QuerySelectorAll("#historikk table.audit tbody tr").Select(r => r.Children[1].TextContent).ToList();
        // Newest first: reopen; close (with its case and note); the confirmed follow-up; the first form.
        Assert.Equal(["status", "status", "lukket av sak", "merknad", "oppfølging NUIT 12/25", "status", "frist", "ansvarlig"], history);

        // A reader sees the page and its history, but no forms, and cannot post one.
        using var reader = app.CreateClient(AccessRole.Reader);
        var readerPage = new HtmlParser().ParseDocument(await reader.GetStringAsync(page, Ct));
        Assert.Empty(readerPage.QuerySelectorAll("form.edit, form.decide"));
        Assert.NotEmpty(readerPage.QuerySelectorAll("#historikk table.audit tbody tr"));
    }

    [Fact]
    public async Task A_due_date_is_removed_from_the_page_the_api_and_the_cli_and_a_follow_up_decided_on_a_stale_page_is_refused()
    {
        await using (var app = await SeededWithMayAsync())
        {
            // "innen neste møte" was never a date: the action point's form shows no date, so its empty field keeps the text.
            var row = (await app.SendAsync(new ListActionPoints())).Single(r => r.Case == "NUIT 12/25");
            var page = $"/actions/{row.Id}";
            using var client = app.CreateClient();
            var untouched = await Forms.PostAsync(client, page, $"{page}?handler=Set", ("Input.Owners", "NHN, KS"), ("Input.Due", ""),
                ("Input.HadDue", "false"), ("Input.Status", "open"), ("Input.Note", ""), ("Input.Version", row.Version.ToString()));
            await Forms.Text(untouched);
            row = (await app.SendAsync(new ListActionPoints { Id = row.Id })).Single();
            Assert.Null(row.Due);
            Assert.Equal("innen neste møte", row.DueText);

            // A date shown on the form and emptied by the person is removed, with the old date in the audit trail.
            await app.SendAsync(new EditActionPoint(row.Id) { Due = new DateOnly(2025, 9, 1) });
            var shown = new HtmlParser().ParseDocument(await Forms.Page(client, page));
            Assert.Equal("True", shown.QuerySelector("form.action-set input[name='Input.HadDue']")!.GetAttribute("value"));
            var version = shown.QuerySelector("form.action-set input[name='Input.Version']")!.GetAttribute("value")!;
            await Forms.Text(await Forms.PostAsync(client, page, $"{page}?handler=Set", ("Input.Owners", "NHN, KS"), ("Input.Due", ""),
                ("Input.HadDue", "true"), ("Input.Status", "open"), ("Input.Note", ""), ("Input.Version", version)));
            row = (await app.SendAsync(new ListActionPoints { Id = row.Id })).Single();
            Assert.Null(row.Due);
            Assert.Null(row.DueText);
            var last = await app.WithDbAsync(db => db.ChangeRecords.Where(c => c.Field == "frist").OrderByDescending(c => c.Id).FirstAsync(Ct));
            Assert.Equal("2025-09-01", last.OldValue);
            Assert.Null(last.NewValue);

            // The API: clearDue removes it; a due date sent with it wins.
            await app.SendAsync(new EditActionPoint(row.Id) { Due = new DateOnly(2025, 10, 1) });
            var cleared = await client.PatchAsJsonAsync($"/api/actions/{row.Id}", new { clearDue = true }, Ct);
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
            Assert.Null((await app.SendAsync(new ListActionPoints { Id = row.Id })).Single().Due);

            // A suggested follow-up confirmed elsewhere: the page's Avvis with the version it showed changes nothing.
            var point = (await app.SendAsync(new ListActionPoints())).Single(r => r.Case == "NUIT 3/25");
            var suggested = point.FollowUps.Single();
            await app.SendAsync(new DecideFollowUp(point.Id, suggested.Case, Confirm: true) { ExpectedVersion = suggested.Version });
            var stale = await Forms.PostAsync(client, $"/actions/{point.Id}", $"/actions/{point.Id}?handler=FollowUp",
                ("followUpCase", suggested.Case), ("decision", "reject"), ("followUpVersion", suggested.Version.ToString()));
            Assert.Contains(Outcomes.StaleEdit, await Forms.Text(stale), StringComparison.Ordinal);
            Assert.Equal("confirmed", (await app.SendAsync(new ListActionPoints { Id = point.Id })).Single().FollowUps.Single().State);
        }

        // The CLI: --no-due.
        int id;
        await using (var app = new PortfolioApp(_folder.DatabasePath))
        {
            id = (await app.SendAsync(new ListActionPoints())).Single(r => r.Case == "NUIT 3/25").Id;
            await app.SendAsync(new EditActionPoint(id) { Due = new DateOnly(2025, 6, 30) });
        }
        var cli = await AppProcess.RunCliAsync(_folder.Path, [.. TestDatabase.CliArgs(_folder.DatabasePath), "--seed-data", Tests.RepoRoot.SeedData,
            "actions", "set", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-due"]);
        Assert.True(cli.ExitCode == 0, cli.Stderr);
        await using (var app = new PortfolioApp(_folder.DatabasePath))
            Assert.Null((await app.SendAsync(new ListActionPoints { Id = id })).Single().Due);
    }

    [Fact]
    public async Task Changes_since_the_last_meeting_list_new_cases_decisions_action_points_and_statuses_for_an_item()
    {
        await using var app = await SeededWithMayAsync();
        await app.SendAsync(new SetStatus("DHO", "2025-Q2", "amber", "Utprøving i tre kommuner"), actingAs: "kari");

        // Before the May meeting: its agenda is what is new since 1/2025.
        var before = await app.SendAsync(new ChangesSinceLastMeeting("DHO", new DateOnly(2025, 5, 1)));
        Assert.Equal(("1/2025", new DateOnly(2025, 2, 13)), (before.Meeting, before.Since));
        Assert.Contains(before.Cases, c => c.Case == "NUIT 13/25");
        Assert.Contains(before.Decisions, d => d.Case == "NUIT 13/25");
        // The cases and their decisions come from one read (issue 18): the same decisions, in the same order, as the item's own list.
        Assert.Equal((await app.SendAsync(new DecisionsForItem("DHO"))).Where(d => d.MeetingDate > before.Since), before.Decisions);
        Assert.DoesNotContain(before.Cases, c => c.MeetingDate <= before.Since);
        Assert.Contains(before.Statuses, s => (s.Quarter, s.Rag, s.By) == ("2025-Q2", "amber", "kari"));

        // After it, the May cases are no longer new; the status recorded later still is.
        var after = await app.SendAsync(new ChangesSinceLastMeeting("DHO", new DateOnly(2025, 6, 1)));
        Assert.Equal("2/2025", after.Meeting);
        Assert.Empty(after.Cases);
        Assert.Single(after.Statuses);

        using var client = app.CreateClient();
        var api = await client.GetFromJsonAsync<JsonElement>("/api/items/DHO/changes-since-last-meeting", Ct);
        Assert.Equal("DHO", api.GetProperty("item").GetString());
        Assert.Equal(1, api.GetProperty("statuses").GetArrayLength());
        var itemPage = new HtmlParser().ParseDocument(await client.GetStringAsync("/initiatives/DHO", Ct));
        Assert.Contains("Utprøving i tre kommuner", itemPage.QuerySelector("#siden-forrige-mote li.status")!.TextContent, StringComparison.Ordinal);
    }
}
