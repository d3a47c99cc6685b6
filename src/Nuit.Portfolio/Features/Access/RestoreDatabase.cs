using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// Replaces the database with a backup. The file is checked first: a SQLite database with this application's
/// migrations and none newer. The current database is kept beside it (<c>….before-restore-TIMESTAMP</c>) and the
/// backup is copied in with SQLite's online backup, then migrated up if it is older than this version.
/// </summary>
public sealed record RestoreDatabase(string FromPath) : ICommand<RestoreResult>, IOwnsTransaction;

public sealed record RestoreResult(string Restored, string PreviousKeptAt, int MigrationsApplied);

public sealed class RestoreDatabaseHandler(IOptions<DatabaseOptions> options, PortfolioDbContext db, TimeProvider clock)
    : ICommandHandler<RestoreDatabase, RestoreResult>
{
    public async ValueTask<RestoreResult> Handle(RestoreDatabase request, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(request.FromPath);
        var live = options.Value.FullPath;
        if (!File.Exists(source)) throw new InputException(request.FromPath, null, "finner ikke filen.");
        if (string.Equals(source, live, StringComparison.Ordinal))
            throw new InputException(request.FromPath, null, "dette er selve databasen; velg en sikkerhetskopi.");
        Validate(source, db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal));

        var kept = $"{live}.before-restore-{clock.GetUtcNow():yyyyMMdd'T'HHmmss}";
        SqliteBackup.Copy(live, kept);

        SqliteConnection.ClearAllPools();
        using (var from = SqliteBackup.Open(source, SqliteOpenMode.ReadOnly))
        using (var to = SqliteBackup.Open(live, SqliteOpenMode.ReadWrite))
        {
            from.BackupDatabase(to);
            // Backups are single files (journal_mode=DELETE); the live database runs in WAL mode as EF created it.
            using var wal = to.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            wal.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0) await db.Database.MigrateAsync(cancellationToken);
        return new RestoreResult(source, kept, pending);
    }

    private static void Validate(string path, HashSet<string> known)
    {
        try
        {
            DatabaseInitializer.CheckSqliteFile(path);
        }
        catch (StartupException ex)
        {
            throw new InputException(path, null, ex.Message);
        }
        List<string> applied = [];
        try
        {
            using var connection = SqliteBackup.Open(path, SqliteOpenMode.ReadOnly);
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check;";
            if (check.ExecuteScalar() as string != "ok") throw new InputException(path, null, "filen er en skadet SQLite-database.");
            using var history = connection.CreateCommand();
            history.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;";
            using var reader = history.ExecuteReader();
            while (reader.Read()) applied.Add(reader.GetString(0));
        }
        catch (SqliteException ex)
        {
            throw new InputException(path, null, $"filen er ikke en sikkerhetskopi av denne tjenesten ({ex.Message}).", ex);
        }
        if (applied.Count == 0)
            throw new InputException(path, null, "filen er ikke en sikkerhetskopi av denne tjenesten (ingen migreringer).");
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
            throw new InputException(path, null, $"sikkerhetskopien er fra en nyere eller annen versjon (ukjent migrering {unknown[0]}); oppdater tjenesten først.");
    }
}
