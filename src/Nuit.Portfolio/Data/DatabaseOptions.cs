namespace Nuit.Portfolio.Data;

/// <summary>
/// Where the data lives. Bound from the "Database" section; the CLI's --db sets <see cref="Path"/>.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The default file, relative to the working directory, shared by the web host and the CLI.</summary>
    public const string DefaultPath = "data/portfolio.db";

    /// <summary>Sqlite (embedded default) or Postgres (several instances; see docs/deploy.md).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>ConnectionStrings:Portfolio, used by PostgreSQL (SQLite uses <see cref="Path"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite database file. Its folder is created when missing.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>The seed-data folder; when null it is found by walking up from the working directory and the app folder.</summary>
    public string? SeedDataPath { get; set; }

    /// <summary>Load the seed data when the database is initialised (first start). Off for tests that want an empty register.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>
    /// Use the compiled EF model (Data/CompiledModels, one per provider context) instead of building the model from the
    /// configurations at the first database use, which costs most of a CLI command's start (issue 18). Off only to compare
    /// the compiled model with a freshly built one (CompiledModelTests) or to rule it out when hunting a mapping bug.
    /// </summary>
    public bool CompiledModel { get; set; } = true;

    /// <summary>
    /// SQLite only: how long one statement waits for another writer's lock before it fails with "database is locked".
    /// Short, because a failed unit of work is retried as a whole (<see cref="BusyRetries"/>, ADR 11).
    /// </summary>
    public int BusyTimeoutSeconds { get; set; } = 10;

    /// <summary>SQLite only: how many times a unit of work that met a locked database is run again before giving up.</summary>
    public int BusyRetries { get; set; } = 3;

    /// <summary>SQLite only: the wait before the first retry; it doubles for each further one (with jitter).</summary>
    public int BusyRetryDelayMilliseconds { get; set; } = 250;

    public string FullPath => System.IO.Path.GetFullPath(Path);

    public string SqliteConnectionString => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
    {
        DataSource = FullPath,
        DefaultTimeout = Math.Max(1, BusyTimeoutSeconds),
        Pooling = true,
    }.ToString();

    public DatabaseProvider ProviderKind => ParseProvider(Provider);

    public string RequireConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new StartupException("Database:Provider er Postgres, men ConnectionStrings:Portfolio (eller --connection) mangler.")
            : ConnectionString;

    public static DatabaseProvider ParseProvider(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new StartupException($"Ukjent databasetype «{text}». Bruk Sqlite eller Postgres."),
    };
}

public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
}
