using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;
using Nuit.Portfolio.Features.Ledger;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>Re-runs the matcher over every case (after an alias edit, say). Confirmed and rejected links stay as they are.</summary>
public sealed record RefreshLinks : ICommand<LinkRefresh>;

public sealed class RefreshLinksHandler(PortfolioDbContext db, CaseLinker linker, LedgerRefresher ledger) : ICommandHandler<RefreshLinks, LinkRefresh>
{
    public async ValueTask<LinkRefresh> Handle(RefreshLinks command, CancellationToken cancellationToken)
    {
        var ids = await db.Cases.Select(c => c.Id).ToListAsync(cancellationToken);
        var result = await linker.RefreshAsync(ids, cancellationToken);
        // The same re-read brings running-text references and follow-up suggestions up to date.
        await ledger.RefreshAsync(ids, cancellationToken);
        return result;
    }
}
