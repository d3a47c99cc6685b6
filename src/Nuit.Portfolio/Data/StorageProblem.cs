using Microsoft.Data.Sqlite;
using Npgsql;

namespace Nuit.Portfolio.Data;

/// <summary>
/// The database cannot store anything: the disk is full or the file or folder has become read-only while the service
/// runs. Told apart from other faults so people get the reason in one sentence (and know nothing was saved) instead
/// of «intern feil»; the operator has to act, so it is not retried.
/// </summary>
public static class StorageProblem
{
    /// <summary>The one line for a full disk under files the service or the CLI writes (a report folder, an export).</summary>
    public const string OutputDiskFull = "Disken filene skal skrives til er full. Ingenting er skrevet eller lagret; frigjør plass og prøv igjen.";

    public static string? Describe(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException io && IsDiskFull(io)) return OutputDiskFull;
            var reason = e switch
            {
                SqliteException { SqliteErrorCode: 13 } => "Disken databasen ligger på er full.",
                SqliteException { SqliteErrorCode: 8 } => "Databasefilen eller mappen den ligger i er skrivebeskyttet.",
                SqliteException { SqliteErrorCode: 10 } => "Databasen fikk en lese- eller skrivefeil fra disken.",
                PostgresException { SqlState: PostgresErrorCodes.DiskFull } => "Disken til PostgreSQL-serveren er full.",
                PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } => "PostgreSQL-serveren tar bare imot lesing (skrivebeskyttet).",
                _ => null,
            };
            if (reason is not null) return $"{reason} Ingenting er lagret. Gi beskjed til den som drifter tjenesten.";
        }
        return null;
    }

    /// <summary>ENOSPC (28) or EDQUOT (122) on Unix, where .NET puts the errno in HResult; ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(IOException exception) =>
        exception.HResult is 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027);
}
