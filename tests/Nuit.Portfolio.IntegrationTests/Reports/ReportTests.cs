using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Reports;
using Nuit.Portfolio.Features.Status;
using Nuit.Portfolio.IntegrationTests.Infrastructure;
using Nuit.Portfolio.Web.Jobs;

namespace Nuit.Portfolio.IntegrationTests.Reports;

/// <summary>Quarterly reports on the seeded register: meeting 1/2025 with cases 1/25–11/25 falls in 2025-Q1.</summary>
public sealed class ReportTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortfolioApp App() => new(_folder.DatabasePath);

    private static string[] Q1Cases => [.. Enumerable.Range(1, 11).Select(n => $"NUIT {n}/25")];

    [Fact]
    public async Task The_2025_Q1_report_lists_cases_1_25_to_11_25_with_their_linked_items()
    {
        await using var app = App();
        var data = await app.SendAsync(new GetQuarterReportData("2025-Q1"));

        Assert.Equal(Q1Cases, data.Cases.Select(c => c.Case));
        // Meeting 1/2025 was held on 13 February 2025 (seed-data/meetings/nuit-2025-02-13-referat.txt).
        Assert.All(data.Cases, c => Assert.Equal(new DateOnly(2025, 2, 13), c.MeetingDate));
        foreach (var c in data.Cases)
        {
            var links = await app.SendAsync(new GetCaseLinks(c.Case, IncludeRejected: false));
            Assert.Equal(links.Select(l => l.Item).Order(StringComparer.Ordinal), c.Items.Select(i => i.Item).Order(StringComparer.Ordinal));
        }
        Assert.Contains(data.Cases, c => c.Items.Any(i => i.Item == "KIPLAN") && c.Case == "NUIT 8/25");

        // Every case appears under each item it touched, and nowhere is a case lost.
        Assert.Equal(Q1Cases.Order(StringComparer.Ordinal), data.CasesByItem.SelectMany(g => g.Cases).Select(c => c.Case).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("NUIT 8/25", data.CasesByItem.Single(g => g.Item == "KIPLAN").Cases.Select(c => c.Case));

        var rendered = await app.SendAsync(new RenderQuarterReport("2025-Q1"));
        var html = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(rendered.Files.Single(f => f.Name == "report-2025-Q1.html").Content));
        Assert.Equal(Q1Cases, html.QuerySelectorAll("#saker tr[data-case]").Select(r => r.GetAttribute("data-case")));
        Assert.Contains("KIPLAN", html.QuerySelector("#saker tr[data-case='NUIT 8/25']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(rendered.Files, f => f.Name == "chart-status-per-mal-2025-Q1.png");
        Assert.Contains(rendered.Files, f => f.Name == "chart-saker-per-kvartal-2025-Q1.svg");
    }

    [Fact]
    public async Task Status_changes_and_slipped_milestones_reach_the_report()
    {
        await using var app = App();
        await app.SendAsync(new SetStatus("SFM", "2024-Q4", "green", "I rute"), actingAs: "kari");
        await app.SendAsync(new SetStatus("SFM", "2025-Q1", "amber", "Piloten er utsatt"), actingAs: "ola");
        await app.SendAsync(new Portfolio.Features.Roadmap.AddMilestone("SFM", "Pilot", Planned: "2025-03-01", Forecast: "2025-09-01"));

        var data = await app.SendAsync(new GetQuarterReportData("2025-Q1"));

        var sfm = data.Items.Single(i => i.Code == "SFM");
        Assert.Equal(("amber", "green", "worse", "Piloten er utsatt"), (sfm.Rag, sfm.PreviousRag, sfm.Change, sfm.Narrative));
        Assert.True(sfm.Milestones.Single(m => m.Name == "Pilot").Slipped);
        var change = Assert.Single(data.Goals.SelectMany(g => g.Changes), c => c.Item == "SFM");
        Assert.Equal(("green", "amber"), (change.From, change.To));
    }

    [Fact]
    public async Task Building_the_draft_twice_yields_one_report()
    {
        await using var app = App();
        var first = await app.SendAsync(new CreateReport("2025-Q1"));
        var second = await app.SendAsync(new CreateReport("2025-Q1"));
        var byJob = await app.SendAsync(new CreateReport("2025-Q1", OnlyIfMissing: true));

        Assert.Equal((ReportOutcome.Created, ReportOutcome.Replaced, ReportOutcome.Existing), (first.Outcome, second.Outcome, byJob.Outcome));
        Assert.Equal(first.Report.Id, second.Report.Id);
        Assert.Equal(first.Report.Id, byJob.Report.Id);
        var reports = await app.SendAsync(new ListReports("2025-Q1"));
        Assert.Equal(("draft", 0), (Assert.Single(reports).State, reports[0].Edition));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<Report>().CountAsync()));
        // The replaced draft's files went with it: one set of files, not two.
        Assert.Equal(second.Report.Files.Count, await app.WithDbAsync(db => db.Set<ReportFile>().CountAsync()));
    }

    [Fact]
    public async Task A_published_report_does_not_change_after_an_edit()
    {
        await using var app = App();
        var v1 = (await app.SendAsync(new CreateReport("2025-Q1", Publish: true), actingAs: "kari")).Report;
        var v1Files = await FileHashesAsync(app, v1);

        await app.SendAsync(new SetStatus("SFM", "2025-Q1", "red", "Stoppet"), actingAs: "ola");
        await app.SendAsync(new CreateReport("2025-Q1"));  // a draft rebuilt after the edit
        var v2 = (await app.SendAsync(new CreateReport("2025-Q1", Publish: true), actingAs: "kari")).Report;

        Assert.Equal((1, 2), (v1.Edition, v2.Edition));
        Assert.Equal(v1Files, await FileHashesAsync(app, v1));
        Assert.NotEqual(v1.DataSha256, v2.DataSha256);
        var oldHtml = await HtmlAsync(app, v1);
        var newHtml = await HtmlAsync(app, v2);
        Assert.Equal("Grå (ikke rapportert)", oldHtml.QuerySelector("tr[data-item='SFM'] .rag")!.TextContent);
        Assert.Equal("Rød", newHtml.QuerySelector("tr[data-item='SFM'] .rag")!.TextContent);
        Assert.Equal("Publisert, versjon 1", oldHtml.QuerySelector("#edition")!.TextContent);
        Assert.Equal("Publisert, versjon 2", newHtml.QuerySelector("#edition")!.TextContent);
        Assert.Equal(["draft", "published", "published"], (await app.SendAsync(new ListReports("2025-Q1"))).Select(r => r.State));
    }

    [Fact]
    public async Task A_failing_job_leaves_nothing_partial_and_the_next_attempt_succeeds()
    {
        TestDatabase.RequireSqlite("the failure is injected with a SQLite trigger.");
        await using var app = App();
        // The database refuses one of the later files, after the report row and the first files went in.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER fail_chart BEFORE INSERT ON ReportFiles WHEN NEW.Name LIKE 'chart-saker%' BEGIN SELECT RAISE(ABORT, 'disken er full (test)'); END;"));

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => RunJobAsync(app, "2025-Q1"));

        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Report>().CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<ReportFile>().CountAsync()));

        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_chart;"));
        await RunJobAsync(app, "2025-Q1");
        var report = Assert.Single(await app.SendAsync(new ListReports()));
        Assert.Equal(("2025-Q1", "draft", QuarterlyReportJob.CreatedBy), (report.Quarter, report.State, report.CreatedBy));
    }

    [Fact]
    public async Task A_failed_rebuild_keeps_the_previous_draft_whole()
    {
        TestDatabase.RequireSqlite("the failure is injected with a SQLite trigger.");
        await using var app = App();
        var draft = (await app.SendAsync(new CreateReport("2025-Q1"))).Report;
        var before = await FileHashesAsync(app, draft);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "CREATE TRIGGER fail_html BEFORE INSERT ON ReportFiles WHEN NEW.Name LIKE 'report-%' BEGIN SELECT RAISE(ABORT, 'feil (test)'); END;"));

        await Assert.ThrowsAnyAsync<DbUpdateException>(async () => await app.SendAsync(new CreateReport("2025-Q1")));

        Assert.Equal(before, await FileHashesAsync(app, draft));
    }

    [Fact]
    public async Task Catch_up_at_start_builds_the_missing_report_for_the_last_ended_quarter_once()
    {
        var quarter = Nuit.Portfolio.Domain.Quarter.LastEnded(DateTimeOffset.UtcNow, "Europe/Oslo").ToString();
        await using (var first = App())
        {
            await using var jobs = WithJobs(first);
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            IReadOnlyList<ReportSummary> reports = [];
            while (reports.Count == 0)
            {
                await Task.Delay(200, deadline.Token);
                reports = await SendAsync(jobs, new ListReports(quarter));
            }
            Assert.Equal(QuarterlyReportJob.CreatedBy, Assert.Single(reports).CreatedBy);

            var recurring = jobs.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs();
            var job = Assert.Single(recurring, r => r.Id == ReportScheduling.RecurringJobId);
            Assert.Equal(("0 6 1 1,4,7,10 *", "Europe/Oslo"), (job.Cron, job.TimeZoneId));
        }

        // A restart finds the report in the database and queues nothing: the enqueue happens during start-up.
        await using var second = App();
        await using var again = WithJobs(second);
        var stats = again.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
        Assert.Equal(0, stats.Enqueued + stats.Processing + stats.Scheduled);
        // In memory (SQLite) Hangfire starts empty; on PostgreSQL the first start's finished job is still in
        // Hangfire's tables, since there its state survives restarts.
        Assert.Equal(TestDatabase.OnPostgres ? 1 : 0, stats.Succeeded + stats.Failed);
        Assert.Single(await SendAsync(again, new ListReports(quarter)));
    }

    [Fact]
    public async Task The_API_builds_lists_and_serves_the_stored_files()
    {
        await using var app = App();
        var client = app.CreateClient();

        var created = await client.PostAsync("/api/reports?quarter=2025-Q1&publish=true", null, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var result = (await created.Content.ReadFromJsonAsync<CreateReportResult>(Ct))!;
        Assert.Equal($"/api/reports/{result.Report.Id}", created.Headers.Location!.OriginalString);

        var list = (await client.GetFromJsonAsync<List<ReportSummary>>("/api/reports", Ct))!;
        Assert.Equal(result.Report.Id, Assert.Single(list).Id);
        Assert.Contains(list[0].Files, f => f.Name == "report-2025-Q1.html");

        var html = await client.GetAsync($"/api/reports/{result.Report.Id}/files/report-2025-Q1.html", Ct);
        Assert.Equal("text/html; charset=utf-8", html.Content.Headers.ContentType!.ToString());
        Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var png = await client.GetByteArrayAsync($"/api/reports/{result.Report.Id}/files/chart-status-per-mal-2025-Q1.png", Ct);
        Assert.Equal(result.Report.Files.Single(f => f.Name == "chart-status-per-mal-2025-Q1.png").Sha256, Convert.ToHexStringLower(SHA256.HashData(png)));

        // The workbook over the real seed data: valid Open XML, one row per case of the quarter.
        var xlsx = await client.GetAsync($"/api/reports/{result.Report.Id}/files/report-2025-Q1.xlsx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false))
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc, Ct).Select(e => e.Description));
        using (var wb = XlsxBook.Open(bytes))
            Assert.Equal(Q1Cases, Enumerable.Range(2, 11).Select(r => wb.Worksheet("Saker").Cell(r, 1).GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/reports?quarter=2025-Q5", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/reports/999/files/report-2025-Q1.html", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/reports/{result.Report.Id}/files/nope.html", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_job_dashboard_is_for_admins_only()
    {
        await using var app = App();
        // Admin by role (issue 9), from anywhere; an Editor who may generate reports may not manage the jobs.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient(Domain.AccessRole.Editor).GetAsync("/hangfire", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/hangfire", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_CLI_writes_the_report_files_and_publishes()
    {
        var output = _folder.File("ut");
        var run = await AppProcess.RunCliAsync(_folder.Path, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData,
            "report", "--quarter", "2025-Q1", "--out", output, "--publish", "--format", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        // stdout is JSON and nothing else (native chart code must not print there).
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal("Publisert, versjon 1", json.RootElement.GetProperty("report").GetProperty("editionText").GetString());
        foreach (var name in new[] { "report-2025-Q1.html", "report-2025-Q1.xlsx", "data-2025-Q1.json", "chart-status-per-mal-2025-Q1.png", "chart-status-per-mal-2025-Q1.svg", "chart-saker-per-kvartal-2025-Q1.png" })
            Assert.True(File.Exists(Path.Combine(output, name)), name);
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));

        var list = await AppProcess.RunCliAsync(_folder.Path, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData, "report", "list", "--format", "json");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("\"edition\": 1", list.Stdout, StringComparison.Ordinal);

        var bad = await AppProcess.RunCliAsync(_folder.Path, "--db", _folder.DatabasePath, "--seed-data", RepoRoot.SeedData, "report", "--quarter", "nå", "--out", output);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("er ikke et kvartal", bad.Stderr, StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> WithJobs(PortfolioApp app) =>
        app.WithWebHostBuilder(b => b.UseSetting("Reports:Enabled", "true"));

    private static async Task<T> SendAsync<T>(WebApplicationFactory<Program> app, Mediator.IQuery<T> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send(query);
    }

    private static async Task RunJobAsync(PortfolioApp app, string quarter)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<QuarterlyReportJob>().RunAsync(quarter, CancellationToken.None);
    }

    private static async Task<Dictionary<string, string>> FileHashesAsync(PortfolioApp app, ReportSummary report) =>
        await app.WithDbAsync(db => db.Set<ReportFile>().Where(f => f.ReportId == report.Id)
            .ToDictionaryAsync(f => f.Name, f => Convert.ToHexStringLower(SHA256.HashData(f.Content))));

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> HtmlAsync(PortfolioApp app, ReportSummary report)
    {
        var file = await app.SendAsync(new GetReportFile(report.Id, $"report-{report.Quarter}.html"));
        return new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(file.Content));
    }
}
