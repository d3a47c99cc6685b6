using Mediator;
using Microsoft.EntityFrameworkCore;
using Nuit.Portfolio.Data;

namespace Nuit.Portfolio.Features.Linking;

/// <summary>Re-runs the matcher over every case (after an alias edit, say). Confirmed and rejected links stay as they are.</summary>
public sealed record RefreshLinks : ICommand<LinkRefresh>;

public sealed class RefreshLinksHandler(PortfolioDbContext db, CaseLinker linker) : ICommandHandler<RefreshLinks, LinkRefresh>
{
    public async ValueTask<LinkRefresh> Handle(RefreshLinks command, CancellationToken cancellationToken) =>
        await linker.RefreshAsync(await db.Cases.Select(c => c.Id).ToListAsync(cancellationToken), cancellationToken);
}
