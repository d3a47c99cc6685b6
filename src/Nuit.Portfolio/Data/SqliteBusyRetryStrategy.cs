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
    : ExecutionStrategy(dependencies, maxRetryCount, MaxDelay)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    /// <summary>True while running inside a transaction someone opened outside any strategy (see <see cref="OnFirstExecution"/>).</summary>
    private bool _insideForeignTransaction;

    /// <summary>SQLITE_BUSY (5) or SQLITE_LOCKED (6), also as EF wraps them.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        DbUpdateException or InvalidOperationException or RetryLimitExceededException => IsTransient(exception.InnerException),
        _ => false,
    };

    protected override bool ShouldRetryOn(Exception exception) => !_insideForeignTransaction && IsTransient(exception);

    /// <summary>
    /// EF refuses to run a retrying strategy inside a transaction opened outside it (a report's read snapshot,
    /// an import that owns its transaction). Repeating one statement of such a transaction would be wrong, so
    /// there it runs once, without retries, as it did before this strategy existed.
    /// </summary>
    protected override void OnFirstExecution()
    {
        _insideForeignTransaction = Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;
        if (_insideForeignTransaction) ExceptionsEncountered.Clear();
        else base.OnFirstExecution();
    }

    /// <summary>Exponential from <c>firstDelay</c> (×1, ×2, ×4 …) with ±50 % jitter so two waiting writers do not collide again.</summary>
    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var retry = ExceptionsEncountered.Count - 1;
        if (retry >= MaxRetryCount) return null;
        var delay = firstDelay.TotalMilliseconds * Math.Pow(2, retry) * (0.5 + Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }

    public override TResult Execute<TState, TResult>(TState state, Func<DbContext, TState, TResult> operation,
        Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded)
    {
        try
        {
            return base.Execute(state, operation, verifySucceeded);
        }
        catch (RetryLimitExceededException ex) when (IsTransient(ex))
        {
            throw new DatabaseBusyException(ex.InnerException!);
        }
    }

    public override async Task<TResult> ExecuteAsync<TState, TResult>(TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);
        }
        catch (RetryLimitExceededException ex) when (IsTransient(ex))
        {
            throw new DatabaseBusyException(ex.InnerException!);
        }
    }
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
    /// On PostgreSQL (no retrying strategy) it runs once.
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
