using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Nuit.Portfolio.Data;

/// <summary>
/// PostgreSQL's counterpart of <see cref="SqliteBusyRetryStrategy"/> (issue 23): a restart of the server
/// (57P01 admin shutdown, 57P02, 57P03 «starting up») or a dropped connection makes the whole unit of work run again
/// from fresh reads, after a growing, jittered pause (1 s, 2 s, 4 s, at most 5 s). Inside a transaction opened outside any strategy (a report's read
/// snapshot, the roadmap import) it runs once, as on SQLite. What still fails after the retries becomes
/// <see cref="DatabaseUnavailableException"/>: 503 with Retry-After, exit 4 in the CLI — never «intern feil».
/// </summary>
public sealed class PostgresRetryStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount)
    : UnitOfWorkRetryStrategy(dependencies, maxRetryCount, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
{
    private static readonly string[] RestartCodes =
        [PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow];

    /// <summary>A connection lost or refused, a server shutting down or starting up; also as EF wraps them.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        PostgresException pg => pg.IsTransient || RestartCodes.Contains(pg.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient,
        DbUpdateException or InvalidOperationException or RetryLimitExceededException => IsTransient(exception.InnerException),
        _ => false,
    };

    protected override bool IsTransientFault(Exception exception) => IsTransient(exception);

    protected override Exception Exhausted(Exception last) => new DatabaseUnavailableException(last);
}

/// <summary>The database server could not be reached through every retry (restarting, or gone); nothing of this unit of work was saved.</summary>
public sealed class DatabaseUnavailableException(Exception inner)
    : Exception("Databasen svarer ikke akkurat nå (den starter kanskje på nytt). Ingenting er lagret; prøv igjen om litt.", inner)
{
    /// <summary>Also true for a transient fault that was not retried (inside a transaction opened outside the strategy).</summary>
    public static bool Is(Exception exception) => exception is DatabaseUnavailableException || PostgresRetryStrategy.IsTransient(exception);
}
