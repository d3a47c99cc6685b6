using System.Diagnostics;
using System.Net;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Postgres;

/// <summary>
/// A PostgreSQL restart under load (issue 23 item 3): transient faults are retried as a whole unit of work, what
/// still fails is 503 with Retry-After, never 500, and the first request after the restart succeeds. Needs the
/// server's data folder (NUIT_TEST_POSTGRES_DATA, set by .ci/run) and root to run pg_ctl as postgres.
/// </summary>
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
        Requires.That(TestDatabase.PostgresServer is not null && DataFolder is not null && Environment.UserName == "root",
            "NUIT_TEST_POSTGRES og NUIT_TEST_POSTGRES_DATA er ikke satt, eller testen kjører ikke som root (pg_ctl restart; .ci/run setter dem).");
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
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Order().Last() + "/bin/pg_ctl";
        using (var restart = Process.Start(new ProcessStartInfo("su", ["postgres", "-c", $"{pgCtl} -D {DataFolder} -m {mode} -w restart"])
               { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            await restart.WaitForExitAsync(ct);
            Assert.Equal(0, restart.ExitCode);
        }
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // The first request after the restart meets the pool's dead connections and succeeds all the same.
        var first = await client.GetAsync(new Uri("/api/goals", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.NotEmpty(statuses);
        TestContext.Current.TestOutputHelper?.WriteLine($"{mode}: {string.Join(", ", statuses.GroupBy(s => s).Select(g => $"{(int)g.Key}×{g.Count()}"))}");
    }
}
