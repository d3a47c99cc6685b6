using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Nuit.Portfolio.IntegrationTests.Infrastructure;

/// <summary>
/// Which database the host tests run on. SQLite files by default; with NUIT_TEST_PROVIDER=Postgres the same
/// tests run on PostgreSQL (NUIT_TEST_POSTGRES holds the server's connection string without a database),
/// each test folder getting its own database, dropped with the folder. .ci/run runs the suite both ways.
/// </summary>
public static class TestDatabase
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("NUIT_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("NUIT_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    private static readonly ConcurrentDictionary<string, string> Created = new();

    /// <summary>Host settings for a database identified by a path in a test folder.</summary>
    public static IReadOnlyDictionary<string, string> Settings(string databasePath) => OnPostgres
        ? new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Portfolio"] = Postgres(databasePath),
        }
        : new Dictionary<string, string> { ["Database:Path"] = databasePath };

    /// <summary>
    /// A new PostgreSQL database for this path (made once), for tests that ask for PostgreSQL whatever the run; with
    /// <paramref name="template"/> a copy of that database (<see cref="SeededDatabase"/>).
    /// </summary>
    public static string Postgres(string databasePath, string? template = null)
    {
        var server = PostgresServer ?? throw new InvalidOperationException("NUIT_TEST_POSTGRES er ikke satt.");
        var name = PostgresName(databasePath);
        Created.GetOrAdd(databasePath, _ =>
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            // A database of the same name left by an earlier, interrupted run is stale: start from nothing.
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            using var command = new NpgsqlCommand(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}", connection);
            command.ExecuteNonQuery();
            return name;
        });
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>The name of the PostgreSQL database for this path.</summary>
    public static string PostgresName(string databasePath) =>
        "nuit_t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(databasePath)))[..16];

    /// <summary>The CLI's options for the same database the host tests use for this path (a SQLite file or the run's PostgreSQL).</summary>
    public static string[] CliArgs(string databasePath) => OnPostgres
        ? ["--provider", "Postgres", "--connection", Postgres(databasePath)]
        : ["--db", databasePath];

    /// <summary>Drops the databases made for paths under a test folder.</summary>
    public static void DropUnder(string folder)
    {
        foreach (var (path, name) in Created.Where(kv => kv.Key.StartsWith(folder, StringComparison.Ordinal)).ToList())
        {
            Created.TryRemove(path, out _);
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(PostgresServer);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>For tests of SQLite's own file handling: skipped, with the reason, on a PostgreSQL run.</summary>
    public static void RequireSqlite(string why)
    {
        if (OnPostgres) Assert.Skip($"Gjelder bare SQLite: {why}");
    }
}
