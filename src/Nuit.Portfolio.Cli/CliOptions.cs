using System.CommandLine;

namespace Nuit.Portfolio.Cli;

/// <summary>Options every command takes: where the data is and how to print.</summary>
public static class CliOptions
{
    public static readonly Option<string?> Db = new("--db")
    {
        Description = "SQLite-databasefil (standard: samme fil som webtjenesten bruker, data/portfolio.db).",
        Recursive = true,
    };

    public static readonly Option<string?> Provider = new("--provider")
    {
        Description = "Databasetype: Sqlite (standard) eller Postgres.",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Tilkoblingsstreng for PostgreSQL (som ConnectionStrings:Portfolio).",
        Recursive = true,
    };

    public static readonly Option<string?> SeedData = new("--seed-data")
    {
        Description = "Mappen med seed-data (standard: nærmeste seed-data/ over arbeidsmappen).",
        Recursive = true,
    };

    public static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "Utdata: table (standard) eller json.",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Vis hele feilmeldingen (med stakkspor) når noe uventet går galt; ellers står den bare i loggfilen.",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Verbose);
        root.Options.Add(Db);
        root.Options.Add(Provider);
        root.Options.Add(Connection);
        root.Options.Add(SeedData);
        root.Options.Add(Format);
    }
}

public enum OutputFormat
{
    Table,
    Json,
}
