using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Work;

/// <summary>
/// At start: finds work a dead process left queued or running, puts it back in the queue and returns it to be
/// enqueued again; clears old finished work. With the embedded scheduler (in memory, one instance) everything unfinished
/// is an orphan, so both ages are zero; with several instances on PostgreSQL only work silent for longer than the
/// given ages is taken, so another live instance's work is left alone.
/// </summary>
public sealed record RecoverWork(TimeSpan RunningFor, TimeSpan QueuedFor) : IRequest<IReadOnlyList<Guid>>;

public sealed class RecoverWorkHandler(PortfolioDbContext db, TimeProvider clock) : IRequestHandler<RecoverWork, IReadOnlyList<Guid>>
{
    /// <summary>Finished work (and its outcome) is kept this long for the pages that link to it.</summary>
    public static readonly TimeSpan KeepFinished = TimeSpan.FromDays(30);

    /// <summary>An import preview nobody confirmed gives back its file after a day.</summary>
    public static readonly TimeSpan KeepPreviewFile = TimeSpan.FromDays(1);

    public async ValueTask<IReadOnlyList<Guid>> Handle(RecoverWork request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var runningBefore = now - request.RunningFor;
        var queuedBefore = now - request.QueuedFor;
        await db.BackgroundWork.Where(w => w.State == WorkState.Running && w.StartedAt <= runningBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkState.Queued), cancellationToken);

        var finished = new[] { WorkState.Succeeded, WorkState.Failed };
        var oldFinished = now - KeepFinished;
        await db.BackgroundWork.Where(w => finished.Contains(w.State) && w.FinishedAt < oldFinished).ExecuteDeleteAsync(cancellationToken);
        var oldPreview = now - KeepPreviewFile;
        await db.BackgroundWork.Where(w => finished.Contains(w.State) && w.Payload != null && w.FinishedAt < oldPreview)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Payload, (byte[]?)null), cancellationToken);

        return await db.BackgroundWork.Where(w => w.State == WorkState.Queued && w.CreatedAt <= queuedBefore)
            .OrderBy(w => w.CreatedAt).Select(w => w.Id).ToListAsync(cancellationToken);
    }
}
