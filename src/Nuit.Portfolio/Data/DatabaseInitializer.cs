using System.Data.Common;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Features.Strategy;
using Nuit.Portfolio.Seeding;

namespace Nuit.Portfolio.Data;

/// <summary>A problem with the database or data folder found at start, told in words a user can act on.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The one migrate-and-seed path, shared by the web host and the CLI: check the file, apply migrations,
/// then load the seed data (each entry once). Safe to run at every start.
/// </summary>
public static class DatabaseInitializer
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public static async Task InitializeAsync(IServiceProvider services, bool seed, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        var sqlite = options.ProviderKind == DatabaseProvider.Sqlite;
        if (sqlite) CheckSqliteFile(options.FullPath);
        var db = sp.GetRequiredService<PortfolioDbContext>();
        var where = sqlite ? options.FullPath : "PostgreSQL-databasen";
        try
        {
            var current = await NothingToMigrateAsync(db, ct);
            // EF Core takes a database lock while migrating (a lock table on SQLite, an advisory lock on
            // PostgreSQL), so when several instances start at once exactly one applies the migrations.
            var pending = current ? [] : (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                log.LogInformation("Oppdaterer {Database}: {Count} migrering(er)", where, pending.Count);
                await db.Database.MigrateAsync(ct);
            }
        }
        catch (SqliteException ex)
        {
            throw new StartupException(DescribeSqliteError(options.FullPath, ex), ex);
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw new StartupException($"Får ikke kontakt med PostgreSQL-databasen: {ex.Message}", ex);
        }

        if (!seed) return;
        var folder = SeedFolder.Find(options.SeedDataPath);
        if (folder is null)
        {
            // A database that has been seeded runs without the folder: new seed entries simply wait for it.
            if (options.SeedDataPath is null && await db.AppliedSeeds.AnyAsync(ct)) return;
            throw new StartupException("Finner ikke mappen seed-data med strategy.json. Sett Database:SeedDataPath (eller --seed-data) til mappen.");
        }
        var stamp = SeedStamp.Of(folder);
        if (await SeedStamp.IsCurrentAsync(db, stamp, ct)) return;
        var report = await sp.GetRequiredService<ISender>().Send(new SeedDatabase(folder), ct);
        if (report.Added > 0) log.LogInformation("Seed-data lastet fra {Folder}: {Added} nye oppføringer", folder, report.Added);
        await SeedStamp.SaveAsync(db, stamp, sp.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
    }

    /// <summary>
    /// The cheap «nothing to migrate» answer for every start (issue 18): the ids in the history table, read with one
    /// plain query, are exactly the migrations this build has. EF's own pending list first builds a model of the history
    /// table and compiles a query for it, which was most of a CLI command's start once the compiled model took the
    /// entity model off. Any doubt — no history table yet, an id this build lacks, an error — goes to EF's path, which decides.
    /// </summary>
    private static async Task<bool> NothingToMigrateAsync(PortfolioDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToList();
        try
        {
            var applied = await ReadStringsAsync(db, $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"", ct);
            return applied.Count == known.Count && applied.ToHashSet(StringComparer.Ordinal).SetEquals(known);
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>
    /// One column of strings from plain SQL on the context's connection, without EF's query pipeline: for the checks
    /// made at every start, where compiling a LINQ query would cost more than the query (issue 18).
    /// The SQL must read the same on SQLite and PostgreSQL (quoted identifiers).
    /// </summary>
    internal static async Task<List<string>> ReadStringsAsync(PortfolioDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new List<string>();
            while (await reader.ReadAsync(ct)) values.Add(reader.GetString(0));
            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Fails early and clearly on a file that is not SQLite or a folder or file we cannot write.</summary>
    public static void CheckSqliteFile(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Kan ikke opprette datamappen {folder}: {ex.Message}", ex);
        }

        if (File.Exists(path))
        {
            var info = new FileInfo(path);
            if (info.Length > 0)
            {
                var header = new byte[SqliteHeader.Length];
                try
                {
                    using var stream = File.OpenRead(path);
                    stream.ReadExactly(header);
                }
                catch (EndOfStreamException)
                {
                    throw new StartupException($"Databasefilen {path} er ikke en SQLite-database (den er for kort). Flytt den bort eller velg en annen fil.");
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new StartupException($"Kan ikke lese databasefilen {path}: {ex.Message}", ex);
                }
                if (!header.AsSpan().SequenceEqual(SqliteHeader))
                    throw new StartupException($"Databasefilen {path} er ikke en SQLite-database. Flytt den bort eller velg en annen fil med Database:Path / --db.");
            }
            if (!CanWrite(path, isFile: true))
                throw new StartupException($"Databasefilen {path} er skrivebeskyttet. Gi tjenesten skrivetilgang til filen, eller velg en annen fil.");
        }
        // SQLite writes a journal beside the file, so the folder must be writable too.
        if (!CanWrite(folder, isFile: false))
            throw new StartupException($"Datamappen {folder} er skrivebeskyttet. Gi tjenesten skrivetilgang, eller velg en annen mappe med Database:Path / --db.");
    }

    private static bool CanWrite(string path, bool isFile)
    {
        try
        {
            if (isFile)
            {
                using var _ = File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                return true;
            }
            var probe = Path.Combine(path, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string DescribeSqliteError(string path, SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => $"Databasefilen {path} er ikke en SQLite-database eller er kryptert.",
        8 => $"Databasefilen {path} er skrivebeskyttet.",
        13 => $"Disken er full; kan ikke skrive til {path}.",
        14 => $"Kan ikke åpne databasefilen {path}.",
        11 => $"Databasefilen {path} er skadet (SQLite: {ex.Message}).",
        _ => $"Databasefeil i {path}: {ex.Message}",
    };
}
