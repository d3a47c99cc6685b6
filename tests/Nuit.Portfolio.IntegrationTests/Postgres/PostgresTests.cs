using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Features.Linking;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Postgres;

/// <summary>
/// PostgreSQL specifics, whatever provider the rest of the run uses: migrations, search that answers as
/// SQLite's does, and two service instances on one database. Needs NUIT_TEST_POSTGRES (set by .ci/run).
/// </summary>
[Collection(PostgresServer.Name)]
public sealed class PostgresTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void RequirePostgres() =>
        Requires.That(TestDatabase.PostgresServer is not null,
            "NUIT_TEST_POSTGRES er ikke satt, så det finnes ingen PostgreSQL-server å teste mot (.ci/run starter en).");

    /// <summary>A host on PostgreSQL; two of them with the same name share one database, like two instances.</summary>
    private PortfolioApp Instance(string database, bool seed = true) =>
        new PostgresApp(TestDatabase.Postgres(_folder.File(database)), seed);

    [Fact]
    public async Task Migrations_and_the_seed_apply_on_postgres()
    {
        RequirePostgres();
        await using var app = Instance("a");
        var (migrations, applied, meetings, links) = await app.WithDbAsync(async db => (
            db.Database.GetMigrations().ToList(), (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            await db.Meetings.CountAsync(), await db.CaseLinks.CountAsync()));

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName)));
        Assert.Equal(migrations, applied);
        Assert.Equal(3, meetings);
        Assert.True(links > 30);
        Assert.Contains("NUIT 31/24", (await app.SendAsync(new CasesTouching("SFM"))).Select(c => c.Case));
    }

    [Theory]
    [InlineData("legemiddelliste", "NUIT 25/24")]
    [InlineData("prøvesvar", "NUIT 31/24")]
    [InlineData("ICD-11", "NUIT 36/24")]
    [InlineData("Helseteknologiordningen", "NUIT 32/24")]
    public async Task Search_finds_the_same_cases_as_on_sqlite(string words, string expected)
    {
        RequirePostgres();
        await using var sqlite = new PortfolioApp(_folder.File("sqlite.db"));
        await using var postgres = Instance("search");

        var onSqlite = (await sqlite.SendAsync(new SearchCases(words))).Select(h => h.Case).ToHashSet();
        var onPostgres = (await postgres.SendAsync(new SearchCases(words))).Select(h => h.Case).ToHashSet();

        Assert.Contains(expected, onSqlite);
        Assert.Contains(expected, onPostgres);
        Assert.Equal(onSqlite.Order(), onPostgres.Order());
    }

    [Theory]
    [InlineData("provesvar")]
    [InlineData("NEAR(\"x\" OR) *")]
    [InlineData("zzzzqqq")]
    public async Task Search_finds_nothing_where_sqlite_finds_nothing(string words)
    {
        RequirePostgres();
        await using var postgres = Instance("nothing");
        Assert.Empty(await postgres.SendAsync(new SearchCases(words)));
    }

    [Fact]
    public async Task The_same_document_imported_by_two_instances_at_once_is_stored_once()
    {
        RequirePostgres();
        await using var one = Instance("shared", seed: false);
        await using var two = Instance("shared", seed: false);
        _ = one.Services;
        _ = two.Services;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoRoot.SeedData, "meetings", "nuit-2025-02-13-referat.txt"), TestContext.Current.CancellationToken);

        var results = await Task.WhenAll(
            one.SendAsync(new ImportDocument("referat.txt", bytes)),
            two.SendAsync(new ImportDocument("referat.txt", bytes)));

        Assert.Equal(["created", "unchanged"], results.Select(r => r.Meetings[0].Status).Order());
        var (documents, meetings, cases) = await one.WithDbAsync(async db =>
            (await db.SourceDocuments.CountAsync(), await db.Meetings.CountAsync(), await db.Cases.CountAsync()));
        Assert.Equal((1, 1, 11), (documents, meetings, cases));
    }

    [Fact]
    public async Task A_link_decided_from_two_instances_on_the_same_version_has_one_winner_and_one_conflict()
    {
        RequirePostgres();
        await using var one = Instance("decide");
        await using var two = Instance("decide");
        var version = (await one.SendAsync(new GetCaseLinks("NUIT 36/24"))).Single(l => l.Item == "ICD11").Version;

        var outcomes = await Task.WhenAll(
            Outcome(one.SendAsync(new DecideLink("NUIT 36/24", "ICD11", LinkDecision.Confirm, "kari", ExpectedVersion: version))),
            Outcome(two.SendAsync(new DecideLink("NUIT 36/24", "ICD11", LinkDecision.Reject, "ola", ExpectedVersion: version))));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.IsType<DbUpdateConcurrencyException>(Assert.Single(outcomes, o => o is not null));
        var state = (await two.SendAsync(new GetCaseLinks("NUIT 36/24"))).Single(l => l.Item == "ICD11");
        Assert.NotEqual(version, state.Version);
    }

    [Fact]
    public async Task Two_instances_starting_together_make_the_missing_quarterly_report_once()
    {
        RequirePostgres();
        // Both instances run the start-up catch-up into the same Hangfire storage on PostgreSQL.
        await using var seeded = Instance("jobs");
        _ = seeded.Services;
        await using var one = new PostgresApp(TestDatabase.Postgres(_folder.File("jobs")), seed: true, jobs: true);
        await using var two = new PostgresApp(TestDatabase.Postgres(_folder.File("jobs")), seed: true, jobs: true);
        await Task.WhenAll(Task.Run(() => one.Services), Task.Run(() => two.Services));

        var quarter = Domain.Quarter.FromDate(DateOnly.FromDateTime(DateTime.Now)).Previous().ToString();
        var reports = new List<Features.Reports.ReportSummary>();
        for (var i = 0; i < 240 && reports.Count == 0; i++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            reports = [.. await one.SendAsync(new Features.Reports.ListReports(quarter))];
        }
        // Give a second, racing run time to finish (or fail) before counting.
        await Task.Delay(5000, TestContext.Current.CancellationToken);

        var all = await two.SendAsync(new Features.Reports.ListReports(quarter));
        Assert.Single(all);
        Assert.True(await one.WithDbAsync(async db =>
            await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM hangfire.server").SingleAsync() >= 2));
    }

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>The real host, told to use PostgreSQL with a given connection string.</summary>
    internal sealed class PostgresApp : PortfolioApp
    {
        private readonly string _connection;
        private readonly bool _jobs;

        /// <summary>A start on the database the test made (a fresh start there, never a copy of the seeded template).</summary>
        public PostgresApp(string connection, bool seed, bool jobs = false) : base("unused.db", seed: seed)
        {
            _connection = connection;
            _jobs = jobs;
            FreshStart = true;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Portfolio", _connection);
            if (_jobs) builder.UseSetting("Reports:Enabled", "true");
        }
    }
}
