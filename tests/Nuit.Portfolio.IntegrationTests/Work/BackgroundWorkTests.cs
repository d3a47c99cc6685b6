using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Access;
using Nuit.Portfolio.Features.Work;
using Nuit.Portfolio.IntegrationTests.Access;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Work;

/// <summary>
/// Long work (reports, imports) runs in the background and shows its progress; a crash or restart loses none of it.
/// </summary>
public sealed class BackgroundWorkTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_report_started_in_the_background_reports_each_step_and_ends_with_the_report()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath) { Settings = { ["Work:StepDelayMilliseconds"] = "150" } };
        var client = app.CreateClient(AccessRole.Editor);

        var started = await client.PostAsync(new Uri("/api/reports/jobs?quarter=2025-Q1", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!;
        var seen = new List<WorkStatus>();
        WorkStatus work;
        try
        {
            work = await PollAsync(client, location, seen);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(ex.Message + "\nHangfire: " + HangfireState(app), ex);
        }

        Assert.Equal("succeeded", work.State);
        var running = seen.Where(s => s.State == "running" && s.Step is not null).ToList();
        Assert.True(running.Select(s => s.Step).Distinct().Count() >= 2, "så bare ett steg: " + string.Join(" | ", running.Select(s => s.Summary)));
        Assert.Contains(running, s => s.Steps > 3 && s.Summary.EndsWith($"(steg {s.Step} av {s.Steps})", StringComparison.Ordinal));
        Assert.All(running, s => Assert.InRange(s.Percent!.Value, 0, 99));
        // Progress only goes forward, though the charts are drawn in parallel.
        Assert.Equal(running.Select(s => s.Percent!.Value).Order(), running.Select(s => s.Percent!.Value));
        Assert.Equal(100, work.Percent);
        Assert.Matches("^/reports#rapport-[0-9]+$", work.ResultUrl);
        Assert.Equal("Rapporten for 1. kvartal 2025 er laget: utkast.", work.Message);
        var reportId = int.Parse(work.ResultUrl!.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(work.Id, await app.WithDbAsync(db => db.Set<Report>().Where(r => r.Id == reportId).Select(r => r.RequestId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task The_progress_page_works_without_script_and_sends_the_user_on_to_the_result()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath)
        {
            Settings = { ["Work:StepDelayMilliseconds"] = "300", ["Work:PageWait"] = "00:00:00" },
        };
        var client = app.CreateClient(AccessRole.Editor, followRedirects: false);

        var posted = await Forms.PostAsync(client, "/reports", "/reports", ("Quarter", "2025-Q1"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var progressUrl = posted.Headers.Location!.ToString();
        Assert.Matches("^/jobs/[0-9a-f-]{36}$", progressUrl);

        var html = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(progressUrl, UriKind.Relative), Ct));
        Assert.Equal("Lager kvartalsrapporten for 1. kvartal 2025", html.QuerySelector("h1")!.TextContent);
        Assert.NotNull(html.QuerySelector("progress#fremdrift-mal"));
        Assert.Equal("status", html.QuerySelector("#fremdrift-tekst")!.GetAttribute("role"));
        // Without script the page reloads itself; with script, the app's own file (the CSP allows no inline script).
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"2\"", html.QuerySelector("head noscript")!.InnerHtml, StringComparison.Ordinal);
        Assert.StartsWith("/js/progress.js", html.QuerySelector("script[src]")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Empty(html.QuerySelectorAll("script:not([src])"));
        var script = await client.GetAsync(new Uri("/js/progress.js", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("/api/jobs/", await script.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Someone who left the progress page finds the report under way on the reports page.
        var listed = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/reports", UriKind.Relative), Ct));
        Assert.Contains(listed.QuerySelectorAll("#under-arbeid ~ ul a"), a => a.GetAttribute("href") == progressUrl);

        var id = Guid.Parse(progressUrl["/jobs/".Length..]);
        var done = await PollAsync(client, new Uri($"/api/jobs/{id}", UriKind.Relative), []);
        Assert.Equal("succeeded", done.State);

        // Done: the page sends the user on to the report in the list, with the outcome as the page's message.
        var next = await client.GetAsync(new Uri(progressUrl, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal(done.ResultUrl, next.Headers.Location!.ToString());
        var list = await client.GetStringAsync(new Uri("/reports", UriKind.Relative), Ct);
        Assert.Contains("Rapporten for 1. kvartal 2025 er laget: utkast.", list, StringComparison.Ordinal);
        Assert.Contains($"id=\"rapport-{done.ResultUrl!.Split('-')[^1]}\"", list, StringComparison.Ordinal);

        var shown = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(progressUrl + "?vis=true", UriKind.Relative), Ct));
        Assert.StartsWith("Ferdig", shown.QuerySelector("#fremdrift-tekst")!.TextContent, StringComparison.Ordinal);
        Assert.Null(shown.QuerySelector("head noscript"));
        Assert.Null(new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/reports", UriKind.Relative), Ct)).QuerySelector("#under-arbeid"));
    }

    [Fact]
    public async Task A_damaged_agenda_is_previewed_with_the_date_the_person_gives_and_imported_with_it()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor, followRedirects: false);
        const string agenda = " Møte i NUIT\nMøte 2/\nSak 12/19 Godkjenning av innkalling Godkjenning Sak 13/19 Eventuelt\n\nSekretariatet minner om fristen.\n";

        // Without the date the preview fails and says what is missing.
        var failed = new HtmlParser().ParseDocument(await (await UploadAsync(client, agenda, "arkiv.txt")).Content.ReadAsStringAsync(Ct));
        Assert.Contains("fant ikke datoen", failed.QuerySelector("#document-feil")!.TextContent, StringComparison.Ordinal);

        var preview = await UploadAsync(client, agenda, "arkiv.txt", ("date", "2019-05-27"));
        var page = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync(Ct));
        Assert.Contains("NUIT møte 2/2019, 27. mai 2019", page.QuerySelector("#forhandsvisning ~ h3")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Linje 5: Sekretariatet minner om fristen.", page.QuerySelector("ul.unassigned li")!.TextContent.Trim());

        var work = page.QuerySelector("input[name=work]")!.GetAttribute("value")!;
        var confirmed = await FollowAsync(client, await Forms.PostAsync(client, preview.RequestMessage!.RequestUri!.PathAndQuery, "/import?handler=Confirm", ("work", work)));
        Assert.Contains("Importert: arkiv.txt", await confirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2019, 5, 27), await app.WithDbAsync(db => db.Meetings.Where(m => m.Number == "2/2019").Select(m => m.Date).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_document_is_previewed_then_imported_in_the_background_from_the_import_page()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor, followRedirects: false);

        var preview = await UploadAsync(client, Minutes(3), "referat-4-2025.txt");
        Assert.Matches("/import\\?forhandsvisning=[0-9a-f-]{36}$", preview.RequestMessage!.RequestUri!.ToString());
        var page = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Forhåndsvisning av referat-4-2025.txt", page.QuerySelector("#forhandsvisning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, page.QuerySelectorAll("#forhandsvisning ~ table tbody tr, section table tbody tr").Length);
        Assert.Equal(0, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.Number == "4/2025", Ct)));

        var work = page.QuerySelector("input[name=work]")!.GetAttribute("value")!;
        var url = preview.RequestMessage.RequestUri!.PathAndQuery;
        var confirmed = await FollowAsync(client, await Forms.PostAsync(client, url, "/import?handler=Confirm", ("work", work)));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("/import?resultat=", confirmed.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Importert: referat-4-2025.txt", await confirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Meeting!.Number == "4/2025", Ct)));

        // The file moved to the import; confirming the same preview again imports nothing twice.
        var again = await Forms.PostAsync(client, "/import", "/import?handler=Confirm", ("work", work));
        var refused = new HtmlParser().ParseDocument(await again.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Forhåndsvisningen er utløpt", refused.QuerySelector("#document-feil")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.BackgroundWork.Where(w => w.Id == Guid.Parse(work)).Select(w => w.Payload).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_bad_document_fails_in_the_background_with_its_reason_next_to_the_field_and_stores_nothing()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor, followRedirects: false);
        var before = await app.WithDbAsync(db => db.Meetings.CountAsync(Ct));

        var response = await UploadAsync(client, "Dette er ikke et møtedokument.\n", "handleliste.txt");

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("handleliste.txt", page.QuerySelector("#document-feil")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name=work]"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Meetings.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_script_can_import_in_the_background_and_poll_until_done()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient(AccessRole.Editor);
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Minutes(2))), "file", "referat-4-2025.txt" } };

        var started = await client.PostAsync(new Uri("/api/imports/jobs", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var work = await PollAsync(client, started.Headers.Location!, []);
        Assert.Equal(("succeeded", "Importert: NUIT møte 4/2025."), (work.State, work.Message));
        Assert.Equal(2, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Meeting!.Number == "4/2025", Ct)));
        var reader = app.CreateClient(AccessRole.Reader);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(new Uri("/api/reports/jobs?quarter=2025-Q1", UriKind.Relative), null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri($"/api/jobs/{Guid.NewGuid()}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Report_work_run_again_after_it_was_stored_returns_the_same_edition()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var started = await app.SendAsync(new QueueReport("2025-Q1", Publish: true), actingAs: "kari");
        var first = await WaitAsync(app, started.Id);
        Assert.Equal("succeeded", first.State);

        // As if the worker died after storing the report but before marking the work done.
        await app.WithDbAsync(db => db.BackgroundWork.Where(w => w.Id == started.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkState.Queued), Ct));
        var again = await app.SendAsync(new RunWork(started.Id));

        Assert.Equal(("succeeded", first.ResultUrl), (again!.State, again.ResultUrl));
        Assert.Equal([1], await app.WithDbAsync(db => db.Set<Report>().Where(r => r.Quarter == Quarter.Parse("2025-Q1")).Select(r => r.Edition).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Work_that_keeps_killing_its_process_is_given_up_with_a_reason()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var id = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.BackgroundWork.Add(new BackgroundWork
            {
                Id = id, Kind = WorkKind.Report, State = WorkState.Running, Title = "Lager kvartalsrapporten", RequestedBy = "kari",
                Input = """{"quarter":"2025-Q1","publish":false}""", Attempts = 3, CreatedAt = DateTimeOffset.UtcNow, StartedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync(Ct);
        });

        // A restart finds it running (its process died), queues it again; the next start would be the fourth.
        Assert.Contains(id, await app.SendAsync(new RecoverWork(TimeSpan.Zero, TimeSpan.Zero)));
        var result = await app.SendAsync(new RunWork(id));

        Assert.Equal("failed", result!.State);
        Assert.Contains("avbrutt 3 ganger", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.Quarter == Quarter.Parse("2025-Q1"), Ct)));
    }

    [Fact]
    public async Task Work_whose_attempt_died_with_the_database_is_claimed_again_at_once_not_after_half_an_hour()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath) { Settings = { ["Reports:Enabled"] = "false" } };
        var id = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            db.BackgroundWork.Add(new BackgroundWork
            {
                Id = id, Kind = WorkKind.Report, State = WorkState.Running, Title = "Lager kvartalsrapporten", RequestedBy = "kari",
                Input = """{"quarter":"2025-Q1","publish":false}""", Attempts = 1, CreatedAt = DateTimeOffset.UtcNow, StartedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync(Ct);
        });

        // Running, fresh, and nobody here knows it died: a job for it claims nothing (and the Hangfire job is not a success).
        var untouched = await app.SendAsync(new RunWork(id));
        Assert.Equal(("running", 1), (untouched!.State, untouched.Attempts));
        Assert.False(untouched.Finished);

        // The failure handler could not put attempt 1 back in the queue (the database went with it): the next job claims it.
        app.Services.GetRequiredService<WorkBoard>().Died(id, 1);
        var retried = await app.SendAsync(new RunWork(id));

        Assert.Equal(("succeeded", 2), (retried!.State, retried.Attempts));
        Assert.Null(app.Services.GetRequiredService<WorkBoard>().DiedAttempt(id));
    }

    [Fact]
    public async Task Running_work_whose_lease_has_passed_is_claimed_and_finished_once_and_a_live_lease_is_not_taken()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath) { Settings = { ["Reports:Enabled"] = "false" } };
        var now = DateTimeOffset.UtcNow;
        // Both started a minute ago in another process; only the first one's process stopped renewing its lease.
        var expired = RunningReport(now - TimeSpan.FromMinutes(1), now - TimeSpan.FromSeconds(1));
        var live = RunningReport(now - TimeSpan.FromMinutes(1), now + TimeSpan.FromMinutes(1));
        await app.WithDbAsync(db => { db.BackgroundWork.AddRange(expired, live); return db.SaveChangesAsync(Ct); });

        var held = await app.SendAsync(new RunWork(live.Id));
        Assert.Equal(("running", 1, false), (held!.State, held.Attempts, held.Finished));

        // Two workers try at once (a retry and a sweep, or two instances): one claims it, the other finds it taken or done.
        var both = await Task.WhenAll(app.SendAsync(new RunWork(expired.Id)), app.SendAsync(new RunWork(expired.Id)));

        Assert.Contains(both, s => s!.State == "succeeded");
        Assert.Equal(new { State = WorkState.Succeeded, Attempts = 2 }, await app.WithDbAsync(db => db.BackgroundWork.Where(w => w.Id == expired.Id).Select(w => new { w.State, w.Attempts }).SingleAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.RequestId == expired.Id, Ct)));
        Assert.Equal(new { State = WorkState.Running, Attempts = 1 }, await app.WithDbAsync(db => db.BackgroundWork.Where(w => w.Id == live.Id).Select(w => new { w.State, w.Attempts }).SingleAsync(Ct)));
    }

    [Fact]
    public async Task The_sweep_picks_up_work_whose_process_was_killed_within_seconds_not_after_half_an_hour()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath) { Settings = { ["Reports:Enabled"] = "false" } };
        var now = DateTimeOffset.UtcNow;
        var killed = RunningReport(now - TimeSpan.FromSeconds(40), now - TimeSpan.FromSeconds(10));
        var alive = RunningReport(now - TimeSpan.FromSeconds(40), now + TimeSpan.FromMinutes(1));
        await app.WithDbAsync(db => { db.BackgroundWork.AddRange(killed, alive); return db.SaveChangesAsync(Ct); });

        // The running host's own sweep (every 15 s, Work:StaleAfter still 30 min) finds the passed lease and runs the work.
        var started = DateTime.UtcNow;
        var done = await WaitAsync(app, killed.Id);

        Assert.Equal(("succeeded", 2), (done.State, done.Attempts));
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.Equal(new { State = WorkState.Running, Attempts = 1 }, await app.WithDbAsync(db => db.BackgroundWork.Where(w => w.Id == alive.Id).Select(w => new { w.State, w.Attempts }).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Running_work_renews_its_lease_and_no_second_job_takes_it_meanwhile()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath)
        {
            Settings = { ["Reports:Enabled"] = "false", ["Work:Lease"] = "00:00:01.200", ["Work:StepDelayMilliseconds"] = "400" },
        };
        var work = await app.SendAsync(new QueueReport("2025-Q1", Publish: false), actingAs: "kari");

        // Poll the row: its lease must move on while the report runs well past the first lease (1.2 s).
        var leases = new HashSet<DateTimeOffset>();
        WorkStatus now;
        do
        {
            await Task.Delay(100, Ct);
            var row = await app.WithDbAsync(db => db.BackgroundWork.AsNoTracking().Where(w => w.Id == work.Id).Select(w => new { w.State, w.LeaseUntil }).SingleAsync(Ct));
            if (row is { State: WorkState.Running, LeaseUntil: { } until })
            {
                leases.Add(until);
                // A second job for the same work while the first runs claims nothing.
                var second = await app.SendAsync(new RunWork(work.Id));
                Assert.Equal(1, second!.Attempts);
            }
            now = await app.SendAsync(new GetWork(work.Id));
        }
        while (!now.Finished);

        Assert.Equal(("succeeded", 1), (now.State, now.Attempts));
        Assert.True(leases.Count >= 2, $"leien ble ikke fornyet: {string.Join(", ", leases.Select(l => l.ToString("O")))}");
    }

    private static BackgroundWork RunningReport(DateTimeOffset started, DateTimeOffset leaseUntil) => new()
    {
        Id = Guid.NewGuid(), Kind = WorkKind.Report, State = WorkState.Running, Title = "Lager kvartalsrapporten", RequestedBy = "kari",
        Input = """{"quarter":"2025-Q1","publish":false}""", Attempts = 1, CreatedAt = started, StartedAt = started, LeaseUntil = leaseUntil,
    };

    [Fact]
    public async Task Two_services_in_one_process_each_run_their_own_work()
    {
        // Each host has its own job storage and activator (ReportScheduling), not Hangfire's process-wide ones, so
        // work queued in one runs there, against its own database, and the other never sees it.
        using var otherFolder = new TestFolder();
        await using var first = new PortfolioApp(_folder.DatabasePath);
        await using var second = new PortfolioApp(otherFolder.DatabasePath);
        _ = second.Services;    // started after the first

        var work = await first.SendAsync(new QueueReport("2025-Q1", Publish: false), actingAs: "kari");
        var done = await WaitAsync(first, work.Id);

        Assert.Equal("succeeded", done.State);
        Assert.Equal(1, await first.WithDbAsync(db => db.Set<Report>().CountAsync(r => r.Quarter == Quarter.Parse("2025-Q1"), Ct)));
        Assert.Equal(0, await second.WithDbAsync(db => db.BackgroundWork.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_minute_sweep_queues_again_only_work_that_has_waited_or_gone_silent()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath) { Settings = { ["Reports:Enabled"] = "false" } };
        var now = DateTimeOffset.UtcNow;
        BackgroundWork Work(WorkState state, TimeSpan age) => new()
        {
            Id = Guid.NewGuid(), Kind = WorkKind.Report, State = state, Title = "Lager kvartalsrapporten", RequestedBy = "kari",
            Input = """{"quarter":"2025-Q1","publish":false}""", CreatedAt = now - age, StartedAt = state == WorkState.Running ? now - age : null,
        };
        var waited = Work(WorkState.Queued, TimeSpan.FromMinutes(5));
        var fresh = Work(WorkState.Queued, TimeSpan.FromSeconds(10));
        var silent = Work(WorkState.Running, TimeSpan.FromHours(1));
        var busy = Work(WorkState.Running, TimeSpan.FromMinutes(1));
        await app.WithDbAsync(db => { db.BackgroundWork.AddRange(waited, fresh, silent, busy); return db.SaveChangesAsync(Ct); });

        var again = await app.SendAsync(new RecoverWork(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(2)));

        Assert.Equal([silent.Id, waited.Id], again);
        Assert.Equal(WorkState.Running, await app.WithDbAsync(db => db.BackgroundWork.Where(w => w.Id == busy.Id).Select(w => w.State).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_service_killed_while_building_a_report_leaves_no_part_of_it_and_finishes_it_after_restart()
    {
        TestDatabase.RequireSqlite("starter tjenesten som egen prosess på en SQLite-fil");
        var token = await AppProcess.CreateTokenAsync(_folder, "editor");
        const string quarter = "2025-Q1";

        // Killed in the middle: some charts drawn, nothing stored yet.
        var id = await StartThenKillAsync(token, 400, client => client.PostAsync(new Uri($"/api/reports/jobs?quarter={quarter}", UriKind.Relative), null, Ct),
            now => now.Step >= 2);

        await AssertFileAsync(
            ("SELECT COUNT(*) FROM Reports WHERE Quarter = '2025-Q1';", 0L),
            ($"SELECT State FROM BackgroundWork WHERE Id = '{id.ToString().ToUpperInvariant()}';", 2L));

        // Started again: the unfinished work is picked up by itself and finished, once.
        await using var restarted = await WebServer.StartAsync(_folder, "--Reports:Enabled", "false");
        using var again = restarted.Client(token);
        var done = await PollAsync(again, new Uri($"/api/jobs/{id}", UriKind.Relative), []);
        Assert.Equal(("succeeded", 2), (done.State, done.Attempts));
        var reports = await again.GetFromJsonAsync<List<JsonElement>>(new Uri($"/api/reports?quarter={quarter}", UriKind.Relative), Ct);
        Assert.Single(reports!);
        Assert.Contains("uferdige bakgrunnsjobber fra forrige kjøring er satt i kø igjen", restarted.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_killed_while_storing_an_import_leaves_none_of_it_and_imports_it_once_after_restart()
    {
        TestDatabase.RequireSqlite("starter tjenesten som egen prosess på en SQLite-fil");
        var token = await AppProcess.CreateTokenAsync(_folder, "editor");

        // Killed after the meeting and its cases are written, inside the import's transaction, before the commit.
        var id = await StartThenKillAsync(token, 1500, client =>
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Minutes(5))), "file", "referat-4-2025.txt" } };
            return client.PostAsync(new Uri("/api/imports/jobs", UriKind.Relative), form, Ct);
        }, now => now.StepText?.StartsWith("Kobler", StringComparison.Ordinal) ?? false);

        await AssertFileAsync(("SELECT COUNT(*) FROM Meetings WHERE Number = '4/2025';", 0L));

        await using var restarted = await WebServer.StartAsync(_folder, "--Reports:Enabled", "false");
        using var again = restarted.Client(token);
        var done = await PollAsync(again, new Uri($"/api/jobs/{id}", UriKind.Relative), []);
        Assert.Equal(("succeeded", 2, "Importert: NUIT møte 4/2025."), (done.State, done.Attempts, done.Message));
        var meetings = await again.GetFromJsonAsync<List<JsonElement>>(new Uri("/api/meetings", UriKind.Relative), Json, Ct);
        var meeting = Assert.Single(meetings!, m => m.GetProperty("number").GetString() == "4/2025");
        Assert.Equal(5, meeting.GetProperty("cases").GetInt32());
    }

    /// <summary>
    /// Starts the service as a process that pauses after each step, starts work with <paramref name="start"/>, and
    /// kills the process (as a crash would) once the work's progress satisfies <paramref name="killWhen"/>.
    /// </summary>
    private async Task<Guid> StartThenKillAsync(string token, int stepDelayMilliseconds, Func<HttpClient, Task<HttpResponseMessage>> start, Func<WorkStatus, bool> killWhen)
    {
        var slow = await WebServer.StartAsync(_folder, "--Work:StepDelayMilliseconds", stepDelayMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "--Reports:Enabled", "false");
        try
        {
            using var client = slow.Client(token);
            var started = await start(client);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            var id = (await started.Content.ReadFromJsonAsync<WorkStatus>(Json, Ct))!.Id;
            WorkStatus now;
            do now = await GetAsync(client, new Uri($"/api/jobs/{id}", UriKind.Relative));
            while (!(now.State == "running" && killWhen(now)) && !now.Finished);
            Assert.Equal("running", now.State);
            await slow.KillAsync();
            return id;
        }
        finally
        {
            await slow.DisposeAsync();
        }
    }

    /// <summary>The killed service's SQLite file is whole, and each query gives what is expected.</summary>
    private async Task AssertFileAsync(params (string Sql, object Expected)[] checks)
    {
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={_folder.DatabasePath}"))
        {
            await connection.OpenAsync(Ct);
            Assert.Equal("ok", await Scalar(connection, "PRAGMA integrity_check;"));
            foreach (var (sql, expected) in checks) Assert.Equal(expected, await Scalar(connection, sql));
        }
        SqliteConnection.ClearAllPools();
    }

    /// <summary>What the host's job scheduler holds, for a test that waited in vain.</summary>
    private static string HangfireState(PortfolioApp app)
    {
        var monitoring = app.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var stats = monitoring.GetStatistics();
        var failed = monitoring.FailedJobs(0, 5).Select(j => $"{j.Key}: {j.Value.ExceptionType} {j.Value.ExceptionMessage}");
        var servers = monitoring.Servers().Select(s => $"{s.Name} workers={s.WorkersCount} heartbeat={s.Heartbeat:O}");
        return $"enqueued={stats.Enqueued} processing={stats.Processing} failed={stats.Failed} succeeded={stats.Succeeded} scheduled={stats.Scheduled} "
            + $"servers=[{string.Join("; ", servers)}] failures=[{string.Join("; ", failed)}] processingJobs=[{string.Join("; ", monitoring.ProcessingJobs(0, 5).Select(j => $"{j.Key} {j.Value.Job?.Method.Name} on {j.Value.ServerId}"))}] "
            + $"enqueuedJobs=[{string.Join("; ", monitoring.EnqueuedJobs("default", 0, 5).Select(j => $"{j.Key} {j.Value.State}"))}]";
    }

    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string text, string fileName, params (string Name, string Value)[] fields)
    {
        var token = await Forms.AntiforgeryTokenAsync(client, "/import");
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "document", fileName },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return await FollowAsync(client, await client.PostAsync(new Uri("/import?handler=Preview", UriKind.Relative), form, Ct));
    }

    /// <summary>Follows a redirect by hand, so the test also checks that the post redirected (to the work's progress page).</summary>
    private static async Task<HttpResponseMessage> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = await client.GetAsync(response.Headers.Location!, Ct);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        return next;
    }

    private static async Task<WorkStatus> GetAsync(HttpClient client, Uri location)
    {
        await Task.Delay(50, Ct);
        return (await client.GetFromJsonAsync<WorkStatus>(location, Json, Ct))!;
    }

    /// <summary>Polls until the work is done, keeping every answer seen on the way.</summary>
    private static async Task<WorkStatus> PollAsync(HttpClient client, Uri location, List<WorkStatus> seen)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var work = await GetAsync(client, location);
            seen.Add(work);
            if (work.Finished) return work;
        }
        throw new TimeoutException($"{location} ble ikke ferdig: {JsonSerializer.Serialize(seen.LastOrDefault())}");
    }

    private static async Task<WorkStatus> WaitAsync(PortfolioApp app, Guid id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var work = await app.SendAsync(new GetWork(id));
            if (work.Finished) return work;
            await Task.Delay(50, Ct);
        }
        throw new TimeoutException($"Arbeid {id} ble ikke ferdig. Hangfire: {HangfireState(app)}");
    }

    /// <summary>Minutes of a meeting not in the seed data (4/2025) with the given number of cases.</summary>
    internal static string Minutes(int cases)
    {
        var text = new StringBuilder("Referat fra møte i NUIT\nMøte 4/2025\n\nDato 11. september 2025\n\nSak Tittel på sak Sakstype\n\n");
        for (var i = 1; i <= cases; i++) text.Append($"{40 + i}/25 Oppfølging av tiltak nummer {i} Orientering\n");
        text.Append("\nSak Tema\n\n");
        for (var i = 1; i <= cases; i++)
            text.Append($"{40 + i}/25 Oppfølging av tiltak nummer {i}\n\n Helsedirektoratet orienterte om SFM, sak {i}.\n\n Vedtak:\nNUIT tar saken til orientering.\n\n");
        return text.ToString();
    }
}
