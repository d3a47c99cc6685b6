using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.IntegrationTests.Infrastructure;

namespace Nuit.Portfolio.IntegrationTests.Data;

/// <summary>The one version check every edit with an expected version goes through, edge by edge, on a real SQLite file.</summary>
public sealed class VersionCheckTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(PortfolioDbContext Db, UserAccount Stored)> StoredAsync()
    {
        var db = new PortfolioDbContext(new DbContextOptionsBuilder<PortfolioDbContext>().UseSqlite($"Data Source={_folder.DatabasePath}").Options);
        await db.Database.MigrateAsync(Ct);
        db.UserAccounts.Add(new UserAccount { UserName = "kari", PasswordHash = "x", Role = AccessRole.Reader });
        await db.SaveChangesAsync(Ct);
        db.ChangeTracker.Clear();
        return (db, await db.UserAccounts.SingleAsync(Ct));
    }

    [Fact]
    public async Task No_row_yet_passes_when_the_client_saw_none_and_fails_when_it_names_a_version()
    {
        var (db, _) = await StoredAsync();
        await using var _db = db;

        db.ExpectVersion(null, Guid.Empty);
        db.ExpectVersion(null, null);
        Assert.Throws<DbUpdateConcurrencyException>(() => db.ExpectVersion(null, Guid.NewGuid()));
    }

    [Fact]
    public async Task A_stale_version_fails_at_save_even_when_nothing_else_changed_and_saves_nothing()
    {
        var (db, user) = await StoredAsync();
        await using var _db = db;
        var stored = user.Version;

        db.ExpectVersion(user, Guid.NewGuid());
        user.Role = AccessRole.Admin;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));

        db.ChangeTracker.Clear();
        var again = await db.UserAccounts.SingleAsync(Ct);
        Assert.Equal((AccessRole.Reader, stored), (again.Role, again.Version));
        // «I saw no row» while one is stored is stale too.
        db.ExpectVersion(again, Guid.Empty);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
    }

    [Fact]
    public async Task A_fresh_version_saves_and_gives_the_row_a_new_version()
    {
        var (db, user) = await StoredAsync();
        await using var _db = db;
        var seen = user.Version;

        db.ExpectVersion(user, seen);
        user.Role = AccessRole.Editor;
        await db.SaveChangesAsync(Ct);

        db.ChangeTracker.Clear();
        var saved = await db.UserAccounts.SingleAsync(Ct);
        Assert.Equal(AccessRole.Editor, saved.Role);
        Assert.NotEqual(seen, saved.Version);
    }

    [Fact]
    public void A_row_added_after_the_newest_one_seen_is_stale_for_add_only_rows()
    {
        var seen = DateTimeOffset.UtcNow;
        VersionCheck.ExpectLatest(null, DateTimeOffset.MinValue);
        VersionCheck.ExpectLatest(seen, seen);
        VersionCheck.ExpectLatest(seen.AddMinutes(1), null);
        Assert.Throws<DbUpdateConcurrencyException>(() => VersionCheck.ExpectLatest(seen.AddSeconds(1), seen));
    }
}
