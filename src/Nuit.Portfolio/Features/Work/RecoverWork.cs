using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Work;

/// <summary>
/// Finds work that is unfinished for longer than it should be — running but silent for <see cref="RunningFor"/>
/// (its process died), or queued for <see cref="QueuedFor"/> (its job was lost) — puts it back in the queue and
/// returns it to be enqueued again. With the embedded scheduler (in memory, one instance) everything unfinished at
/// start is an orphan, so both ages are zero then; with several instances on PostgreSQL only work silent for longer
/// is taken, so another live instance's work is left alone. Writes only when there is something to take: it runs
/// every few seconds, and on SQLite every write takes the one write lock.
/// </summary>
public sealed record RecoverWork(TimeSpan RunningFor, TimeSpan QueuedFor) : ICommand<IReadOnlyList<Guid>>, IOwnsTransaction;

public sealed class RecoverWorkHandler(PortfolioDbContext db, WorkBoard board, TimeProvider clock) : ICommandHandler<RecoverWork, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(RecoverWork request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var runningBefore = now - request.RunningFor;
        var queuedBefore = now - request.QueuedFor;
        // Zero: every running row is an orphan (the embedded scheduler at start), whatever its lease still says.
        var all = request.RunningFor <= TimeSpan.Zero;
        // Running work is silent when its lease has passed (its process was killed: seconds, not half an hour), or,
        // for a row from before the lease, when it started longer ago than RunningFor.
        var taken = (await db.BackgroundWork
            .Where(w => (w.State == WorkState.Running && (all || w.LeaseUntil < now || (w.LeaseUntil == null && w.StartedAt <= runningBefore)))
                || (w.State == WorkState.Queued && w.CreatedAt <= queuedBefore))
            .OrderBy(w => w.CreatedAt).Select(w => new { w.Id, w.State }).ToListAsync(cancellationToken))
            .Where(w => !board.IsRunningHere(w.Id)).ToList();
        var silent = taken.Where(w => w.State == WorkState.Running).Select(w => w.Id).ToList();
        if (silent.Count > 0)
            await db.BackgroundWork.Where(w => silent.Contains(w.Id) && w.State == WorkState.Running
                    && (all || w.LeaseUntil < now || (w.LeaseUntil == null && w.StartedAt <= runningBefore)))
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkState.Queued), cancellationToken);
        return [.. taken.Select(w => w.Id)];
    }
}

/// <summary>
/// Clears old finished work, once at start: outcomes are kept 30 days for the pages that link to them, and a preview
/// nobody confirmed gives back its file after a day.
/// </summary>
public sealed record TidyWork : ICommand<int>, IOwnsTransaction;

public sealed class TidyWorkHandler(PortfolioDbContext db, TimeProvider clock) : ICommandHandler<TidyWork, int>
{
    public static readonly TimeSpan KeepFinished = TimeSpan.FromDays(30);
    public static readonly TimeSpan KeepPreviewFile = TimeSpan.FromDays(1);

    public async ValueTask<int> Handle(TidyWork request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var finished = new[] { WorkState.Succeeded, WorkState.Failed };
        var oldFinished = now - KeepFinished;
        var oldPreview = now - KeepPreviewFile;
        return await db.BackgroundWork.Where(w => finished.Contains(w.State) && w.FinishedAt < oldFinished).ExecuteDeleteAsync(cancellationToken)
            + await db.BackgroundWork.Where(w => finished.Contains(w.State) && w.Payload != null && w.FinishedAt < oldPreview)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Payload, (byte[]?)null), cancellationToken);
    }
}
