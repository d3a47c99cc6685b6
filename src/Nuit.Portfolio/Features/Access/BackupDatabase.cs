using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Access;

/// <summary>
/// A consistent copy of the live database with SQLite's online backup, safe while the service runs and writes.
/// Written to a temporary file beside the target and moved into place, so a failed backup never leaves half a file.
/// </summary>
public sealed record BackupDatabase(string OutPath) : ICommand<BackupResult>, IOwnsTransaction;

public sealed record BackupResult(string Path, long Bytes);

public sealed class BackupDatabaseHandler(IOptions<DatabaseOptions> options) : ICommandHandler<BackupDatabase, BackupResult>
{
    public ValueTask<BackupResult> Handle(BackupDatabase request, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(request.OutPath);
        if (string.Equals(target, options.Value.FullPath, StringComparison.Ordinal))
            throw new InputException(request.OutPath, null, "sikkerhetskopien kan ikke skrives over selve databasen.");
        SqliteBackup.Copy(options.Value.FullPath, target);
        return ValueTask.FromResult(new BackupResult(target, new FileInfo(target).Length));
    }
}

internal static class SqliteBackup
{
    /// <summary>Copies <paramref name="source"/> into a new file at <paramref name="target"/> (replacing it) through a temporary file.</summary>
    public static void Copy(string source, string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var from = Open(source, SqliteOpenMode.ReadOnly))
            using (var to = Open(temp, SqliteOpenMode.ReadWriteCreate))
            {
                from.BackupDatabase(to);
                // A backup is one self-contained file: no WAL beside it.
                using var journal = to.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE;";
                journal.ExecuteNonQuery();
            }
            File.Move(temp, target, overwrite: true);
        }
        catch (SqliteException ex)
        {
            throw new InputException(target, null, $"sikkerhetskopien feilet: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(target, null, $"kan ikke skrive sikkerhetskopien: {ex.Message}", ex);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Unpooled: a backup or restore must not leave a pooled connection holding the file.</summary>
    public static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }
}
