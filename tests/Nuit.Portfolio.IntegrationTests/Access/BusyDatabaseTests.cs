using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Access;

/// <summary>
/// Another process holding SQLite's write lock: an edit or import waits and retries (ADR 11) and is saved exactly once,
/// or, when the lock outlasts every retry, gets 503 with Retry-After and saves nothing.
/// </summary>
public sealed class BusyDatabaseTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Indicator = "DIGITAL-KONTAKT";
    private const string ValueRoute = "/api/indicators/DIGITAL-KONTAKT/values/2024";

    /// <summary>The real host with a one-second busy timeout, so a held lock turns into retries quickly.</summary>
    private sealed class BusyApp(string databasePath, int retries, bool seed = true) : PortfolioApp(databasePath, seed: seed)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:BusyTimeoutSeconds", "1");
            builder.UseSetting("Database:BusyRetries", retries.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Database:BusyRetryDelayMilliseconds", "100");
        }
    }

    /// <summary>A second connection to the same file that takes the write lock, as another instance or the CLI would.</summary>
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={_folder.DatabasePath};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync(Ct);
        return connection;
    }

    private static Task<int> ValueChanges(PortfolioApp app) =>
        app.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.ItemCode == Indicator && r.Field == "verdi 2024", Ct));

    private static Task<decimal?> StoredValue(PortfolioApp app) =>
        app.WithDbAsync(db => db.IndicatorValues.Where(v => v.Indicator!.Code == Indicator && v.Period == "2024")
            .Select(v => (decimal?)v.Value).SingleOrDefaultAsync(Ct));

    [Fact]
    public async Task An_edit_during_a_two_second_write_lock_is_retried_and_saved_once()
    {
        TestDatabase.RequireSqlite("SQLite-låsen og busy-timeout");
        await using var app = new BusyApp(_folder.DatabasePath, retries: 6);
        var editor = app.CreateClient(AccessRole.Editor);
        var changesBefore = await ValueChanges(app);

        var holder = await HoldWriteLockAsync();
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            await holder.DisposeAsync(); // rolls the other writer back and frees the lock
        }, Ct);
        var clock = Stopwatch.StartNew();
        var response = await editor.PutAsJsonAsync(ValueRoute, new { value = 61.5m, source = "Under lås" }, Ct);
        await release;

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        // One attempt gives up after the one-second busy timeout, so success after the lock means it was retried.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.8), $"svarte etter {clock.Elapsed}");
        Assert.Equal(61.5m, await StoredValue(app));
        Assert.Equal(changesBefore + 1, await ValueChanges(app));
    }

    [Fact]
    public async Task A_document_imported_during_a_write_lock_is_stored_once()
    {
        TestDatabase.RequireSqlite("SQLite-låsen og busy-timeout");
        await using var app = new BusyApp(_folder.DatabasePath, retries: 6, seed: false);
        await app.WithDbAsync(db => db.Meetings.CountAsync(Ct)); // started and migrated before the lock

        var holder = await HoldWriteLockAsync();
        var release = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            await holder.DisposeAsync();
        }, Ct);
        // The import owns its transaction (not the command pipeline's), so it is retried on its own.
        var report = await app.SendAsync(new ImportDocument("referat-2-2025.txt", Encoding.UTF8.GetBytes(AuditTests.Minutes("Per Hansen"))), actingAs: "per.hansen");
        await release;

        Assert.Equal("created", Assert.Single(report.Meetings).Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Meetings.CountAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ImportRecords.CountAsync(Ct)));
        Assert.Equal(1, await app.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.Field == "import referat", Ct)));
    }

    [Fact]
    public async Task A_lock_held_past_every_retry_gives_503_with_retry_after_and_saves_nothing()
    {
        TestDatabase.RequireSqlite("SQLite-låsen og busy-timeout");
        await using var app = new BusyApp(_folder.DatabasePath, retries: 1);
        var editor = app.CreateClient(AccessRole.Editor);
        var changesBefore = await ValueChanges(app);
        var valueBefore = await StoredValue(app);

        HttpResponseMessage response;
        await using (await HoldWriteLockAsync())
        {
            response = await editor.PutAsJsonAsync(ValueRoute, new { value = 99m, source = "Aldri lagret" }, Ct);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Databasen er opptatt akkurat nå", problem, StringComparison.Ordinal);
        Assert.Equal(valueBefore, await StoredValue(app));
        Assert.Equal(changesBefore, await ValueChanges(app));
    }
}
