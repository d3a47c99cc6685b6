using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Strategy;

public sealed class StartupTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task First_start_creates_the_file_applies_every_migration_and_loads_the_seed()
    {
        Assert.False(File.Exists(_folder.DatabasePath));
        await using var app = new PortfolioApp(_folder.DatabasePath) { FreshStart = true };
        var client = app.CreateClient();

        var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // SQLite creates the file; on a PostgreSQL run nothing is written beside the test.
        Assert.Equal(!TestDatabase.OnPostgres, File.Exists(_folder.DatabasePath));

        var (applied, all, goals, initiatives) = await app.WithDbAsync(async db => (
            (await db.Database.GetAppliedMigrationsAsync()).ToList(),
            db.Database.GetMigrations().ToList(),
            await db.Goals.Select(g => g.Code).OrderBy(c => c).ToListAsync(),
            await db.Initiatives.CountAsync()));
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], goals);
        Assert.Equal(13, initiatives);
    }

    [Fact]
    public async Task Api_returns_SFM_with_owner_and_aliases()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();

        var sfm = await client.GetFromJsonAsync<JsonElement>("/api/initiatives/SFM", TestContext.Current.CancellationToken);
        Assert.Equal("SFM", sfm.GetProperty("code").GetString());
        Assert.Equal("Sentral forskrivningsmodul", sfm.GetProperty("name").GetString());
        Assert.Equal("NHN", sfm.GetProperty("owner").GetString());
        Assert.Contains("SFM", sfm.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));

        // Codes are case-insensitive in URLs.
        var lower = await client.GetFromJsonAsync<JsonElement>("/api/initiatives/sfm", TestContext.Current.CancellationToken);
        Assert.Equal("SFM", lower.GetProperty("code").GetString());

        var icd = await client.GetFromJsonAsync<JsonElement>("/api/initiatives/ICD11", TestContext.Current.CancellationToken);
        var milestone = Assert.Single(icd.GetProperty("milestones").EnumerateArray());
        Assert.Equal("2024-10-15", milestone.GetProperty("planned").GetString());
        Assert.Equal("NUIT 36/24", milestone.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Unknown_initiative_is_404_with_a_message_and_no_internals()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var response = await app.CreateClient().GetAsync(new Uri("/api/initiatives/NOPE", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Finner ikke tiltaket «NOPE»", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Goals_and_indicators_api_serve_the_seeded_strategy_with_sources()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        var goals = await client.GetFromJsonAsync<JsonElement>("/api/goals", TestContext.Current.CancellationToken);
        var m1 = goals.GetProperty("goals")[0];
        Assert.Equal("M1", m1.GetProperty("code").GetString());
        Assert.Equal(["1A", "1B"], m1.GetProperty("subGoals").EnumerateArray().Select(s => s.GetProperty("code").GetString()));
        Assert.Equal("HELSENORGE", m1.GetProperty("subGoals")[0].GetProperty("initiatives")[0].GetProperty("code").GetString());

        var contact = await client.GetFromJsonAsync<JsonElement>("/api/indicators/DIGITAL-KONTAKT", TestContext.Current.CancellationToken);
        Assert.Equal("M1", contact.GetProperty("goal").GetString());
        var values = contact.GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(["2019", "2020", "2021", "2022", "2023"], values.Select(v => v.GetProperty("period").GetString()));
        Assert.Equal(57m, values[^1].GetProperty("value").GetDecimal());
        Assert.All(values, v => Assert.StartsWith("Innbyggerundersøkelsen", v.GetProperty("source").GetString(), StringComparison.Ordinal));
        Assert.Empty(contact.GetProperty("targets").EnumerateArray());
    }

    [Fact]
    public async Task First_page_lists_the_five_goals_with_sub_goals_and_initiatives_in_bokmal()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Contains("<html lang=\"nb\">", html, StringComparison.Ordinal);
        foreach (var name in new[]
                 {
                     "Aktiv medvirkning i egen og næres helse", "Enklere arbeidshverdag", "Helsedata til fornying og forbedring",
                     "Tilgjengelig informasjon og styrket samhandling", "Samarbeid og virkemidler som styrker gjennomføringskraft",
                 })
            Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("Innbyggere skal ha tilgang på velferdsteknologi og digital hjemmeoppfølging", html, StringComparison.Ordinal);
        Assert.Contains("Sentral forskrivningsmodul", html, StringComparison.Ordinal);
        Assert.Contains("Digital hjemmeoppfølging", html, StringComparison.Ordinal);
        Assert.Contains("Sentral forskrivningsmodul", html, StringComparison.Ordinal);

        // nb-NO number format on screen: 109,5 not 109.5.
        var roadmap = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync(new Uri("/roadmap", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Contains("siste verdi 109,5 millioner (2023)", roadmap, StringComparison.Ordinal);
        // Each initiative shows its status with the report's chip component (rendered into the page, same markup).
        Assert.Matches("<a href=\"/initiatives/SFM\"><span class=\"code\">SFM</span> [^<]+</a>\\s*<span class=\"rag rag-grey\">Grå \\(ikke rapportert\\)</span>", roadmap);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_api()
    {
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/initiatives/{code}", paths);
        Assert.Contains("/api/indicators", paths);
        Assert.Contains("/api/goals", paths);
    }

    [Fact]
    public async Task Health_is_503_when_the_database_does_not_answer()
    {
        TestDatabase.RequireSqlite("testen ødelegger databasefilen.");
        await using var app = new PortfolioApp(_folder.DatabasePath);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_folder.DatabasePath + "-wal");
        File.Delete(_folder.DatabasePath + "-shm");
        await File.WriteAllTextAsync(_folder.DatabasePath, "this is not a database, and it is long enough to have a header", TestContext.Current.CancellationToken);

        var broken = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, broken.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_SQLite_stops_the_start_with_a_clear_message()
    {
        const string text = "Dette er et tekstdokument, ikke en database.";
        await File.WriteAllTextAsync(_folder.DatabasePath, text, TestContext.Current.CancellationToken);

        // The real service process: its exit code and what the person starting it sees.
        var result = await AppProcess.RunDllAsync("Nuit.Portfolio.Web.dll", _folder.Path,
            "--Database:Path", _folder.DatabasePath, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Tjenesten kan ikke starte: Databasefilen {_folder.DatabasePath} er ikke en SQLite-database", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout, StringComparison.Ordinal);
        // The file is left as it was: nothing is lost.
        Assert.Equal(text, await File.ReadAllTextAsync(_folder.DatabasePath, TestContext.Current.CancellationToken));
    }
}
