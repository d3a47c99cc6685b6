using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Nuit.Portfolio.Data;

/// <summary>
/// SQLite has one writer at a time. A statement that meets another writer's lock waits up to the busy timeout; when
/// that is not enough (a long import, a backup, SQLite refusing to wait to avoid a deadlock) the whole unit of work is
/// run again after a growing, jittered pause, from fresh reads. Retries happen only where the unit of work is wrapped
/// in <see cref="UnitOfWork.RunAsync{T}"/> or where EF runs a single statement or SaveChanges on its own (ADR 11).
/// </summary>
public sealed class SqliteBusyRetryStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan firstDelay)
    : UnitOfWorkRetryStrategy(dependencies, maxRetryCount, firstDelay, TimeSpan.FromSeconds(10))
{
    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), also as EF wraps them.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        DbUpdateException or InvalidOperationException or RetryLimitExceededException => IsTransient(exception.InnerException),
        _ => false,
    };

    protected override bool IsTransientFault(Exception exception) => IsTransient(exception);

    protected override Exception Exhausted(Exception last) => new DatabaseBusyException(last);
}

/// <summary>The database stayed locked by another writer through every retry; nothing of this unit of work was saved.</summary>
public sealed class DatabaseBusyException(Exception inner)
    : Exception("Databasen er opptatt akkurat nå (en annen skriver holder den). Ingenting er lagret; prøv igjen om litt.", inner)
{
    /// <summary>Seconds a client should wait before trying again (HTTP Retry-After).</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Also true for a busy error that was not retried (inside a transaction opened outside the strategy).</summary>
    public static bool Is(Exception exception) => exception is DatabaseBusyException || SqliteBusyRetryStrategy.IsTransient(exception);
}

/// <summary>Runs a unit of work (a transaction and everything in it) under the context's execution strategy.</summary>
public static class UnitOfWork
{
    /// <summary>
    /// On SQLite a locked database makes the whole <paramref name="work"/> run again; the change tracker is cleared
    /// first so the retry starts from fresh reads, not from entities the failed attempt had changed.
    /// On PostgreSQL a server restart or a dropped connection does the same (<see cref="PostgresRetryStrategy"/>).
    /// </summary>
    public static Task<T> RunAsync<T>(this PortfolioDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            if (attempt++ > 0) db.ChangeTracker.Clear();
            return await work(ct);
        }, cancellationToken);
    }
}
