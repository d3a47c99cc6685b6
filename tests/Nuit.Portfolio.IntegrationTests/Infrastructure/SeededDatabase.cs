using Microsoft.Data.Sqlite;
using Npgsql;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>
/// The database a plain start makes — migrated, seeded from seed-data, with the first admin — made once per test run
/// by starting the real host on it, and copied for every test that starts from the seed. Without it each of some 300
/// host tests ran every migration, the seed import and the admin's password hash again, and CI ran out of its 30
/// minutes. The copy is a real start's result, and its start still runs the real path (the pending-migration check,
/// the seed stamp, the admin check), which finds nothing due; the path that does the work is tested on every run by
/// making this template, and by the start and seed tests, which ask for a fresh start (<see cref="PortfolioApp.FreshStart"/>).
/// </summary>
public static class SeededDatabase
{
    private static readonly Lazy<string> SqliteTemplate = new(() => Build(onPostgres: false));
    private static readonly Lazy<string> PostgresTemplate = new(() => Build(onPostgres: true));

    /// <summary>Puts a copy of the seeded database at this path unless a database is there already (e.g. one the CLI made).</summary>
    public static void ProvideAt(string databasePath)
    {
        if (TestDatabase.OnPostgres)
        {
            TestDatabase.Postgres(databasePath, template: PostgresTemplate.Value);
            return;
        }
        ProvideSqliteAt(databasePath);
    }

    /// <summary>The SQLite copy only (the web server process runs on SQLite whatever the pass).</summary>
    public static void ProvideSqliteAt(string databasePath)
    {
        if (File.Exists(databasePath)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        File.Copy(SqliteTemplate.Value, databasePath);
    }

    private static string Build(bool onPostgres)
    {
        // Its own folder, kept for the run: the SQLite file is the template itself, and on PostgreSQL the folder's
        // path names the template database.
        var folder = Path.Combine(Path.GetTempPath(), "nuit-tests", "seeded-" + Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "portfolio.db");
        var app = new PortfolioApp(path) { FreshStart = true };
        try
        {
            _ = app.Services; // starts the host: migrations, seed, first admin
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        if (onPostgres)
        {
            // CREATE DATABASE … TEMPLATE needs the template without sessions.
            NpgsqlConnection.ClearAllPools();
            return TestDatabase.PostgresName(path);
        }
        SqliteConnection.ClearAllPools();
        // Everything in the main file, so one file copy is the whole database.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        return path;
    }
}
