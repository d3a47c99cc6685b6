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

    public string FullPath => System.IO.Path.GetFullPath(Path);

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
