using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;

namespace Nuit.Portfolio.Features.Work;

/// <summary>
/// Work of these kinds that is queued or running, oldest first: the reports and import pages list it, so someone who
/// left a progress page (or whose colleague started a report) can find it again.
/// </summary>
public sealed record ListWork(IReadOnlyList<WorkKind> Kinds, int Limit = 20) : IQuery<IReadOnlyList<WorkStatus>>;

public sealed class ListWorkHandler(PortfolioDbContext db, WorkBoard board) : IQueryHandler<ListWork, IReadOnlyList<WorkStatus>>
{
    public async ValueTask<IReadOnlyList<WorkStatus>> Handle(ListWork query, CancellationToken cancellationToken)
    {
        var kinds = query.Kinds.ToList();
        var unfinished = await db.BackgroundWork
            .Where(w => kinds.Contains(w.Kind) && (w.State == WorkState.Queued || w.State == WorkState.Running))
            .OrderBy(w => w.CreatedAt).Take(Math.Clamp(query.Limit, 1, 200))
            .WithoutFile()
            .ToListAsync(cancellationToken);
        return [.. unfinished.Select(w => w.ToStatus(board.Get(w.Id)))];
    }
}
