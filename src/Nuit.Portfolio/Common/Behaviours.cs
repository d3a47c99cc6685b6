using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Common;

/// <summary>
/// Runs every FluentValidation validator of the message before its handler, so the web host, jobs and
/// the CLI reject bad input the same way and a handler only ever sees valid requests.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        // The list only when something failed: this runs on every request, and nearly every request is valid.
        List<FluentValidation.Results.ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (result.Errors.Count > 0) (failures ??= []).AddRange(result.Errors);
        }
        if (failures is not null) throw new ValidationException(failures);
        return await next(message, cancellationToken);
    }
}

/// <summary>
/// A command whose handler opens and commits its own transactions (a report rendered outside the write lock, a dry run
/// that rolls back, background work that claims its row first, a backup of the file itself). The transaction behaviour
/// leaves it alone; every other command gets one transaction from the pipeline.
/// </summary>
public interface IOwnsTransaction;

/// <summary>
/// Wraps each command in one database transaction: an edit or import is all or nothing, whatever
/// number of SaveChanges calls its handler makes. On SQLite a locked database runs the whole command
/// again from fresh reads (<see cref="UnitOfWork"/>, ADR 11). Queries pass through untouched, and so do
/// commands marked <see cref="IOwnsTransaction"/>.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(PortfolioDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IOwnsTransaction || db.Database.CurrentTransaction is not null) return await next(message, cancellationToken);

        return await db.RunAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var response = await next(message, ct);
            await transaction.CommitAsync(ct);
            return response;
        }, cancellationToken);
    }
}
