using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Nuit.Portfolio.Data;

/// <summary>
/// What the SQLite busy retry (ADR 11) and the PostgreSQL restart retry (issue 23) share: the whole unit of work runs
/// again after a growing, jittered pause; inside a transaction opened outside any strategy it runs once; and when every
/// retry failed the provider's own exception says so in words the outcome table answers (503, exit 4).
/// </summary>
public abstract class UnitOfWorkRetryStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan firstDelay, TimeSpan maxDelay)
    : ExecutionStrategy(dependencies, maxRetryCount, maxDelay)
{
    /// <summary>True while running inside a transaction someone opened outside any strategy (see <see cref="OnFirstExecution"/>).</summary>
    private bool _insideForeignTransaction;

    /// <summary>Whether this provider's fault is worth running the unit of work again for.</summary>
    protected abstract bool IsTransientFault(Exception exception);

    /// <summary>The exception for a unit of work that failed through every retry.</summary>
    protected abstract Exception Exhausted(Exception last);

    protected override bool ShouldRetryOn(Exception exception) => !_insideForeignTransaction && IsTransientFault(exception);

    /// <summary>
    /// EF refuses to run a retrying strategy inside a transaction opened outside it (a report's read snapshot,
    /// an import that owns its transaction). Repeating one statement of such a transaction would be wrong, so
    /// there it runs once, without retries, as it did before these strategies existed.
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
        catch (RetryLimitExceededException ex) when (ex.InnerException is { } last && IsTransientFault(last))
        {
            throw Exhausted(last);
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
        catch (RetryLimitExceededException ex) when (ex.InnerException is { } last && IsTransientFault(last))
        {
            throw Exhausted(last);
        }
    }
}
