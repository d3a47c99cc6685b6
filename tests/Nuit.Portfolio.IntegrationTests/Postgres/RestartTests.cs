using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Features.Work;
using Nuit.Portfolio.IntegrationTests.Work;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Postgres;

/// <summary>
/// A PostgreSQL restart under load (issue 23 item 3): transient faults are retried as a whole unit of work, what
/// still fails is 503 with Retry-After, never 500, and the first request after the restart succeeds. Needs the
/// server's data folder (NUIT_TEST_POSTGRES_DATA, set by .ci/run) and root to run pg_ctl as postgres.
/// </summary>
[Collection(PostgresServer.Name)]
public sealed class RestartTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string? DataFolder => Environment.GetEnvironmentVariable("NUIT_TEST_POSTGRES_DATA") is { Length: > 0 } s ? s : null;

    [Theory]
    [InlineData("fast")]
    [InlineData("immediate")]
    public async Task Requests_during_a_restart_get_no_500_and_the_first_after_it_succeeds(string mode)
    {
        NeedsServer();
        await using var app = new PostgresTests.PostgresApp(TestDatabase.Postgres(_folder.File($"restart-{mode}")), seed: true);
        var client = app.CreateClient(AccessRole.Reader);
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/goals", UriKind.Relative), ct)).StatusCode);

        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 3).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await client.GetAsync(new Uri("/api/initiatives", UriKind.Relative), ct);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable) Assert.True(response.Headers.RetryAfter is not null);
            }
        }).ToList();
        await Task.Delay(300, ct);
        await RestartAsync(mode);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // The first request after the restart meets the pool's dead connections and succeeds all the same.
        var first = await client.GetAsync(new Uri("/api/goals", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.NotEmpty(statuses);
        TestContext.Current.TestOutputHelper?.WriteLine($"{mode}: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"))}");
    }

    [Fact]
    public async Task A_background_import_cut_by_an_immediate_restart_has_succeeded_once_within_two_minutes()
    {
        NeedsServer();
        await using var app = new PostgresTests.PostgresApp(TestDatabase.Postgres(_folder.File("restart-import")), seed: true)
        {
            Settings = { ["Work:StepDelayMilliseconds"] = "150" },
        };
        var client = app.CreateClient(AccessRole.Editor);
        var ct = TestContext.Current.CancellationToken;
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(BackgroundWorkTests.Minutes(12))), "file", "referat-4-2025.txt" } };

        var started = await client.PostAsync(new Uri("/api/imports/jobs", UriKind.Relative), form, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var clock = Stopwatch.StartNew();
        await Task.Delay(500, ct);
        await RestartAsync("immediate");

        // Polled through the API (a poll during the restart may get 503) until done, for at most two minutes.
        WorkStatus? work = null;
        while (clock.Elapsed < TimeSpan.FromMinutes(2) && work is not { Finished: true })
        {
            await Task.Delay(250, ct);
            var response = await client.GetAsync(started.Headers.Location!, ct);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.IsSuccessStatusCode) work = await response.Content.ReadFromJsonAsync<WorkStatus>(ct);
        }

        Assert.True(work is { Finished: true }, $"ikke ferdig etter {clock.Elapsed}: {work?.State} {work?.Message}");
        Assert.Equal(("succeeded", "Importert: NUIT møte 4/2025."), (work!.State, work.Message));
        TestContext.Current.TestOutputHelper?.WriteLine($"ferdig etter {clock.Elapsed.TotalSeconds:0.0} s, forsøk {work.Attempts}");
        Assert.Equal(1, await app.WithDbAsync(db => db.Meetings.CountAsync(m => m.Number == "4/2025", ct)));
        var cases = await app.WithDbAsync(db => db.Cases.Where(c => c.Meeting!.Number == "4/2025").Select(c => c.Number).ToListAsync(ct));
        Assert.Equal(12, cases.Count);
        Assert.Equal(12, cases.Distinct().Count());
    }

    [Fact]
    public async Task Work_of_a_killed_instance_is_finished_by_another_within_a_minute_not_after_half_an_hour()
    {
        Requires.That(TestDatabase.PostgresServer is not null, "NUIT_TEST_POSTGRES er ikke satt (.ci/run setter den).");
        var ct = TestContext.Current.CancellationToken;
        var connection = TestDatabase.Postgres(_folder.File("killed"));
        string[] database = ["--Database:Provider", "Postgres", "--ConnectionStrings:Portfolio", connection, "--Reports:Enabled", "false", "--Work:Lease", "00:00:05"];
        var made = await AppProcess.RunCliAsync(_folder.Path, "tokens", "create", "--role", "editor", "--provider", "Postgres", "--connection", connection, "--seed-data", RepoRoot.SeedData);
        Assert.True(made.ExitCode == 0, made.Stderr);
        var token = made.Stdout.TrimEnd().Split('\n')[^1].Trim();

        // The first instance is killed while it runs the import (a pause after each step keeps it running).
        Guid id;
        await using (var first = await WebServer.StartAsync(_folder, [.. database, "--Work:StepDelayMilliseconds", "1500"]))
        {
            using var client = first.Client(token);
            var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(BackgroundWorkTests.Minutes(5))), "file", "referat-4-2025.txt" } };
            var started = await client.PostAsync(new Uri("/api/imports/jobs", UriKind.Relative), form, ct);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            id = (await started.Content.ReadFromJsonAsync<WorkStatus>(ct))!.Id;
            WorkStatus now;
            do
            {
                await Task.Delay(100, ct);
                now = (await client.GetFromJsonAsync<WorkStatus>(new Uri($"/api/jobs/{id}", UriKind.Relative), ct))!;
            }
            while (!(now.State == "running" && now.Step >= 1) && !now.Finished);
            Assert.Equal("running", now.State);
            await first.KillAsync();
        }

        // A second instance (Work:StaleAfter still 30 min) takes the work once its lease has passed, and finishes it once.
        var clock = Stopwatch.StartNew();
        await using var second = await WebServer.StartAsync(_folder, database);
        using var again = second.Client(token);
        WorkStatus done;
        do
        {
            await Task.Delay(250, ct);
            done = (await again.GetFromJsonAsync<WorkStatus>(new Uri($"/api/jobs/{id}", UriKind.Relative), ct))!;
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"ikke ferdig etter {clock.Elapsed}: {done.Summary}");
        }
        while (!done.Finished);

        TestContext.Current.TestOutputHelper?.WriteLine($"ferdig {clock.Elapsed.TotalSeconds:0.0} s etter at den andre startet");
        Assert.Equal(("succeeded", 2, "Importert: NUIT møte 4/2025."), (done.State, done.Attempts, done.Message));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"tok {clock.Elapsed}");
        var meetings = await again.GetFromJsonAsync<List<System.Text.Json.JsonElement>>(new Uri("/api/meetings", UriKind.Relative), ct);
        var meeting = Assert.Single(meetings!, m => m.GetProperty("number").GetString() == "4/2025");
        Assert.Equal(5, meeting.GetProperty("cases").GetInt32());
    }

    private static void NeedsServer() =>
        Requires.That(TestDatabase.PostgresServer is not null && DataFolder is not null && Environment.UserName == "root",
            "NUIT_TEST_POSTGRES og NUIT_TEST_POSTGRES_DATA er ikke satt, eller testen kjører ikke som root (pg_ctl restart; .ci/run setter dem).");

    private static async Task RestartAsync(string mode)
    {
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Order().Last() + "/bin/pg_ctl";
        using var restart = Process.Start(new ProcessStartInfo("su", ["postgres", "-c", $"{pgCtl} -D {DataFolder} -m {mode} -w restart"])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await restart.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, restart.ExitCode);
    }
}
