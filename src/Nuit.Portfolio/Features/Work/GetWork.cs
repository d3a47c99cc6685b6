using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Common;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Domain;
using Nuit.Portfolio.Features.Meetings;

namespace Nuit.Portfolio.Features.Work;

/// <summary>How a piece of background work is going: the database row, with the current step when this instance runs it.</summary>
public sealed record GetWork(Guid Id) : IQuery<WorkStatus>;

public sealed class GetWorkHandler(PortfolioDbContext db, WorkBoard board) : IQueryHandler<GetWork, WorkStatus>
{
    public async ValueTask<WorkStatus> Handle(GetWork query, CancellationToken cancellationToken)
    {
        var work = await db.BackgroundWork.Where(w => w.Id == query.Id).WithoutFile().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Finner ikke dette arbeidet. Det kan være ryddet bort etter 30 dager.");
        return work.ToStatus(board.Get(work.Id));
    }
}

/// <summary>An import preview or import done in the background, with what it found, for the import page.</summary>
public sealed record GetImportWork(Guid Id) : IQuery<ImportWork>;

public sealed record ImportWork(WorkStatus Status, string FileName, ImportReport? Report, bool CanConfirm);

public sealed class GetImportWorkHandler(PortfolioDbContext db, WorkBoard board) : IQueryHandler<GetImportWork, ImportWork>
{
    public async ValueTask<ImportWork> Handle(GetImportWork query, CancellationToken cancellationToken)
    {
        var w = await db.BackgroundWork.Where(w => w.Id == query.Id && w.Kind != WorkKind.Report).WithoutFile().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Finner ikke denne importen. Last opp filen på nytt.");
        var report = w.Result is null ? null : JsonSerializer.Deserialize<ImportReport>(w.Result, WorkProjections.Json);
        var canConfirm = w.Kind == WorkKind.ImportPreview && w.State == WorkState.Succeeded
            && await db.BackgroundWork.AnyAsync(x => x.Id == w.Id && x.Payload != null, cancellationToken);
        return new ImportWork(w.ToStatus(board.Get(w.Id)), w.FileName ?? "", report, canConfirm);
    }
}
